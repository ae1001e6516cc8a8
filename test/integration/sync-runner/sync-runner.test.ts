// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { STATE_LABELS } from '../../../shared/domain/states';
import type { HandoffState } from '../../../shared/domain/states';
import { runCommand } from '../../../renderer/src/data/commands';
import { runSync } from '../../../renderer/src/sync/sync-runner';
import { SYNC_META } from '../../../renderer/src/sync/sync-meta';
import { RUNNER_SENDER, createRunnerHandoff, startRunnerHarness, syncRun, type RunnerHarness } from './harness';

const MINUTE = 60_000;

function stageIdOf(h: RunnerHarness, state: HandoffState): string {
  const pipeline = h.fake.state.pipelines('deals').find((p) => p.label === 'Handoffs' && !p.archived);
  const stage = pipeline?.stages.find((s) => s.label === STATE_LABELS[state]);
  if (!pipeline || !stage) throw new Error('Handoffs pipeline is not provisioned');
  return stage.id;
}

function pipelineIdOf(h: RunnerHarness): string {
  const pipeline = h.fake.state.pipelines('deals').find((p) => p.label === 'Handoffs' && !p.archived);
  if (!pipeline) throw new Error('Handoffs pipeline is not provisioned');
  return pipeline.id;
}


function liveDeals(h: RunnerHarness) {
  return h.fake.state.deals.filter((d) => !d.archived);
}

describe('sync runner against the real sync service and the HubSpot fake', () => {
  let h: RunnerHarness;
  beforeEach(async () => {
    h = await startRunnerHarness();
    await h.connect();
    await h.chooseSetup();
  });
  afterEach(async () => {
    await h.close();
  });

  it('first sync provisions HubSpot and imports the deals already in the Handoffs pipeline', async () => {
    const first = await syncRun(h);
    expect(first.summary.provisioned).toBe(true);
    h.advance(MINUTE);
    const deal = h.fake.colleague.createDeal({ dealname: 'Website relaunch', pipeline: pipelineIdOf(h), dealstage: stageIdOf(h, 'IN_PROGRESS') });
    const second = await syncRun(h);
    expect(second.summary).toMatchObject({ provisioned: false, imported: 1 });
    const imported = await h.db.handoffs.get(`hubspot-${deal.id}`);
    expect(imported).toMatchObject({ title: 'Website relaunch', state: 'IN_PROGRESS', client: { hubspotDealId: deal.id } });
    expect(await h.db.syncState.get(`hubspot-${deal.id}`)).toMatchObject({ dealId: deal.id });
    // The import's upsert gave the deal its baton_id, and nothing was duplicated.
    expect(liveDeals(h)).toHaveLength(1);
    expect(h.fake.state.object('deals', deal.id)?.properties['baton_id']).toBe(`hubspot-${deal.id}`);
    expect(await h.db.outbox.count()).toBe(0);
    expect(await h.db.syncMeta.get(SYNC_META.cursor)).toBeDefined();
  });

  it('pushes edits made offline once the connection is back', async () => {
    await syncRun(h);
    h.host.online.setOnline(false);
    await createRunnerHandoff(h, 'h-offline', 'Spring campaign');
    const moved = await runCommand(h.db, 'h-offline', { type: 'set_title', title: 'Spring campaign v2' }, RUNNER_SENDER, h.now());
    expect(moved.ok).toBe(true);
    const offline = await runSync(h.db, h.api, { now: h.now });
    expect(offline).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(await h.db.outbox.where('status').equals('pending').count()).toBeGreaterThan(0);

    h.host.online.setOnline(true);
    const back = await syncRun(h);
    expect(back.summary.pushed).toBeGreaterThan(0);
    expect(await h.db.outbox.count()).toBe(0);
    const deals = liveDeals(h);
    expect(deals).toHaveLength(1);
    expect(deals[0]?.properties).toMatchObject({ dealname: 'Spring campaign v2', baton_id: 'h-offline', dealstage: stageIdOf(h, 'IN_PROGRESS') });
    const state = await h.db.syncState.get('h-offline');
    expect(state?.dealId).toBe(deals[0]?.id);
    expect((await h.db.handoffs.get('h-offline'))?.client.hubspotDealId).toBe(deals[0]?.id);
  });

  it('merges a colleague edit; when both sides changed a field the later wins and the loser is kept as a merge decision', async () => {
    await syncRun(h);
    await createRunnerHandoff(h, 'h-merge', 'Brand refresh');
    await syncRun(h);
    // The colleague renames the deal and sets the client; later, Baton renames it too.
    h.advance(MINUTE);
    h.fake.colleague.setDealProperties('h-merge', { dealname: 'Brand refresh (HubSpot)', baton_client: 'Globex' });
    h.advance(MINUTE);
    const local = await runCommand(h.db, 'h-merge', { type: 'set_title', title: 'Brand refresh (Baton)' }, RUNNER_SENDER, h.now());
    expect(local.ok).toBe(true);
    const outcome = await syncRun(h);
    expect(outcome.summary.mergeDecisions).toBe(1);
    const handoff = await h.db.handoffs.get('h-merge');
    expect(handoff?.title).toBe('Brand refresh (Baton)');
    expect(handoff?.client.name).toBe('Globex');
    const decisions = (await h.db.events.where('handoffId').equals('h-merge').toArray()).filter((e) => e.kind === 'merge_decision');
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ field: 'dealname', before: { side: 'hubspot', value: 'Brand refresh (HubSpot)' }, after: { side: 'baton', value: 'Brand refresh (Baton)' } });
    // The local winner reached HubSpot.
    expect(h.fake.state.object('deals', handoff?.client.hubspotDealId ?? '')?.properties['dealname']).toBe('Brand refresh (Baton)');
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('a stage move in HubSpot that skips a gate raises GATE_BYPASSED and leaves the card where it was', async () => {
    await syncRun(h);
    await createRunnerHandoff(h, 'h-gate', 'Checkout redesign');
    await syncRun(h);
    h.advance(MINUTE);
    h.fake.colleague.moveDealToStage('h-gate', stageIdOf(h, 'READY_FOR_HANDOFF'));
    const outcome = await syncRun(h);
    expect(outcome.summary.exceptions).toBe(1);
    const handoff = await h.db.handoffs.get('h-gate');
    expect(handoff?.state).toBe('IN_PROGRESS');
    expect(handoff?.exceptions).toEqual([expect.objectContaining({ kind: 'GATE_BYPASSED', resolvedAt: null })]);
    // Running again raises nothing new.
    const again = await syncRun(h);
    expect(again.summary.exceptions).toBe(0);
    expect((await h.db.handoffs.get('h-gate'))?.exceptions).toHaveLength(1);
  });

  it('a permanent failure raises SYNC_FAILED on that card and the rest of the queue still goes through', async () => {
    await syncRun(h);
    await createRunnerHandoff(h, 'h-bad', 'Bad one');
    await createRunnerHandoff(h, 'h-ok', 'Good one');
    // HubSpot refuses the batch, then h-bad alone when the service isolates it (a 400 is permanent).
    h.fake.faults.failNext(
      { method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' },
      { kind: 'json', status: 400, body: { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR', correlationId: 'c-1' } },
      2,
    );
    const outcome = await syncRun(h);
    expect(outcome.summary.failed).toBe(1);
    const failed = await h.db.outbox.where('status').equals('failed').toArray();
    expect(failed.map((e) => e.handoffId)).toEqual(['h-bad']);
    expect(failed[0]?.lastError).toContain('HUBSPOT_VALIDATION');
    const bad = await h.db.handoffs.get('h-bad');
    expect(bad?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedAt: null })]);
    expect((await h.db.events.where('handoffId').equals('h-bad').toArray()).some((e) => e.kind === 'exception_raised')).toBe(true);
    expect(liveDeals(h).map((d) => d.properties['baton_id'])).toEqual(['h-ok']);
    // A later change still syncs: the failed entries never block the queue.
    await createRunnerHandoff(h, 'h-later', 'Later one');
    await syncRun(h);
    expect(liveDeals(h).some((d) => d.properties['baton_id'] === 'h-later')).toBe(true);
    expect(await h.db.outbox.where('status').equals('pending').count()).toBe(0);
  });

  it('a transient failure keeps the change queued with one more attempt, and the next run sends it', async () => {
    await syncRun(h);
    await createRunnerHandoff(h, 'h-flaky', 'Flaky one');
    // HubSpot is down for longer than the service's own retries.
    h.fake.faults.failNext({ method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' }, { status: 503 }, 20);
    const outcome = await syncRun(h);
    expect(outcome.summary).toMatchObject({ pushed: 0, failed: 0 });
    expect(outcome.summary.retried).toBeGreaterThan(0);
    const queued = await h.db.outbox.where('handoffId').equals('h-flaky').toArray();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((e) => e.status === 'pending' && e.attempts === 1 && (e.lastError ?? '').startsWith('HUBSPOT_UNAVAILABLE'))).toBe(true);
    expect((await h.db.handoffs.get('h-flaky'))?.exceptions).toEqual([]);
    h.fake.faults.clear();
    await syncRun(h);
    expect(await h.db.outbox.count()).toBe(0);
    expect(liveDeals(h).filter((d) => d.properties['baton_id'] === 'h-flaky')).toHaveLength(1);
  });

  it('running again with nothing new changes nothing', async () => {
    await syncRun(h);
    await createRunnerHandoff(h, 'h-idem', 'Idempotent');
    h.fake.colleague.createDeal({ dealname: 'From HubSpot', pipeline: pipelineIdOf(h), dealstage: stageIdOf(h, 'IN_PROGRESS') });
    await syncRun(h);
    await syncRun(h);
    const snapshot = { handoffs: await h.db.handoffs.toArray(), events: await h.db.events.count(), syncState: await h.db.syncState.toArray(), deals: liveDeals(h) };
    const again = await syncRun(h);
    expect(again.summary).toMatchObject({ imported: 0, updated: 0, pushed: 0, mergeDecisions: 0, exceptions: 0, failed: 0 });
    expect(await h.db.handoffs.toArray()).toEqual(snapshot.handoffs);
    expect(await h.db.events.count()).toBe(snapshot.events);
    expect(liveDeals(h)).toEqual(snapshot.deals);
  });

  it('a page that dies between the pull commit and the push (or before the acks land) pushes exactly once on the next run', async () => {
    await syncRun(h);
    await createRunnerHandoff(h, 'h-crash', 'Crash test');
    // Dies before pushing.
    const dyingBeforePush = { ...h.api, 'sync.push': () => Promise.reject(new Error('page closed')) };
    const first = await runSync(h.db, dyingBeforePush, { now: h.now });
    expect(first).toMatchObject({ ok: false, error: { phase: 'pushing' } });
    expect(await h.db.outbox.where('handoffId').equals('h-crash').count()).toBeGreaterThan(0);
    // Dies after HubSpot applied the push but before the acks were committed.
    const dyingAfterPush: typeof h.api = {
      ...h.api,
      'sync.push': async (request) => {
        await h.api['sync.push'](request);
        throw new Error('page closed');
      },
    };
    expect(await runSync(h.db, dyingAfterPush, { now: h.now })).toMatchObject({ ok: false });
    expect(liveDeals(h)).toHaveLength(1);
    await syncRun(h);
    await syncRun(h);
    expect(liveDeals(h)).toHaveLength(1);
    expect(await h.db.outbox.count()).toBe(0);
    expect((await h.db.syncState.get('h-crash'))?.dealId).toBe(liveDeals(h)[0]?.id);
  });
});
