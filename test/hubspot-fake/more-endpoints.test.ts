import { startHubSpotFake, type HubSpotFake } from './index';
import { call, clientFor } from './test-client';

let fake: HubSpotFake;
beforeAll(async () => {
  fake = await startHubSpotFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
});

const prop = (name: string) => ({ name, label: name, type: 'string', fieldType: 'text', groupName: 'dealinformation' });

describe('property batch endpoints', () => {
  it('batch-creates properties, reporting existing ones as 207 errors', async () => {
    await call(fake, 'POST', '/crm/v3/properties/deals', prop('baton_a'));
    const res = await call(fake, 'POST', '/crm/v3/properties/deals/batch/create', { inputs: [prop('baton_a'), prop('baton_b')] });
    expect(res.status).toBe(207);
    expect(res.body).toMatchObject({ numErrors: 1, results: [{ name: 'baton_b' }], errors: [{ category: 'OBJECT_ALREADY_EXISTS', context: { name: ['baton_a'] } }] });
    const read = await clientFor(fake).crm.properties.batchApi.read('deals', { inputs: [{ name: 'baton_a' }, { name: 'baton_b' }], archived: false });
    expect(read.results.map((p) => p.name).sort()).toEqual(['baton_a', 'baton_b']);
    const missing = await call(fake, 'POST', '/crm/v3/properties/deals/batch/read', { inputs: [{ name: 'nope' }] });
    expect(missing.status).toBe(207);
  });

  it('archives a custom property but not a HubSpot-defined one', async () => {
    await call(fake, 'POST', '/crm/v3/properties/deals', prop('baton_c'));
    expect((await call(fake, 'DELETE', '/crm/v3/properties/deals/baton_c')).status).toBe(204);
    expect((await call(fake, 'GET', '/crm/v3/properties/deals/baton_c')).status).toBe(404);
    expect((await call(fake, 'DELETE', '/crm/v3/properties/deals/dealname')).status).toBe(400);
    const written = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { baton_c: 'x' } });
    expect(written.status).toBe(400);
  });

  it('refuses writes to read-only properties', async () => {
    const res = await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'x', hs_lastmodifieddate: '0' } });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { code: string }[] }).errors[0]?.code).toBe('READ_ONLY_VALUE');
  });
});

describe('association batch endpoints', () => {
  it('associates by default in bulk, creates labelled pairs, archives', async () => {
    const deal = (await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'D' } })).body as { id: string };
    const tasks = await call(fake, 'POST', '/crm/v3/objects/tasks/batch/create', { inputs: [{ properties: { hs_timestamp: '0' } }, { properties: { hs_timestamp: '0' } }] });
    const [t1, t2] = (tasks.body as { results: { id: string }[] }).results.map((r) => r.id);
    const bulk = await call(fake, 'POST', '/crm/v4/associations/tasks/deals/batch/associate/default', {
      inputs: [{ from: { id: t1 }, to: { id: deal.id } }, { from: { id: '1' }, to: { id: deal.id } }],
    });
    expect(bulk.status).toBe(207);
    expect(bulk.body).toMatchObject({ numErrors: 1, results: [{ from: { id: t1 }, associationSpec: { associationTypeId: 216 } }] });
    const labelled = await call(fake, 'POST', '/crm/v4/associations/tasks/deals/batch/create', {
      inputs: [{ from: { id: t2 }, to: { id: deal.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }] }],
    });
    expect(labelled.status).toBe(201);
    const read = await call(fake, 'POST', '/crm/v4/associations/deals/tasks/batch/read', { inputs: [{ id: deal.id }] });
    expect((read.body as { results: { to: { toObjectId: number }[] }[] }).results[0]?.to.map((t) => String(t.toObjectId))).toEqual([t1, t2]);
    expect((await call(fake, 'POST', '/crm/v4/associations/deals/tasks/batch/archive', { inputs: [{ from: { id: deal.id }, to: [{ id: t1 }] }] })).status).toBe(204);
    expect(fake.state.associations.filter((a) => a.fromType === 'deals').map((a) => a.toId)).toEqual([t2]);
  });

  it('drops associations when a record is archived', async () => {
    const deal = (await call(fake, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'D' } })).body as { id: string };
    const note = await call(fake, 'POST', '/crm/v3/objects/notes', {
      properties: { hs_timestamp: '0', hs_note_body: 'x' },
      associations: [{ to: { id: deal.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }],
    });
    expect(fake.state.associations).toHaveLength(2);
    await call(fake, 'DELETE', `/crm/v3/objects/notes/${(note.body as { id: string }).id}`);
    expect(fake.state.associations).toHaveLength(0);
  });
});

describe('tickets and list paging with history', () => {
  it('uses hs_pipeline / hs_pipeline_stage with ticketState metadata', async () => {
    const ticket = await call(fake, 'POST', '/crm/v3/objects/tickets', { properties: { subject: 'Bug', hs_pipeline_stage: '4' } });
    expect(ticket.status).toBe(201);
    expect((ticket.body as { properties: Record<string, string> }).properties).toMatchObject({ hs_pipeline: '0', hs_pipeline_stage: '4' });
    const pipeline = await call(fake, 'POST', '/crm/v3/pipelines/tickets', { label: 'Handoffs', displayOrder: 1, stages: [{ label: 'Open', displayOrder: 0, metadata: { ticketState: 'SOMETIMES' } }] });
    expect(pipeline.status).toBe(400);
    const dealStageOnTicket = await call(fake, 'POST', '/crm/v3/objects/tickets', { properties: { subject: 'x', hs_pipeline_stage: 'closedwon' } });
    expect(dealStageOnTicket.status).toBe(400);
  });

  it('pages deals 50 at most when propertiesWithHistory is asked for', async () => {
    const inputs = Array.from({ length: 60 }, (_, i) => ({ properties: { dealname: `D${i}` } }));
    await call(fake, 'POST', '/crm/v3/objects/deals/batch/create', { inputs });
    const page = await call(fake, 'GET', '/crm/v3/objects/deals?limit=100&propertiesWithHistory=dealname');
    const body = page.body as { results: unknown[]; paging?: { next?: { after: string } } };
    expect(body.results).toHaveLength(50);
    expect(body.paging?.next?.after).toBeDefined();
    const rest = await call(fake, 'GET', `/crm/v3/objects/deals?limit=100&after=${body.paging?.next?.after ?? ''}`);
    expect((rest.body as { results: unknown[] }).results).toHaveLength(10);
  });
});
