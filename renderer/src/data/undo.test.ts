import { createHandoff, peekUndo, runCommand, undoLast } from './commands';
import type { BatonDb } from './db';
import { FIXED_NOW, dbWithTemplates, makeTemplate, rowCounts } from '../../../test/support/db-fixtures';

const ACTOR = 'maya';
const T1 = new Date(FIXED_NOW.getTime() + 60_000);
const T2 = new Date(FIXED_NOW.getTime() + 120_000);
const T3 = new Date(FIXED_NOW.getTime() + 180_000);
const DUE = '2026-12-01T09:00:00.000Z';
const TEMPLATE = makeTemplate({
  criteria: [
    { id: 'designs_final', label: 'Designs final', gate: 'READY', kind: 'checklist' },
    { id: 'receiver_set', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
  ],
});

async function setup(): Promise<BatonDb> {
  const db = await dbWithTemplates([TEMPLATE]);
  const created = await createHandoff(
    db,
    { id: 'h-1', title: 'Spring sale landing page', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: ACTOR },
    ACTOR,
    FIXED_NOW,
  );
  if (!created.ok) throw new Error(created.error.message);
  return db;
}

async function must(db: BatonDb, command: Parameters<typeof runCommand>[2], at: Date) {
  const outcome = await runCommand(db, 'h-1', command, ACTOR, at);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.handoff;
}

describe('undo', () => {
  it('says there is nothing to undo on a fresh workspace', async () => {
    const db = await setup();
    expect(await peekUndo(db)).toBeUndefined();
    expect(await undoLast(db, ACTOR, T1)).toEqual({ ok: false, error: { code: 'NOTHING_TO_UNDO', message: 'There is nothing to undo.' } });
  });

  it('undoes the last edit as a recorded change (undo event + outbox entry)', async () => {
    const db = await setup();
    await must(db, { type: 'set_title', title: 'Spring sale LP' }, T1);
    expect((await peekUndo(db))?.label).toBe('Undo: rename of “Spring sale landing page”');
    const outboxBefore = await db.outbox.count();
    const undone = await undoLast(db, ACTOR, T2);
    expect(undone).toMatchObject({ ok: true, handoff: { title: 'Spring sale landing page', version: 3 } });
    const last = (await db.events.where('handoffId').equals('h-1').sortBy('at')).at(-1);
    expect(last).toMatchObject({ kind: 'undo', field: 'title', before: 'Spring sale LP', after: 'Spring sale landing page', actor: ACTOR });
    expect(last?.summary).toMatch(/^Undo: /);
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
    expect(await peekUndo(db)).toBeUndefined();
  });

  it('undoes a forward move back to the previous column, restoring rank and SLA clock', async () => {
    const db = await setup();
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: true }, T1);
    const before = await db.handoffs.get('h-1');
    await must(db, { type: 'move', to: 'READY_FOR_HANDOFF' }, T2);
    expect((await peekUndo(db))?.label).toBe('Undo: moved “Spring sale landing page” to Ready for handoff');
    const undone = await undoLast(db, ACTOR, T3);
    expect(undone).toMatchObject({ ok: true, handoff: { state: 'IN_PROGRESS', rank: before?.rank, stateEnteredAt: before?.stateEnteredAt } });
    const last = (await db.events.where('handoffId').equals('h-1').sortBy('at')).at(-1);
    expect(last).toMatchObject({ kind: 'undo', field: 'state', before: 'READY_FOR_HANDOFF', after: 'IN_PROGRESS' });
  });

  it('records undoing a hand-over as the sender retracting it', async () => {
    const db = await setup();
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: true }, T1);
    await must(db, { type: 'set_receiver', receiver: 'jonas' }, T1);
    await must(db, { type: 'move', to: 'READY_FOR_HANDOFF' }, T1);
    await must(db, { type: 'move', to: 'IN_HANDOFF' }, T2);
    const kindsBefore = await db.outbox.count();
    const undone = await undoLast(db, ACTOR, T3);
    expect(undone).toMatchObject({ ok: true, handoff: { state: 'READY_FOR_HANDOFF' } });
    const last = (await db.events.where('handoffId').equals('h-1').sortBy('at')).at(-1);
    expect(last?.kind).toBe('undo');
    expect(last?.summary).toContain('sender retracted the handoff');
    const added = (await db.outbox.orderBy('seq').offset(kindsBefore).toArray()).map((entry) => entry.kind);
    expect(added).toEqual(['upsert_handoff', 'sync_next_action_task']);
  });

  it('sends the undo of a backward move through the gate', async () => {
    const db = await setup();
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: true }, T1);
    await must(db, { type: 'move', to: 'READY_FOR_HANDOFF' }, T1);
    await must(db, { type: 'move', to: 'IN_PROGRESS' }, T2);
    // The proof the READY gate needs is withdrawn, so moving forward again is refused.
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: false }, T2);
    // The newest slot is now the edit; undo it first (re-ticks the box), then the move passes the gate.
    expect((await peekUndo(db))?.id).toBe('edit');
    expect(await undoLast(db, ACTOR, T3)).toMatchObject({ ok: true });
    expect(await undoLast(db, ACTOR, T3)).toMatchObject({ ok: true, handoff: { state: 'READY_FOR_HANDOFF' } });
  });

  it('refuses an undo whose forward move the gate refuses, writing nothing', async () => {
    const db = await setup();
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: true }, T1);
    await must(db, { type: 'move', to: 'READY_FOR_HANDOFF' }, T1);
    await must(db, { type: 'move', to: 'IN_PROGRESS' }, T2);
    // Untick outside the undo slots' view: direct write simulating a pulled change.
    await db.handoffs.update('h-1', { criteria: {} });
    const before = await rowCounts(db);
    const refused = await undoLast(db, ACTOR, T3);
    expect(refused).toMatchObject({ ok: false, error: { code: 'GATE_REFUSED' } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('refuses a stale undo (the value changed since) and drops that slot', async () => {
    const db = await setup();
    await must(db, { type: 'set_next_action', nextAction: { text: 'Build hero', dueAt: DUE } }, T1);
    await db.handoffs.update('h-1', { nextAction: { text: 'Changed elsewhere', dueAt: DUE } });
    const stale = await undoLast(db, ACTOR, T2);
    expect(stale).toMatchObject({ ok: false, error: { code: 'UNDO_STALE' } });
    expect(await peekUndo(db)).toBeUndefined();
    expect((await db.handoffs.get('h-1'))?.nextAction?.text).toBe('Changed elsewhere');
  });

  it('keeps separate slots for the last move and the last edit and undoes the newer first', async () => {
    const db = await setup();
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: true }, T1);
    await must(db, { type: 'move', to: 'READY_FOR_HANDOFF' }, T1);
    await must(db, { type: 'set_title', title: 'Renamed' }, T2);
    expect((await db.undo.toArray()).map((slot) => slot.id).sort()).toEqual(['edit', 'move']);
    expect(await undoLast(db, ACTOR, T3)).toMatchObject({ ok: true, handoff: { title: 'Spring sale landing page', state: 'READY_FOR_HANDOFF' } });
    expect(await undoLast(db, ACTOR, T3)).toMatchObject({ ok: true, handoff: { state: 'IN_PROGRESS' } });
    expect((await undoLast(db, ACTOR, T3)).ok).toBe(false);
  });

  it('does not offer undo for acts that told someone something', async () => {
    const db = await setup();
    await must(db, { type: 'log_client_update', id: 'cu-1', body: 'Kick-off done' }, T1);
    await must(db, { type: 'add_note', id: 'n-1', body: 'FYI' }, T1);
    expect(await peekUndo(db)).toBeUndefined();
  });

  it('undoes link, checklist, criterion and HubSpot property edits', async () => {
    const db = await setup();
    await must(db, { type: 'add_link', link: { id: 'l-1', label: 'Brief', url: 'https://docs.example.com/b' } }, T1);
    expect((await undoLast(db, ACTOR, T2)).ok).toBe(true);
    expect((await db.handoffs.get('h-1'))?.links).toEqual([]);
    await must(db, { type: 'add_checklist_item', id: 'c-1', text: 'Export icons' }, T1);
    await must(db, { type: 'toggle_checklist_item', itemId: 'c-1', done: true }, T2);
    expect((await undoLast(db, ACTOR, T3)).ok).toBe(true);
    expect((await db.handoffs.get('h-1'))?.checklist[0]?.done).toBe(false);
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: true }, T1);
    expect((await undoLast(db, ACTOR, T3)).ok).toBe(true);
    expect((await db.handoffs.get('h-1'))?.criteria.designs_final?.met).toBe(false);
    await must(db, { type: 'set_hubspot_property', property: 'design_ok', value: 'true' }, T1);
    expect((await undoLast(db, ACTOR, T3)).ok).toBe(true);
    expect((await db.handoffs.get('h-1'))?.hubspotProperties.design_ok).toBeNull();
  });

  it('takes back an acceptance only for the receiver (a retraction is asked the authority rule too)', async () => {
    const db = await setup();
    await must(db, { type: 'set_criterion', criterionId: 'designs_final', met: true }, T1);
    await must(db, { type: 'set_receiver', receiver: ACTOR }, T1);
    await must(db, { type: 'move', to: 'HANDOFF_DONE' }, T2);
    const refused = await undoLast(db, 'someone-else', T3);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect((await db.handoffs.get('h-1'))?.state).toBe('HANDOFF_DONE');
    expect(await undoLast(db, ACTOR, T3)).toMatchObject({ ok: true, handoff: { state: 'IN_PROGRESS' } });
  });
});
