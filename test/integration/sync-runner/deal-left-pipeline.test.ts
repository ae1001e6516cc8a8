// Before anything loads Dexie: IndexedDB comes from fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { STATE_LABELS } from '../../../shared/domain/states';
import { runCommand } from '../../../renderer/src/data/commands';
import type { BatonDb } from '../../../renderer/src/data/db';
import { RUNNER_SENDER, createRunnerHandoff, startRunnerHarness, syncRun, type RunnerHarness } from './harness';

/**
 * A colleague moves the handoff's deal to a stage of another pipeline in
 * HubSpot. The pull (which searches the Handoffs pipeline only) must notice it
 * among the known deals, flag it on the card once, never move the deal back
 * on its own, and clear the flag when the deal returns.
 */

const MINUTE = 60_000;

async function historyMatchesVersion(db: BatonDb, id: string): Promise<void> {
  const handoff = await db.handoffs.get(id);
  expect(await db.events.where('handoffId').equals(id).count(), `history of ${id}`).toBe(handoff?.version);
}

describe('a deal moved to another pipeline in HubSpot', () => {
  let h: RunnerHarness;
  beforeEach(async () => {
    h = await startRunnerHarness();
    await h.connect();
    await h.chooseSetup();
  });
  afterEach(async () => {
    await h.close();
  });

  it('is flagged once on its card, never moved back by Baton, and cleared when the deal returns', async () => {
    await syncRun(h);
    await createRunnerHandoff(h, 'h-moved', 'Spring campaign');
    await syncRun(h);
    const deal = h.fake.state.deals.find((d) => !d.archived && d.properties['baton_id'] === 'h-moved');
    if (!deal) throw new Error('setup: the deal was not created');
    const handoffsStage = deal.properties['dealstage'] ?? '';

    h.advance(MINUTE);
    h.fake.colleague.moveDealToStage(deal.id, 'closedwon');
    const flagged = await syncRun(h);
    expect(flagged.summary).toMatchObject({ exceptions: 1, problems: [] });
    const card = await h.db.handoffs.get('h-moved');
    expect(card?.state).toBe('IN_PROGRESS');
    expect(card?.exceptions).toEqual([expect.objectContaining({ kind: 'DEAL_LEFT_PIPELINE', resolvedAt: null })]);
    expect(card?.exceptions[0]?.message).toContain(`kept "Spring campaign" in ${STATE_LABELS.IN_PROGRESS}`);
    const raised = (await h.db.events.where('handoffId').equals('h-moved').toArray()).filter((e) => e.kind === 'exception_raised');
    expect(raised).toHaveLength(1);
    await historyMatchesVersion(h.db, 'h-moved');
    expect(await h.db.outbox.count()).toBe(0);

    // Still outside: nothing new; a local edit still reaches the deal, which stays where the colleague put it.
    const renamed = await runCommand(h.db, 'h-moved', { type: 'set_title', title: 'Spring campaign v2' }, RUNNER_SENDER, h.now());
    expect(renamed.ok).toBe(true);
    const again = await syncRun(h);
    expect(again.summary).toMatchObject({ exceptions: 0, failed: 0 });
    expect((await h.db.handoffs.get('h-moved'))?.exceptions).toHaveLength(1);
    expect(h.fake.state.object('deals', deal.id)?.properties).toMatchObject({ pipeline: 'default', dealstage: 'closedwon', dealname: 'Spring campaign v2' });
    await historyMatchesVersion(h.db, 'h-moved');

    // Back in the Handoffs pipeline: the exception is resolved (recorded), and the deal syncs again.
    h.advance(MINUTE);
    h.fake.colleague.moveDealToStage(deal.id, handoffsStage);
    h.fake.colleague.setDealProperties(deal.id, { dealname: 'Spring campaign (back)' });
    const back = await syncRun(h);
    expect(back.summary.exceptions).toBe(0);
    const returned = await h.db.handoffs.get('h-moved');
    expect(returned?.title).toBe('Spring campaign (back)');
    expect(returned?.exceptions).toEqual([expect.objectContaining({ kind: 'DEAL_LEFT_PIPELINE', resolvedBy: 'hubspot' })]);
    expect(returned?.exceptions[0]?.resolvedAt).not.toBeNull();
    expect((await h.db.events.where('handoffId').equals('h-moved').toArray()).filter((e) => e.kind === 'exception_resolved')).toHaveLength(1);
    await historyMatchesVersion(h.db, 'h-moved');
    const quiet = await syncRun(h);
    expect(quiet.summary).toMatchObject({ exceptions: 0, updated: 0 });
  });
});
