import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { Handoff } from '../../../shared/domain/handoff';
import { createHandoff, runCommand, type WriteOutcome } from './commands';
import type { BatonDb } from './db';
import { OUTBOX_SEQ_KEY, attempt } from './write-support';
import { changeTables, writeChange } from './change-writer';
import { saveSettings } from './settings';
import { FIXED_NOW, dbWithTemplates, makeTemplate, rowCounts } from '../../../test/support/db-fixtures';

const ACTOR = 'maya';
const LATER = new Date(FIXED_NOW.getTime() + 60_000);
const DUE = '2026-12-01T09:00:00.000Z';

/** A template whose gates are easy to satisfy step by step. */
const TEMPLATE = makeTemplate({
  criteria: [
    { id: 'designs_final', label: 'Designs final', gate: 'READY', kind: 'checklist' },
    { id: 'receiver_set', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
    { id: 'next_set', label: 'Next action', gate: 'HAND_OVER', kind: 'next_action' },
    { id: 'dev_lead', label: 'Dev lead accepts', gate: 'ACCEPT', kind: 'approval', role: 'Development lead' },
  ],
});

async function setup(): Promise<{ db: BatonDb; handoff: Handoff }> {
  const db = await dbWithTemplates([TEMPLATE]);
  const created = await createHandoff(
    db,
    { id: 'h-1', title: 'Spring sale landing page', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, sender: ACTOR },
    ACTOR,
    FIXED_NOW,
  );
  if (!created.ok) throw new Error(created.error.message);
  return { db, handoff: created.handoff };
}

function ok(outcome: WriteOutcome): Handoff {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.handoff;
}

async function outboxKinds(db: BatonDb): Promise<string[]> {
  return (await db.outbox.orderBy('seq').toArray()).map((entry) => entry.kind);
}

describe('createHandoff', () => {
  it('writes the handoff, its created event and its upsert in one go', async () => {
    const { db, handoff } = await setup();
    expect(handoff).toMatchObject({ id: 'h-1', state: 'IN_PROGRESS', templateVersion: 1, version: 1, createdAt: FIXED_NOW.toISOString() });
    expect(await db.handoffs.get('h-1')).toEqual(handoff);
    const events = await db.events.toArray();
    expect(events.map((event) => event.kind)).toEqual(['created']);
    expect(await outboxKinds(db)).toEqual(['upsert_handoff']);
    expect((await db.outbox.toArray())[0]).toMatchObject({ seq: 1, status: 'pending', attempts: 0, handoffId: 'h-1' });
  });

  it('puts new handoffs at the end of their column', async () => {
    const { db, handoff } = await setup();
    const second = ok(await createHandoff(db, { title: 'Second', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id }, ACTOR, FIXED_NOW));
    expect(second.rank).toBeGreaterThan(handoff.rank);
  });

  it('queues the next-action task when created with a next action', async () => {
    const db = await dbWithTemplates([TEMPLATE]);
    ok(
      await createHandoff(
        db,
        { title: 'With task', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id, nextAction: { text: 'Call', dueAt: DUE } },
        ACTOR,
        FIXED_NOW,
      ),
    );
    expect(await outboxKinds(db)).toEqual(['upsert_handoff', 'sync_next_action_task']);
  });

  it('refuses invalid input and an unknown template, writing nothing', async () => {
    const db = await dbWithTemplates([TEMPLATE]);
    const blank = await createHandoff(db, { title: '  ', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id }, ACTOR, FIXED_NOW);
    expect(blank).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await createHandoff(db, { title: 'X', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'nope' }, ACTOR, FIXED_NOW);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'TEMPLATE_NOT_FOUND' } });
    expect(await rowCounts(db)).toEqual({ handoffs: 0, events: 0, outbox: 0, undo: 0 });
  });

  it('refuses a duplicate id without touching the existing handoff', async () => {
    const { db, handoff } = await setup();
    const again = await createHandoff(db, { id: 'h-1', title: 'Other', client: { name: 'X', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id }, ACTOR, LATER);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await db.handoffs.get('h-1')).toEqual(handoff);
  });
});

describe('runCommand transactions', () => {
  it('writes record, event and outbox entry together', async () => {
    const { db } = await setup();
    const after = ok(await runCommand(db, 'h-1', { type: 'set_title', title: 'Spring sale LP' }, ACTOR, LATER));
    expect(after).toMatchObject({ title: 'Spring sale LP', version: 2, updatedAt: LATER.toISOString() });
    expect(await db.handoffs.get('h-1')).toEqual(after);
    const events = await db.events.where('handoffId').equals('h-1').sortBy('at');
    expect(events.map((event) => event.kind)).toEqual(['created', 'field_changed']);
    expect(events[1]).toMatchObject({ actor: ACTOR, field: 'title', before: 'Spring sale landing page', after: 'Spring sale LP' });
    expect(await outboxKinds(db)).toEqual(['upsert_handoff', 'upsert_handoff']);
    expect((await db.syncMeta.get(OUTBOX_SEQ_KEY))?.value).toBe(2);
  });

  it('writes nothing for a refused command (gate refusal carries what is missing)', async () => {
    const { db, handoff } = await setup();
    const before = await rowCounts(db);
    const refused = await runCommand(db, 'h-1', { type: 'move', to: 'READY_FOR_HANDOFF' }, ACTOR, LATER);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('GATE_REFUSED');
    expect('unmet' in refused.error && refused.error.unmet?.map((u) => u.criterionId)).toEqual(['designs_final']);
    expect(await rowCounts(db)).toEqual(before);
    expect(await db.handoffs.get('h-1')).toEqual(handoff);
  });

  it('writes nothing for invalid commands and unknown handoffs', async () => {
    const { db } = await setup();
    const before = await rowCounts(db);
    const bad = await runCommand(db, 'h-1', { type: 'set_title', title: '' }, ACTOR, LATER);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknownType = await runCommand(db, 'h-1', { type: 'explode' } as unknown as HandoffCommand, ACTOR, LATER);
    expect(unknownType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await runCommand(db, 'nope', { type: 'set_title', title: 'X' }, ACTOR, LATER);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it('leaves nothing when the transaction aborts after the first write', async () => {
    const { db, handoff } = await setup();
    const before = await rowCounts(db);
    // The handoff is written first, then the event: make the event write fail midway.
    const failEventWrites = () => {
      throw new Error('simulated crash after the first write');
    };
    db.events.hook('creating', failEventWrites);
    const outcome = await runCommand(db, 'h-1', { type: 'set_title', title: 'Never saved' }, ACTOR, LATER);
    db.events.hook('creating').unsubscribe(failEventWrites);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'DB_FAILED' } });
    expect(await db.handoffs.get('h-1')).toEqual(handoff);
    expect(await rowCounts(db)).toEqual(before);
    expect((await db.syncMeta.get(OUTBOX_SEQ_KEY))?.value).toBe(1);
  });

  it('leaves nothing when the outbox write (the last one) fails', async () => {
    const { db, handoff } = await setup();
    const before = await rowCounts(db);
    const failOutbox = () => {
      throw new Error('simulated crash at the outbox');
    };
    db.outbox.hook('creating', failOutbox);
    const outcome = await runCommand(db, 'h-1', { type: 'set_title', title: 'Never saved' }, ACTOR, LATER);
    db.outbox.hook('creating').unsubscribe(failOutbox);
    expect(outcome.ok).toBe(false);
    expect(await db.handoffs.get('h-1')).toEqual(handoff);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('keeps seq strictly increasing across many changes', async () => {
    const { db } = await setup();
    for (let index = 0; index < 5; index += 1) ok(await runCommand(db, 'h-1', { type: 'set_title', title: `Title ${index}` }, ACTOR, LATER));
    const seqs = (await db.outbox.orderBy('seq').toArray()).map((entry) => entry.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('every command path through runCommand', () => {
  it('walks a handoff through the whole flow with the right outbox entries', async () => {
    const { db } = await setup();
    // Jonas receives; Priya holds the role the accept gate's approval asks for.
    await saveSettings(db, { owners: [{ id: ACTOR, name: 'Me' }, { id: 'jonas', name: 'Jonas', role: 'Developer' }, { id: 'priya', name: 'Priya', role: 'Development lead' }] });
    const step = async (command: HandoffCommand, actor = ACTOR) => {
      const countBefore = await db.outbox.count();
      const handoff = ok(await runCommand(db, 'h-1', command, actor, LATER));
      const added = (await db.outbox.orderBy('seq').offset(countBefore).toArray()).map((entry) => entry.kind);
      return { handoff, added };
    };

    expect((await step({ type: 'set_criterion', criterionId: 'designs_final', met: true })).added).toEqual(['upsert_handoff']);
    const moved = await step({ type: 'move', to: 'READY_FOR_HANDOFF' });
    expect(moved.handoff.state).toBe('READY_FOR_HANDOFF');
    expect(moved.handoff.stateEnteredAt).toBe(LATER.toISOString());
    expect(moved.added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'set_receiver', receiver: 'jonas' })).added).toEqual(['upsert_handoff', 'sync_next_action_task']);
    expect((await step({ type: 'set_next_action', nextAction: { text: 'Build hero', dueAt: DUE } })).added).toEqual([
      'upsert_handoff',
      'sync_next_action_task',
    ]);
    expect((await step({ type: 'add_link', link: { id: 'l-1', label: 'Figma', url: 'https://figma.com/f/1' } })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'remove_link', linkId: 'l-1' })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'log_client_update', id: 'cu-1', body: 'Design approved, build starts Monday.' })).added).toEqual([
      'upsert_handoff',
      'log_client_update',
    ]);
    expect((await db.outbox.toArray()).find((entry) => entry.kind === 'log_client_update')?.refId).toBe('cu-1');
    expect((await step({ type: 'add_note', id: 'n-1', body: 'Hero copy still pending' })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'add_checklist_item', id: 'c-1', text: 'Export icons' })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'toggle_checklist_item', itemId: 'c-1', done: true })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'remove_checklist_item', itemId: 'c-1' })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'set_hubspot_property', property: 'design_approved_by_client', value: 'true' })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'set_client', client: { name: 'Acme Corp', hubspotCompanyId: null, hubspotDealId: null } })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'set_sender', sender: 'maya-2' })).added).toEqual(['upsert_handoff']);
    expect((await step({ type: 'reorder', rank: 5 })).added).toEqual(['upsert_handoff']);

    const handedOver = await step({ type: 'move', to: 'IN_HANDOFF' });
    expect(handedOver.added).toEqual(['upsert_handoff', 'sync_next_action_task', 'log_hand_over']);
    const bounced = await step({ type: 'bounce', reason: 'Which breakpoints are in scope?' }, 'jonas');
    expect(bounced.handoff).toMatchObject({ state: 'IN_PROGRESS', bounceCount: 1 });
    expect(bounced.added).toEqual(['upsert_handoff', 'sync_next_action_task', 'log_bounce']);
    const questionId = bounced.handoff.openQuestions[0]?.id ?? '';
    // The bounce's note names the open question it raised, so a retried push finds the note it wrote.
    expect((await db.outbox.toArray()).find((entry) => entry.kind === 'log_bounce')?.refId).toBe(questionId);
    expect((await step({ type: 'resolve_question', questionId })).added).toEqual(['upsert_handoff']);

    await step({ type: 'move', to: 'IN_HANDOFF' });
    const refusedAccept = await runCommand(db, 'h-1', { type: 'accept' }, 'jonas', LATER);
    expect(refusedAccept).toMatchObject({ ok: false, error: { code: 'GATE_REFUSED' } });
    expect(await runCommand(db, 'h-1', { type: 'approve', criterionId: 'dev_lead' }, 'jonas', LATER)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const approved = await step({ type: 'approve', criterionId: 'dev_lead' }, 'priya');
    expect(approved.added).toEqual(['upsert_handoff']);
    const accepted = await step({ type: 'accept' }, 'jonas');
    expect(accepted.handoff.state).toBe('HANDOFF_DONE');
    expect(accepted.added).toEqual(['upsert_handoff', 'sync_next_action_task', 'log_handoff_receipt']);
    const approvalId = accepted.handoff.approvals[0]?.id ?? '';
    expect((await step({ type: 'revoke_approval', approvalId }, 'priya')).added).toEqual(['upsert_handoff']);
    const reopened = await step({ type: 'reopen', reason: 'Client changed the hero' }, 'jonas');
    expect(reopened.handoff.state).toBe('IN_PROGRESS');
    expect(reopened.added).toEqual(['upsert_handoff', 'sync_next_action_task']);

    expect((await step({ type: 'raise_exception', id: 'x-1', kind: 'SYNC_FAILED', message: 'HubSpot refused the deal' })).added).toEqual([]);
    expect((await step({ type: 'resolve_exception', exceptionId: 'x-1', resolution: 'Retried after fixing scopes' })).added).toEqual([]);
    expect((await step({ type: 'archive' })).added).toEqual(['archive_handoff']);
    const archivedEdit = await runCommand(db, 'h-1', { type: 'set_title', title: 'Nope' }, ACTOR, LATER);
    expect(archivedEdit).toMatchObject({ ok: false, error: { code: 'ARCHIVED' } });
    const restored = await step({ type: 'restore' });
    expect(restored.handoff.archivedAt).toBeNull();
    expect(restored.added).toEqual(['upsert_handoff']);

    // One event per successful change, all in history.
    const events = await db.events.where('handoffId').equals('h-1').count();
    const final = await db.handoffs.get('h-1');
    expect(events).toBe(final?.version);
  });

  it('places a moved card at the end of its new column when no rank is given', async () => {
    const { db } = await setup();
    const other = ok(await createHandoff(db, { title: 'Other', client: { name: 'B', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id }, ACTOR, FIXED_NOW));
    ok(await runCommand(db, other.id, { type: 'set_criterion', criterionId: 'designs_final', met: true }, ACTOR, LATER));
    const first = ok(await runCommand(db, other.id, { type: 'move', to: 'READY_FOR_HANDOFF' }, ACTOR, LATER));
    ok(await runCommand(db, 'h-1', { type: 'set_criterion', criterionId: 'designs_final', met: true }, ACTOR, LATER));
    const second = ok(await runCommand(db, 'h-1', { type: 'move', to: 'READY_FOR_HANDOFF' }, ACTOR, LATER));
    expect(second.rank).toBeGreaterThan(first.rank);
  });
});

describe('template versioning', () => {
  it('checks a handoff against the version it was created with, not the latest', async () => {
    const { db } = await setup();
    // v2 drops the READY checklist; the handoff stays on v1 and still needs it.
    await db.templates.update([TEMPLATE.id, 1], { latest: 0 });
    await db.templates.add({ ...TEMPLATE, version: 2, criteria: [], latest: 1 });
    const refused = await runCommand(db, 'h-1', { type: 'move', to: 'READY_FOR_HANDOFF' }, ACTOR, LATER);
    expect(refused).toMatchObject({ ok: false, error: { code: 'GATE_REFUSED' } });
    const fresh = ok(await createHandoff(db, { title: 'New', client: { name: 'B', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id }, ACTOR, LATER));
    expect(fresh.templateVersion).toBe(2);
    expect(ok(await runCommand(db, fresh.id, { type: 'move', to: 'READY_FOR_HANDOFF' }, ACTOR, LATER)).state).toBe('READY_FOR_HANDOFF');
  });

  it('refuses (writes nothing) when the handoff’s template version is missing', async () => {
    const { db } = await setup();
    await db.templates.clear();
    const before = await rowCounts(db);
    const outcome = await runCommand(db, 'h-1', { type: 'set_title', title: 'X' }, ACTOR, LATER);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'TEMPLATE_NOT_FOUND' } });
    expect(await rowCounts(db)).toEqual(before);
  });
});

describe('schema validation before writing', () => {
  it('refuses a record that fails the zod schema with VALIDATION_FAILED, writing nothing', async () => {
    const { db, handoff } = await setup();
    const before = await rowCounts(db);
    const event = { id: 'e-x', handoffId: 'h-1', kind: 'field_changed' as const, actor: ACTOR, at: LATER.toISOString(), field: 'title', before: null, after: null, summary: 'x' };
    const result = await attempt(() =>
      db.transaction('rw', changeTables(db), () =>
        writeChange(db, { after: { ...handoff, title: '', links: [{ id: 'l', label: '', url: 'javascript:alert(1)', addedAt: LATER.toISOString(), addedBy: ACTOR }] }, event, outbox: [], undo: null }),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect('issues' in result.error && result.error.issues?.join('\n')).toMatch(/title: A handoff needs a title[\s\S]*links\.0\.url/);
    expect(await rowCounts(db)).toEqual(before);
    expect(await db.handoffs.get('h-1')).toEqual(handoff);
  });
});

describe('clock input', () => {
  it('refuses an invalid time with a typed error instead of throwing', async () => {
    const { db } = await setup();
    const outcome = await runCommand(db, 'h-1', { type: 'set_title', title: 'X' }, ACTOR, new Date('not a date'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
