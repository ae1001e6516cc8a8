// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { runCommand } from '../../../renderer/src/data/commands';
import { requeueFailed, retryOutcome } from '../../../renderer/src/sync/retry-failed';
import { RUNNER_SENDER, createRunnerHandoff, startRunnerHarness, syncRun, type RunnerHarness } from './harness';

/**
 * "Retry failed" against the real sync service and the HubSpot fake: HubSpot
 * refuses a new deal for good (a 400 validation error: SYNC_FAILED on the card,
 * the entry stops retrying). Retrying before the cause is fixed fails again
 * without piling up exceptions; once HubSpot accepts it, the retry goes through
 * and resolves the card's exception.
 */

const UPSERT = { method: 'POST', path: '/crm/v3/objects/deals/batch/upsert' } as const;

/** HubSpot refusing the next deal upsert (a batch of one, so one answer); a 400 is permanent. */
function refuseNextDeal(h: RunnerHarness): void {
  h.fake.faults.failNext(UPSERT, { kind: 'json', status: 400, body: { status: 'error', message: 'Property "baton_client" does not exist', category: 'VALIDATION_ERROR', correlationId: 'c-retry' } });
}

describe('retrying changes HubSpot refused for good', () => {
  let h: RunnerHarness;
  beforeEach(async () => {
    h = await startRunnerHarness();
    await h.connect();
    await h.chooseSetup();
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends them again once the cause is fixed, and resolves the card\'s SYNC_FAILED', async () => {
    await syncRun(h);
    refuseNextDeal(h);
    await createRunnerHandoff(h, 'h-refused', 'Refused one');

    const refused = await syncRun(h);
    expect(refused.summary.failed).toBe(1);
    expect((await h.db.outbox.where('status').equals('failed').toArray()).map((e) => e.handoffId)).toEqual(['h-refused']);
    expect((await h.db.handoffs.get('h-refused'))?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedAt: null })]);
    // A failed entry is parked: ordinary runs never send it again.
    expect((await syncRun(h)).summary).toMatchObject({ pushed: 0, failed: 0 });

    // Retried before the cause is fixed: refused again, one open exception still, nothing duplicated.
    refuseNextDeal(h);
    const early = await requeueFailed(h.db);
    expect(early).toHaveLength(1);
    expect((await syncRun(h)).summary.failed).toBe(1);
    expect(await retryOutcome(h.db, early)).toEqual({ requeued: 1, sent: 0, failed: 1, waiting: 0, refusals: ['HUBSPOT_VALIDATION: HubSpot refused the data (HTTP 400). HubSpot said: Property "baton_client" does not exist'] });
    expect((await h.db.handoffs.get('h-refused'))?.exceptions).toHaveLength(1);
    expect(h.fake.state.deals.filter((d) => !d.archived)).toEqual([]);

    // The cause is fixed in HubSpot: the retry goes through.
    expect(h.fake.faults.pending).toBe(0);
    const ids = await requeueFailed(h.db);
    const retried = await syncRun(h);
    expect(retried.summary).toMatchObject({ pushed: 1, failed: 0 });
    expect(await retryOutcome(h.db, ids)).toEqual({ requeued: 1, sent: 1, failed: 0, waiting: 0, refusals: [] });
    expect(await h.db.outbox.count()).toBe(0);
    const deals = h.fake.state.deals.filter((d) => !d.archived);
    expect(deals.map((d) => d.properties['baton_id'])).toEqual(['h-refused']);
    expect(deals[0]?.properties['baton_client']).toBe('Acme Co');

    const handoff = await h.db.handoffs.get('h-refused');
    expect(handoff?.client.hubspotDealId).toBe(deals[0]?.id);
    expect(handoff?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedBy: 'hubspot' })]);
    const events = await h.db.events.where('handoffId').equals('h-refused').toArray();
    expect(events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((e) => e.kind)).toEqual(['created', 'exception_raised', 'exception_resolved']);
    expect(events).toHaveLength(handoff?.version ?? -1);
  });

  it('raises a fresh exception when it fails again after a person resolved the first one', async () => {
    await syncRun(h);
    refuseNextDeal(h);
    await createRunnerHandoff(h, 'h-again', 'Again');
    await syncRun(h);
    const first = (await h.db.handoffs.get('h-again'))?.exceptions[0];
    if (!first) throw new Error('setup: no SYNC_FAILED');
    const resolved = await runCommand(h.db, 'h-again', { type: 'resolve_exception', exceptionId: first.id, resolution: 'Asked the admin to restore the property' }, RUNNER_SENDER, h.now());
    expect(resolved.ok).toBe(true);

    refuseNextDeal(h);
    await requeueFailed(h.db);
    await syncRun(h);
    const exceptions = (await h.db.handoffs.get('h-again'))?.exceptions ?? [];
    expect(exceptions.map((e) => [e.kind, e.resolvedAt === null])).toEqual([
      ['SYNC_FAILED', false],
      ['SYNC_FAILED', true],
    ]);
    expect(new Set(exceptions.map((e) => e.id)).size).toBe(2);
  });
});
