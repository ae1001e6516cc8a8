// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { runCommand } from '../../../renderer/src/data/commands';
import type { BatonDb } from '../../../renderer/src/data/db';
import { SYNC_META } from '../../../renderer/src/sync/sync-meta';
import { runSync } from '../../../renderer/src/sync/sync-runner';
import { createSyncScheduler, type SyncScheduler } from '../../../renderer/src/sync/sync-scheduler';
import { resetSyncStore, useSyncStore } from '../../../renderer/src/sync/sync-store';
import { DEFAULT_TOKEN, type HubSpotFake } from '../../hubspot-fake';
import { DEALS_OWN_PIPELINE, RUNNER_SENDER, createRunnerHandoff, startRunnerHarness, type RunnerHarness } from './harness';

/**
 * Switching HubSpot accounts against the real sync service and two fake
 * portals behind one API host. Both portals number their deals the same way,
 * so the old portal's deal ids name unrelated deals in the new one: the
 * workspace must never address them there.
 */

const PORTAL_A = { portalId: 1_234_567, tokens: [DEFAULT_TOKEN] };
const PORTAL_B = { portalId: 7_654_321, tokens: ['token-b'] };
const MINUTE = 60_000;

/** Writes of any kind: CRM objects, pipelines, properties. */
function writes(fake: HubSpotFake): number {
  // Token introspection (which scopes the token has) is a POST that reads.
  return fake.stats.requests.filter((r) => r.method !== 'GET' && !/\/(search|batch\/read)$/.test(r.path.split('?')[0] ?? '') && !r.path.startsWith('/crm/v4/associations') && !r.path.startsWith('/oauth/')).length;
}

async function expectHistoryMatchesVersion(db: BatonDb): Promise<void> {
  for (const handoff of await db.handoffs.toArray()) {
    expect(await db.events.where('handoffId').equals(handoff.id).count(), handoff.id).toBe(handoff.version);
  }
}

describe('switching the HubSpot account', () => {
  let h: RunnerHarness;
  let scheduler: SyncScheduler | null = null;
  let a: HubSpotFake;
  let b: HubSpotFake;

  beforeEach(async () => {
    resetSyncStore();
    h = await startRunnerHarness({ portals: [PORTAL_A, PORTAL_B] });
    const [first, second] = h.portals;
    if (!first || !second) throw new Error('setup: two portals expected');
    [a, b] = [first, second];
  });
  afterEach(async () => {
    scheduler?.stop();
    scheduler = null;
    await h.close();
  });

  async function started(): Promise<SyncScheduler> {
    scheduler = createSyncScheduler({ db: h.db, api: h.api, now: h.now, intervalMs: 60 * 60_000 });
    scheduler.start();
    await vi.waitFor(() => expect(useSyncStore.getState().connected).not.toBeNull());
    await scheduler.requestRun();
    return scheduler;
  }

  async function run(s: SyncScheduler): Promise<void> {
    h.advance(MINUTE);
    await s.requestRun();
  }

  /** Connected to A with three handoffs: two linked to deals, one (h-3) refused by A for good, and h-2's deal moved out of the pipeline in A. */
  async function linkedToA(): Promise<SyncScheduler> {
    const s = await started();
    expect(await s.connect(DEFAULT_TOKEN)).toMatchObject({ ok: true, portalSwitch: null });
    expect((await s.provision(DEALS_OWN_PIPELINE)).ok).toBe(true);
    await run(s);
    await createRunnerHandoff(h, 'h-1', 'Landing page');
    await createRunnerHandoff(h, 'h-2', 'Onboarding');
    await run(s);
    a.faults.failNext({ method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' }, { kind: 'json', status: 400, body: { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR' } });
    await createRunnerHandoff(h, 'h-3', 'Refused in A');
    await run(s);
    a.colleague.moveDealToStage('h-2', 'appointmentscheduled');
    await run(s);

    expect(await h.db.syncMeta.get(SYNC_META.portalId)).toMatchObject({ value: String(PORTAL_A.portalId) });
    expect((await h.db.handoffs.get('h-1'))?.client.hubspotDealId).toBe(a.state.deals.find((d) => d.properties['baton_id'] === 'h-1')?.id);
    expect((await h.db.handoffs.get('h-2'))?.exceptions).toEqual([expect.objectContaining({ kind: 'DEAL_LEFT_PIPELINE', resolvedAt: null })]);
    expect((await h.db.handoffs.get('h-3'))?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedAt: null })]);
    expect(await h.db.outbox.where('status').equals('failed').count()).toBe(1);
    return s;
  }

  it('waits for confirmation, then unlinks everything of the old account and creates every handoff in the new one', async () => {
    const s = await linkedToA();
    const h1DealInA = (await h.db.handoffs.get('h-1'))?.client.hubspotDealId;
    // In B, an unrelated deal carries the very id h-1's deal has in A.
    const unrelated = b.colleague.createDeal({ dealname: 'Unrelated B deal', amount: '500' });
    expect(unrelated.id).toBe(h1DealInA);
    const aDealsBefore = a.state.deals;

    await s.disconnect();
    a.stats.reset();
    b.stats.reset();
    const outcome = await s.connect('token-b');
    expect(outcome).toEqual({
      ok: true,
      connection: expect.objectContaining({ portalId: PORTAL_B.portalId }),
      portalSwitch: { from: String(PORTAL_A.portalId), to: String(PORTAL_B.portalId), linkedHandoffs: 2, handoffsToCreate: 3 },
    });
    expect(useSyncStore.getState()).toMatchObject({ portalSwitch: { to: String(PORTAL_B.portalId) }, lastError: { code: 'PORTAL_SWITCH_PENDING' } });

    // Until the person confirms, nothing runs, even with a local edit waiting: B is only asked who it is.
    expect((await runCommand(h.db, 'h-1', { type: 'set_title', title: 'Landing page v2' }, RUNNER_SENDER, h.now())).ok).toBe(true);
    await run(s);
    expect(writes(b)).toBe(0);
    expect(b.stats.count('/crm/v3/objects/deals/search')).toBe(0);
    // And a run that slips past the scheduler is refused by the host before any HubSpot call of the run.
    const sneaked = await runSync(h.db, h.api, { now: h.now });
    expect(sneaked).toMatchObject({ ok: false, error: { code: 'PORTAL_MISMATCH' } });
    expect(writes(b)).toBe(0);
    expect(b.stats.count('/crm/v3/objects')).toBe(0);
    expect((await h.db.handoffs.get('h-1'))?.client.hubspotDealId).toBe(h1DealInA);

    const confirmed = await s.confirmPortalSwitch(RUNNER_SENDER);
    // Queued: h-2 only (h-1 has its edit's upsert waiting, h-3 its refused one, pending again).
    expect(confirmed).toEqual({ ok: true, summary: { unlinked: 2, queued: 1, requeued: 1, resolved: 1 } });
    // B was never set up for Baton: the person chooses its setup, as A's.
    expect((await s.provision(DEALS_OWN_PIPELINE)).ok).toBe(true);
    await run(s);
    expect(useSyncStore.getState()).toMatchObject({ portalSwitch: null, lastError: null });

    // Every handoff is a deal in B now, found by its Baton id; the unrelated deal is as it was.
    const inB = b.state.deals.filter((d) => !d.archived && d.properties['baton_id']);
    expect(inB.map((d) => d.properties['baton_id']).sort()).toEqual(['h-1', 'h-2', 'h-3']);
    expect(inB.find((d) => d.properties['baton_id'] === 'h-1')?.properties['dealname']).toBe('Landing page v2');
    const untouched = b.state.object('deals', unrelated.id);
    expect(untouched?.properties).toEqual(unrelated.properties);
    expect(untouched?.updatedAt).toBe(unrelated.updatedAt);
    for (const id of ['h-1', 'h-2', 'h-3']) {
      expect((await h.db.handoffs.get(id))?.client.hubspotDealId).toBe(inB.find((d) => d.properties['baton_id'] === id)?.id);
      expect((await h.db.syncState.get(id))?.dealId).toBe(inB.find((d) => d.properties['baton_id'] === id)?.id);
    }
    // Nothing was sent to A after the switch.
    expect(a.stats.count()).toBe(0);
    expect(a.state.deals).toEqual(aDealsBefore);

    expect(await h.db.outbox.count()).toBe(0);
    expect((await h.db.handoffs.get('h-2'))?.exceptions).toEqual([
      expect.objectContaining({ kind: 'DEAL_LEFT_PIPELINE', resolvedBy: RUNNER_SENDER, resolution: expect.stringContaining(String(PORTAL_B.portalId)) }),
    ]);
    expect((await h.db.handoffs.get('h-3'))?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedBy: 'hubspot' })]);
    expect(await h.db.syncMeta.get(SYNC_META.portalId)).toMatchObject({ value: String(PORTAL_B.portalId) });
    await expectHistoryMatchesVersion(h.db);
  });

  it('reconnecting to the same account keeps every link, base and cursor', async () => {
    const s = await started();
    await s.connect(DEFAULT_TOKEN);
    expect((await s.provision(DEALS_OWN_PIPELINE)).ok).toBe(true);
    await createRunnerHandoff(h, 'h-1', 'Landing page');
    await run(s);
    const linked = { handoff: await h.db.handoffs.get('h-1'), state: await h.db.syncState.toArray(), cursor: await h.db.syncMeta.get(SYNC_META.cursor) };
    expect(linked.handoff?.client.hubspotDealId).not.toBeNull();

    await s.disconnect();
    expect(await s.connect(DEFAULT_TOKEN)).toMatchObject({ ok: true, portalSwitch: null });
    expect((await s.provision(DEALS_OWN_PIPELINE)).ok).toBe(true);
    expect(useSyncStore.getState().portalSwitch).toBeNull();
    await run(s);
    expect(await h.db.handoffs.get('h-1')).toEqual(linked.handoff);
    expect((await h.db.syncState.toArray()).map((row) => [row.handoffId, row.dealId, row.base])).toEqual(linked.state.map((row) => [row.handoffId, row.dealId, row.base]));
    expect(await h.db.syncMeta.get(SYNC_META.cursor)).not.toBeUndefined();
    expect(a.state.deals.filter((d) => !d.archived)).toHaveLength(1);
    expect(b.stats.count()).toBe(0);
  });

  it('a restart before the confirmation still waits: the stored token\'s account is checked at start', async () => {
    const s = await linkedToA();
    // The token for B was stored (connect went through) but the app closed before the person chose.
    s.stop();
    const stored = await h.api['hubspot.connect']({ token: 'token-b' });
    expect(stored.ok).toBe(true);
    b.stats.reset();
    resetSyncStore();
    const restarted = await started();
    expect(useSyncStore.getState().portalSwitch).toMatchObject({ from: String(PORTAL_A.portalId), to: String(PORTAL_B.portalId) });
    await run(restarted);
    expect(writes(b)).toBe(0);
    expect(b.stats.count('/crm/v3/objects')).toBe(0);
    expect((await h.db.syncState.toArray()).filter((row) => row.dealId !== null)).toHaveLength(2);
  });
});
