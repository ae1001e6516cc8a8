// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { describeCardRetry } from '../../../renderer/src/sync/card-retry';
import { createSyncScheduler, type SyncScheduler } from '../../../renderer/src/sync/sync-scheduler';
import { resetSyncStore, useSyncStore } from '../../../renderer/src/sync/sync-store';
import { DEALS_OWN_PIPELINE, createRunnerHandoff, startRunnerHarness, type RunnerHarness } from './harness';

/**
 * "Retry sync" on one card against the real sync service and the HubSpot
 * fake: only that handoff's refused changes are sent again; the outcome is
 * sent, refused again with HubSpot's reason, or queued while offline.
 */

const UPSERT = { method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' } as const;

function refuseNextDeal(h: RunnerHarness, times = 1): void {
  h.fake.faults.failNext(UPSERT, { kind: 'json', status: 400, body: { status: 'error', message: 'Property "baton_client" does not exist', category: 'VALIDATION_ERROR' } }, times);
}

function conditions() {
  const { online, connected, portalSwitch } = useSyncStore.getState();
  return { online, connected, portalSwitchPending: portalSwitch !== null };
}

describe('retrying one card\'s refused sync', () => {
  let h: RunnerHarness;
  let s: SyncScheduler;

  beforeEach(async () => {
    resetSyncStore();
    h = await startRunnerHarness();
    s = createSyncScheduler({ db: h.db, api: h.api, now: h.now, intervalMs: 60 * 60_000 });
    s.start();
    await vi.waitFor(() => expect(useSyncStore.getState().connected).not.toBeNull());
    await s.connect('test-token');
    expect((await s.provision(DEALS_OWN_PIPELINE)).ok).toBe(true);
    await s.requestRun();
    // Two cards, each refused for good on its own push (one batch per run).
    for (const id of ['h-card', 'h-other']) {
      refuseNextDeal(h);
      await createRunnerHandoff(h, id, `Card ${id}`);
      await s.requestRun();
    }
    expect((await h.db.outbox.where('status').equals('failed').toArray()).map((e) => e.handoffId).sort()).toEqual(['h-card', 'h-other']);
  });
  afterEach(async () => {
    s.stop();
    await h.close();
  });

  it('refused again: HubSpot\'s reason comes back and the card keeps one open exception', async () => {
    refuseNextDeal(h);
    const outcome = await s.retryFailed('h-card');
    expect(describeCardRetry(outcome, conditions())).toEqual({ text: 'HubSpot refused it again: HubSpot refused the data (HTTP 400). HubSpot said: Property "baton_client" does not exist', tone: 'problem' });
    expect((await h.db.handoffs.get('h-card'))?.exceptions.filter((e) => e.kind === 'SYNC_FAILED')).toHaveLength(1);
  });

  it('sends this card only, and resolves its exception', async () => {
    h.fake.stats.reset();
    const outcome = await s.retryFailed('h-card');
    expect(describeCardRetry(outcome, conditions())).toEqual({ text: 'Sent to HubSpot.', tone: 'ok' });
    expect(h.fake.state.deals.filter((d) => !d.archived).map((d) => d.properties['baton_id'])).toEqual(['h-card']);
    expect((await h.db.outbox.toArray()).map((e) => [e.handoffId, e.status])).toEqual([['h-other', 'failed']]);
    const card = await h.db.handoffs.get('h-card');
    expect(card?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedBy: 'hubspot' })]);
    expect(await h.db.events.where('handoffId').equals('h-card').count()).toBe(card?.version);
    expect((await h.db.handoffs.get('h-other'))?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedAt: null })]);
  });

  it('offline: queued, said so, and sent when the connection is back', async () => {
    h.host.online.setOnline(false);
    await vi.waitFor(() => expect(useSyncStore.getState().online).toBe(false));
    const outcome = await s.retryFailed('h-card');
    expect(describeCardRetry(outcome, conditions())).toEqual({ text: 'Queued: you are offline. It is sent when the connection is back.', tone: 'waiting' });
    expect(await h.db.outbox.where('status').equals('pending').count()).toBe(1);

    h.host.online.setOnline(true);
    await vi.waitFor(async () => {
      expect(h.fake.state.deals.filter((d) => !d.archived && d.properties['baton_id'] === 'h-card')).toHaveLength(1);
      expect(await h.db.outbox.where('handoffId').equals('h-card').count()).toBe(0);
    });
  });
});
