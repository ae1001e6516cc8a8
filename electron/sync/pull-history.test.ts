import { startSyncHarness, type SyncHarness } from '../../test/integration/sync/harness';
import { TEMPLATE } from '../../test/integration/sync/fixtures';

const SEARCH = '/crm/v3/objects/deals/search';
const READ = '/crm/v3/objects/deals/batch/read';

describe('incremental pull: property history is read while the search pages on', () => {
  let h: SyncHarness;
  afterEach(async () => {
    await h.close();
  });

  async function changedDeals(count: number): Promise<{ ids: string[]; cursor: { lastModifiedMs: number } }> {
    h = await startSyncHarness({ rateLimit: { burstPer10s: 190, searchPerSecond: 5 }, tuning: { maxAttempts: 1 } });
    await h.connect();
    const setup = await h.handlers['hubspot.provision']({ templates: [TEMPLATE] });
    const cursor = { lastModifiedMs: h.now() };
    h.advance(10 * 60_000);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      ids.push(h.fake.colleague.createDeal({ dealname: `Deal ${i}`, pipeline: setup.pipelineId, dealstage: setup.stageIds.IN_PROGRESS }).id);
      h.advance(1000);
    }
    h.fake.stats.reset();
    return { ids, cursor };
  }

  it('starts history reads before the last search page, and returns every deal with its history', async () => {
    const { ids, cursor } = await changedDeals(650);
    const result = await h.handlers['sync.pull']({ cursor, knownDealIds: ids, templates: [TEMPLATE] });
    expect(new Set(result.deals.map((d) => d.dealId))).toEqual(new Set(ids));
    expect(result.deals.every((d) => (d.history['dealname']?.length ?? 0) > 0)).toBe(true);
    const paths = h.fake.stats.requests.map((r) => r.path);
    expect(paths.filter((p) => p.startsWith(SEARCH))).toHaveLength(4);
    expect(paths.filter((p) => p.startsWith(READ))).toHaveLength(13);
    expect(paths.findIndex((p) => p.startsWith(READ))).toBeLessThan(paths.findLastIndex((p) => p.startsWith(SEARCH)));
    expect(h.fake.stats.rateLimited).toBe(0);
  });

  it('fails the pull when a history read fails, after the other reads have settled', async () => {
    const { ids, cursor } = await changedDeals(300);
    h.fake.faults.failNext({ path: READ }, { status: 500 }, 1);
    await expect(h.handlers['sync.pull']({ cursor, knownDealIds: ids, templates: [TEMPLATE] })).rejects.toMatchObject({ code: 'HUBSPOT_UNAVAILABLE' });
  });
});
