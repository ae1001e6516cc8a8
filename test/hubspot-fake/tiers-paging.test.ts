import { startHubSpotFake, type HubSpotFake } from './index';
import { call } from './test-client';

let fake: HubSpotFake;
afterEach(async () => {
  await fake.close();
});

const handoffs = (stages: [string, string][]) => ({
  label: 'Handoffs',
  displayOrder: 1,
  stages: stages.map(([label, probability], i) => ({ label, displayOrder: i, metadata: { probability } })),
});

describe('tiers', () => {
  it('free: no pipeline beyond the seeded one, per object type; nothing is created', async () => {
    fake = await startHubSpotFake({ tier: 'free' });
    for (const type of ['deals', 'tickets']) {
      const res = await call(fake, 'POST', `/crm/v3/pipelines/${type}`, { label: 'Handoffs', displayOrder: 1, stages: [{ label: 'A', displayOrder: 0, metadata: { probability: '0.5' } }] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ category: 'VALIDATION_ERROR', errors: [{ code: 'PIPELINE_LIMIT_REACHED' }] });
    }
    expect(fake.state.pipelines('deals')).toHaveLength(1);
    expect(fake.state.tier).toBe('free');
  });

  it('starter: one more pipeline, then the limit', async () => {
    fake = await startHubSpotFake({ tier: 'starter' });
    expect((await call(fake, 'POST', '/crm/v3/pipelines/deals', handoffs([['A', '0.5']]))).status).toBe(201);
    expect((await call(fake, 'POST', '/crm/v3/pipelines/deals', { ...handoffs([['A', '0.5']]), label: 'Third' })).status).toBe(400);
  });
});

describe('closed stages', () => {
  it('derives isClosed from a deal stage probability, on create and on PATCH', async () => {
    fake = await startHubSpotFake();
    const created = await call(fake, 'POST', '/crm/v3/pipelines/deals', handoffs([['Open', '0.9'], ['Won', '1.0'], ['Lost', '0.0']]));
    const body = created.body as { id: string; stages: { id: string; metadata: Record<string, string> }[] };
    expect(body.stages.map((s) => s.metadata['isClosed'])).toEqual(['false', 'true', 'true']);
    const won = body.stages[1]?.id ?? '';
    const patched = await call(fake, 'PATCH', `/crm/v3/pipelines/deals/${body.id}/stages/${won}`, { metadata: { probability: '0.9', isClosed: 'true' } });
    expect(patched.body).toMatchObject({ metadata: { probability: '0.9', isClosed: 'false' } });
  });
});

describe('association paging', () => {
  it('pages each result of the v4 batch read and takes the cursor back per input', async () => {
    fake = await startHubSpotFake({ associationPageSize: 2 });
    const deal = (await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'D' } })).body as { id: string };
    for (let i = 0; i < 5; i += 1) {
      const res = await call(fake, 'POST', '/crm/v3/objects/notes', {
        properties: { hs_note_body: `n${i}`, hs_timestamp: '2026-11-20T08:00:00.000Z' },
        associations: [{ to: { id: deal.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }],
      });
      expect(res.status).toBe(201);
    }
    const seen: unknown[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await call(fake, 'POST', '/crm/v4/associations/deals/notes/batch/read', { inputs: [{ id: deal.id, ...(after ? { after } : {}) }] });
      const result = (res.body as { results: { to: { toObjectId: number }[]; paging?: { next?: { after: string } } }[] }).results[0];
      seen.push(...(result?.to.map((t) => t.toObjectId) ?? []));
      after = result?.paging?.next?.after;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('batch read with history', () => {
  it('takes at most 50 inputs when property history is asked for', async () => {
    fake = await startHubSpotFake();
    const inputs = Array.from({ length: 51 }, (_, i) => ({ id: String(i + 1) }));
    const withHistory = await call(fake, 'POST', '/crm/v3/objects/deals/batch/read', { inputs, properties: ['dealname'], propertiesWithHistory: ['dealname'] });
    expect(withHistory.status).toBe(400);
    const without = await call(fake, 'POST', '/crm/v3/objects/deals/batch/read', { inputs, properties: ['dealname'], propertiesWithHistory: [] });
    expect(without.status).not.toBe(400);
  });
});
