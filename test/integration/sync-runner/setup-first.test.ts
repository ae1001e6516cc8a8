// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { HANDOFF_STATES, STATE_LABELS } from '../../../shared/domain/states';
import { SETUP_NEEDED_MESSAGE } from '../../../renderer/src/sync/sync-api';
import { SYNC_META } from '../../../renderer/src/sync/sync-meta';
import { runSync } from '../../../renderer/src/sync/sync-runner';
import { createSyncScheduler, type SyncScheduler } from '../../../renderer/src/sync/sync-scheduler';
import { resetSyncStore, useSyncStore } from '../../../renderer/src/sync/sync-store';
import { DEFAULT_TOKEN, type HubSpotFake } from '../../hubspot-fake';
import { createRunnerHandoff, startRunnerHarness, type RunnerHarness } from './harness';

/**
 * No sync sets HubSpot up before the person chose where handoffs live: on a
 * paid portal (which would accept a new deal pipeline) the runs after
 * connecting write and read nothing and say what to do; the setup screen's
 * choice (through the scheduler, as the settings panel calls it) starts
 * syncing. A portal set up by an earlier Baton keeps syncing with no prompt.
 */

const MINUTE = 60_000;

/** Writes of any kind: CRM objects, pipelines, properties (token introspection is a POST that reads). */
function writes(fake: HubSpotFake): number {
  return fake.stats.requests.filter((r) => r.method !== 'GET' && !/\/(search|batch\/read)$/.test(r.path.split('?')[0] ?? '') && !r.path.startsWith('/crm/v4/associations') && !r.path.startsWith('/oauth/')).length;
}

describe('sync before the HubSpot setup was chosen', () => {
  let h: RunnerHarness;
  let scheduler: SyncScheduler | null = null;

  beforeEach(async () => {
    resetSyncStore();
    h = await startRunnerHarness();
  });
  afterEach(async () => {
    scheduler?.stop();
    scheduler = null;
    await h.close();
  });

  async function started(): Promise<SyncScheduler> {
    const s = createSyncScheduler({ db: h.db, api: h.api, now: h.now, intervalMs: 60 * 60_000 });
    scheduler = s;
    s.start();
    await vi.waitFor(() => expect(useSyncStore.getState().connected).not.toBeNull());
    await s.requestRun();
    return s;
  }

  async function run(s: SyncScheduler): Promise<void> {
    h.advance(MINUTE);
    await s.requestRun();
  }

  it('a paid portal: connecting and syncing change nothing in HubSpot and say to choose; choosing tickets syncs handoffs as tickets, no deals', async () => {
    expect(h.fake.state.tier).toBe('professional');
    const pipelinesBefore = { deals: h.fake.state.pipelines('deals'), tickets: h.fake.state.pipelines('tickets') };
    await createRunnerHandoff(h, 'h-1', 'Landing page');
    const s = await started();
    h.fake.stats.reset();

    expect(await s.connect(DEFAULT_TOKEN)).toMatchObject({ ok: true, portalSwitch: null });
    await run(s);
    // "Sync now" and the interval meet the same wait.
    await run(s);
    expect(useSyncStore.getState()).toMatchObject({ setupNeeded: true, lastError: null, lastSyncAt: null, running: false });
    // A run on its own says why it stopped, in the words the status shows.
    expect(await runSync(h.db, h.api, { now: h.now })).toMatchObject({ ok: false, error: { code: 'SETUP_NEEDED', message: SETUP_NEEDED_MESSAGE } });
    expect(writes(h.fake)).toBe(0);
    expect(h.fake.stats.count('/crm/v3/objects')).toBe(0);
    expect(h.fake.state.pipelines('deals')).toEqual(pipelinesBefore.deals);
    expect(h.fake.state.pipelines('tickets')).toEqual(pipelinesBefore.tickets);
    expect(h.fake.state.properties('deals').some((p) => p.name.startsWith('baton_'))).toBe(false);
    expect(await h.db.outbox.where('status').equals('pending').count()).toBeGreaterThan(0);
    expect(await h.db.syncMeta.get(SYNC_META.provisionedFor)).toBeUndefined();
    expect(await h.db.syncMeta.get(SYNC_META.cursor)).toBeUndefined();

    // The setup screen: nothing in use yet, so the person chooses; tickets in Baton's own pipeline.
    const options = await s.setupOptions();
    expect(options).toMatchObject({ ok: true, options: { current: null } });
    const chosen = await s.provision({ mode: 'create', recordType: 'tickets' });
    expect(chosen).toMatchObject({ ok: true, result: { setup: { recordType: 'tickets', ownPipeline: true } } });
    await run(s);

    expect(useSyncStore.getState()).toMatchObject({ setupNeeded: false, lastError: null });
    expect(useSyncStore.getState().lastSyncAt).not.toBeNull();
    const tickets = h.fake.state.tickets.filter((t) => t.properties['baton_id'] === 'h-1');
    expect(tickets).toHaveLength(1);
    expect((await h.db.handoffs.get('h-1'))?.client.hubspotDealId).toBe(tickets[0]?.id);
    expect(h.fake.state.deals.filter((d) => d.properties['baton_id'])).toHaveLength(0);
    expect(h.fake.state.pipelines('deals')).toEqual(pipelinesBefore.deals);
    expect(h.fake.state.pipelines('tickets').map((p) => p.label)).toContain('Handoffs');
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('a portal with an earlier Baton "Handoffs" deal pipeline keeps syncing on deals with no prompt', async () => {
    // What earlier versions made: the pipeline only, no setup marker ("Handoff done" still at closed-won 1.0).
    const response = await fetch(`${h.fake.baseUrl}/crm/v3/pipelines/deals`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        label: 'Handoffs',
        displayOrder: 1,
        stages: HANDOFF_STATES.map((state, index) => ({ label: STATE_LABELS[state], displayOrder: index, metadata: { probability: String([0.1, 0.3, 0.6, 1][index]) } })),
      }),
    });
    expect(response.status).toBe(201);
    await createRunnerHandoff(h, 'h-1', 'Landing page');
    const s = await started();
    expect(await s.connect(DEFAULT_TOKEN)).toMatchObject({ ok: true, portalSwitch: null });
    await run(s);

    expect(useSyncStore.getState()).toMatchObject({ setupNeeded: false, lastError: null });
    const handoffs = h.fake.state.pipelines('deals').find((p) => p.label === 'Handoffs');
    const deals = h.fake.state.deals.filter((d) => d.properties['baton_id'] === 'h-1');
    expect(deals).toHaveLength(1);
    expect(deals[0]?.properties['pipeline']).toBe(handoffs?.id);
    expect(h.fake.state.tickets.filter((t) => t.properties['baton_id'])).toHaveLength(0);
    expect(await h.db.outbox.count()).toBe(0);
  });
});
