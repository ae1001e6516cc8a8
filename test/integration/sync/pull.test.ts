import { startSyncHarness } from './harness';
import type { SyncHarness, HarnessOptions } from './harness';
import { TEMPLATE } from './fixtures';
import type { StageIds } from '../../../shared/sync/protocol';

async function setUp(options: HarnessOptions = {}): Promise<{ h: SyncHarness; stageIds: StageIds; pipelineId: string }> {
  const h = await startSyncHarness(options);
  await h.connect();
  const { stageIds, pipelineId } = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
  return { h, stageIds, pipelineId };
}

function createDeals(h: SyncHarness, pipelineId: string, stage: string, count: number, prefix = 'Deal'): string[] {
  return Array.from({ length: count }, (_, i) => h.fake.colleague.createDeal({ dealname: `${prefix} ${i}`, pipeline: pipelineId, dealstage: stage }).id);
}

describe('pull', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  it('initial sync returns every deal of the Handoffs pipeline (and no other), with the stage map and a cursor', async () => {
    const setup = await setUp();
    h = setup.h;
    const ids = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 3);
    h.fake.colleague.createDeal({ dealname: 'Sales deal', pipeline: 'default', dealstage: 'appointmentscheduled' });
    const result = await h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    expect(result.deals.map((d) => d.dealId).sort()).toEqual([...ids].sort());
    expect(result.stageIds).toEqual(setup.stageIds);
    expect(result.deals[0]?.properties).toHaveProperty('baton_id', null);
    expect(result.deals[0]?.properties).toHaveProperty('assets_ready');
    expect(result.cursor.lastModifiedMs).toBe(h.now());
  });

  it('is incremental: only deals changed since the cursor (within the look-back), with property history', async () => {
    const setup = await setUp({ tuning: { lookbackMs: 1000 } });
    h = setup.h;
    const [old] = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 1, 'Old');
    h.advance(60_000);
    const [b] = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 1, 'Recent');
    const first = await h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    expect(first.deals).toHaveLength(2);
    h.advance(60_000);
    h.fake.colleague.setDealProperties(old ?? '', { dealname: 'Renamed by a colleague', assets_ready: 'true' });
    h.advance(1);
    const second = await h.handlers['sync.pull']({ cursor: first.cursor, knownDealIds: [old ?? '', b ?? ''], templates: [TEMPLATE] });
    // `b` sits at the cursor itself, inside the look-back: re-read on purpose (reconcile makes that a no-op).
    expect(second.deals.map((d) => d.dealId).sort()).toEqual([old, b].sort());
    const deal = second.deals.find((d) => d.dealId === old);
    expect(deal?.properties['dealname']).toBe('Renamed by a colleague');
    expect(deal?.history['dealname']?.[0]).toMatchObject({ value: 'Renamed by a colleague' });
    expect(Date.parse(deal?.history['dealname']?.[0]?.timestamp ?? '')).toBe(h.now() - 1);
    expect(second.cursor.lastModifiedMs).toBe(h.now() - 1);
    // Nothing changed since, and the last change is outside the look-back: the next pull is empty.
    h.advance(60_000);
    const third = await h.handlers['sync.pull']({ cursor: { lastModifiedMs: second.cursor.lastModifiedMs + 1500 }, knownDealIds: [old ?? '', b ?? ''], templates: [TEMPLATE] });
    expect(third.deals).toEqual([]);
  });

  it('splits into time windows before the result cap and sweeps a bulk update that shares one timestamp by id', async () => {
    const setup = await setUp({ tuning: { maxResultsPerQuery: 8, pageSize: 4 } });
    h = setup.h;
    // 20 deals created at one instant (a bulk import) and 7 more, one per second.
    const bulk = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 20, 'Bulk');
    const spread: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      h.advance(1000);
      spread.push(...createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 1, `Spread ${i}`));
    }
    h.fake.stats.reset();
    const result = await h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    const got = result.deals.map((d) => d.dealId);
    expect(new Set(got).size).toBe(got.length);
    expect([...got].sort()).toEqual([...bulk, ...spread].sort());
    // Every search stayed within the cap: no page past `after` 8.
    const bodies = h.fake.stats.requests.filter((r) => r.path.includes('/search')).map((r) => r.body as { after?: string; limit: number });
    expect(bodies.every((b) => Number(b.after ?? 0) + b.limit <= 8)).toBe(true);
    expect(h.fake.stats.requests.every((r) => r.status === 200)).toBe(true);
  });

  it('finds a write that search indexed late on a later pull (look-back), and re-reading it is harmless', async () => {
    const setup = await setUp({ fake: { searchIndexDelayMs: 2000 }, tuning: { lookbackMs: 10_000 } });
    h = setup.h;
    const [a] = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 1);
    h.advance(60_000);
    const [c] = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 1);
    h.advance(5000);
    const first = await h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    expect(first.deals.map((d) => d.dealId).sort()).toEqual([a, c].sort());
    h.advance(60_000);
    h.fake.colleague.setDealProperties(a ?? '', { dealname: 'Late' });
    // Pulled right away: the change is not in the search index yet.
    const early = await h.handlers['sync.pull']({ cursor: first.cursor, knownDealIds: [a ?? '', c ?? ''], templates: [TEMPLATE] });
    expect(early.deals.filter((d) => d.properties['dealname'] === 'Late')).toEqual([]);
    h.advance(3000);
    const later = await h.handlers['sync.pull']({ cursor: early.cursor, knownDealIds: [a ?? '', c ?? ''], templates: [TEMPLATE] });
    expect(later.deals.find((d) => d.dealId === a)?.properties['dealname']).toBe('Late');
    expect(later.cursor.lastModifiedMs).toBeGreaterThan(early.cursor.lastModifiedMs);
  });

  it('reports deals deleted in HubSpot as archived', async () => {
    const setup = await setUp();
    h = setup.h;
    const [a, b] = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 2);
    const first = await h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    h.advance(60_000);
    h.fake.colleague.archiveDeal(b ?? '');
    const second = await h.handlers['sync.pull']({ cursor: first.cursor, knownDealIds: [a ?? '', b ?? ''], templates: [TEMPLATE] });
    expect(second.deals.filter((d) => d.archived)).toEqual([expect.objectContaining({ dealId: b, archived: true })]);
    expect(second.deals.find((d) => d.dealId === a)?.archived ?? false).toBe(false);
  });

  it('reports known deals moved to another pipeline with their pipeline and stage only', async () => {
    const setup = await setUp();
    h = setup.h;
    const [stays, moves] = createDeals(h, setup.pipelineId, setup.stageIds.IN_PROGRESS, 2);
    const first = await h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    h.advance(60 * 60_000);
    h.fake.colleague.setDealProperties(moves ?? '', { dealname: 'Now a sales deal', pipeline: 'default', dealstage: 'closedwon' });
    const second = await h.handlers['sync.pull']({ cursor: first.cursor, knownDealIds: [stays ?? '', moves ?? ''], templates: [TEMPLATE] });
    // `stays` sits at the cursor, inside the look-back, so it comes back as a normal (unchanged) deal.
    expect(second.deals.map((d) => d.dealId).sort()).toEqual([stays, moves].sort());
    expect(second.deals.find((d) => d.dealId === stays)?.properties['pipeline']).toBe(setup.pipelineId);
    expect(second.deals.find((d) => d.dealId === moves)).toEqual({
      dealId: moves,
      batonId: null,
      properties: { baton_id: null, pipeline: 'default', dealstage: 'closedwon' },
      history: {},
      archived: false,
      updatedAt: new Date(h.now()).toISOString(),
    });
    // Nothing of the moved deal was searched, so the cursor does not move past it.
    expect(second.cursor).toEqual(first.cursor);
  });

  it('answers NOT_PROVISIONED before setup and SYNC_BUSY for a concurrent run', async () => {
    h = await startSyncHarness();
    await h.connect();
    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [] })).rejects.toMatchObject({ code: 'NOT_PROVISIONED' });
    await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    const running = h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] });
    await expect(h.handlers['sync.push']({ items: [] })).rejects.toMatchObject({ code: 'SYNC_BUSY' });
    await running;
  });

  it('turns a malformed HubSpot answer into HUBSPOT_BAD_RESPONSE without crashing', async () => {
    const setup = await setUp({ tuning: { maxAttempts: 1 } });
    h = setup.h;
    h.fake.faults.failNext({ path: '/crm/v3/objects/deals/search' }, { kind: 'malformed', body: '{"results": [' });
    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] })).rejects.toMatchObject({ code: 'HUBSPOT_BAD_RESPONSE' });
    h.fake.faults.failNext({ path: '/crm/v3/objects/deals/search' }, { kind: 'json', status: 200, body: { total: 1, results: [{ id: 5 }] } });
    await expect(h.handlers['sync.pull']({ cursor: null, knownDealIds: [], templates: [TEMPLATE] })).rejects.toMatchObject({ code: 'HUBSPOT_BAD_RESPONSE' });
  });
});
