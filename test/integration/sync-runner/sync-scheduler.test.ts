// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { createHandoff } from '../../../renderer/src/data/commands';
import { loadSettings } from '../../../renderer/src/data/settings';
import { createSyncScheduler, type SyncScheduler } from '../../../renderer/src/sync/sync-scheduler';
import { resetSyncStore, useSyncStore } from '../../../renderer/src/sync/sync-store';
import { SYNC_META } from '../../../renderer/src/sync/sync-meta';
import type { SyncApi } from '../../../renderer/src/sync/sync-api';
import { DEFAULT_TOKEN } from '../../hubspot-fake';
import { DEALS_OWN_PIPELINE, startRunnerHarness, type RunnerHarness } from './harness';

describe('sync scheduler', () => {
  let h: RunnerHarness;
  let scheduler: SyncScheduler | null = null;
  let pulls = 0;
  let onPull: () => void = () => undefined;
  let countingApi: SyncApi;

  beforeEach(async () => {
    resetSyncStore();
    h = await startRunnerHarness();
    pulls = 0;
    onPull = () => undefined;
    countingApi = {
      ...h.api,
      'sync.pull': (request) => {
        pulls += 1;
        onPull();
        return h.api['sync.pull'](request);
      },
    };
  });
  afterEach(async () => {
    scheduler?.stop();
    scheduler = null;
    await h.close();
  });

  async function started(): Promise<SyncScheduler> {
    scheduler = createSyncScheduler({ db: h.db, api: countingApi, now: h.now, intervalMs: 60 * 60_000 });
    scheduler.start();
    await vi.waitFor(() => expect(useSyncStore.getState().connected).not.toBeNull());
    await scheduler.requestRun();
    return scheduler;
  }

  it('connects with a token, syncs at once, and fills the owner directory from HubSpot', async () => {
    const s = await started();
    expect(useSyncStore.getState().connected).toBe(false);
    expect(pulls).toBe(0);
    const outcome = await s.connect(DEFAULT_TOKEN);
    expect(outcome).toMatchObject({ ok: true, connection: { portalId: h.fake.state.portalId } });
    expect((await s.provision(DEALS_OWN_PIPELINE)).ok).toBe(true);
    await s.requestRun();
    expect(pulls).toBeGreaterThan(0);
    const state = useSyncStore.getState();
    expect(state).toMatchObject({ connected: true, running: false, lastError: null });
    expect(state.lastSyncAt).not.toBeNull();
    expect(await h.db.syncMeta.get(SYNC_META.lastSyncAt)).toMatchObject({ value: state.lastSyncAt });
    const owners = (await loadSettings(h.db)).owners.map((o) => o.id);
    expect(owners).toEqual(expect.arrayContaining(['local-user', ...h.fake.state.owners.map((o) => o.id)]));
  });

  it('runs again on its interval while online and connected, and not while offline', async () => {
    await h.connect();
    await h.chooseSetup();
    scheduler = createSyncScheduler({ db: h.db, api: countingApi, now: h.now, intervalMs: 20 });
    scheduler.start();
    await vi.waitFor(() => expect(pulls).toBeGreaterThanOrEqual(3));
    h.host.online.setOnline(false);
    await vi.waitFor(() => expect(useSyncStore.getState()).toMatchObject({ online: false, running: false }));
    const atOffline = pulls;
    // Several intervals pass offline; none of them runs.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(pulls).toBe(atOffline);
  });

  it('reports a wrong token with its typed error and stays disconnected', async () => {
    const s = await started();
    const outcome = await s.connect('not-a-real-token');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'HUBSPOT_AUTH' } });
    expect(useSyncStore.getState().connected).toBe(false);
  });

  it('runs one sync at a time: requests during a run queue exactly one follow-up', async () => {
    await h.connect();
    await h.chooseSetup();
    const s = await started();
    pulls = 0;
    const during: Promise<void>[] = [];
    onPull = () => {
      // Two more requests while the first run is pulling.
      if (pulls === 1) during.push(s.requestRun(), s.requestRun());
    };
    await s.requestRun();
    await Promise.all(during);
    expect(during).toHaveLength(2);
    expect(pulls).toBe(2);
  });

  it('offline: no run and no error, the queue waits; reconnecting syncs it', async () => {
    await h.connect();
    await h.chooseSetup();
    const s = await started();
    h.host.online.setOnline(false);
    await vi.waitFor(() => expect(useSyncStore.getState().online).toBe(false));
    const created = await createHandoff(h.db, { id: 'h-wait', title: 'Waits offline', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: h.template.id, sender: '100001' }, '100001', h.now());
    expect(created.ok).toBe(true);
    pulls = 0;
    await s.requestRun();
    expect(pulls).toBe(0);
    expect(useSyncStore.getState().lastError).toBeNull();
    expect(await h.db.outbox.where('status').equals('pending').count()).toBeGreaterThan(0);

    h.host.online.setOnline(true);
    await vi.waitFor(async () => {
      expect(h.fake.state.deals.filter((d) => d.properties['baton_id'] === 'h-wait')).toHaveLength(1);
      expect(await h.db.outbox.count()).toBe(0);
      expect(useSyncStore.getState().running).toBe(false);
    });
  });

  it('"Retry failed" re-queues refused changes and runs: offline they wait, online they go through', async () => {
    await h.connect();
    await h.chooseSetup();
    const s = await started();
    const created = await createHandoff(h.db, { id: 'h-retry', title: 'Refused at first', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: h.template.id, sender: '100001' }, '100001', h.now());
    expect(created.ok).toBe(true);
    h.fake.faults.failNext({ method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' }, { kind: 'json', status: 400, body: { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR' } });
    await s.requestRun();
    expect(await h.db.outbox.where('status').equals('failed').count()).toBe(1);

    h.host.online.setOnline(false);
    await vi.waitFor(() => expect(useSyncStore.getState().online).toBe(false));
    expect(await s.retryFailed()).toEqual({ requeued: 1, sent: 0, failed: 0, waiting: 1, refusals: [] });
    expect(await h.db.outbox.where('status').equals('pending').count()).toBe(1);

    h.host.online.setOnline(true);
    await vi.waitFor(() => expect(useSyncStore.getState().online).toBe(true));
    await s.requestRun();
    expect(await h.db.outbox.count()).toBe(0);
    expect(h.fake.state.deals.filter((d) => !d.archived && d.properties['baton_id'] === 'h-retry')).toHaveLength(1);
    expect((await h.db.handoffs.get('h-retry'))?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedBy: 'hubspot' })]);
    // Nothing left to retry.
    expect(await s.retryFailed()).toEqual({ requeued: 0, sent: 0, failed: 0, waiting: 0, refusals: [] });
  });
});
