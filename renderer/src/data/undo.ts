import { applyCommand } from '../../../shared/domain/commands';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import { STATE_LABELS, stateIndex } from '../../../shared/domain/states';
import type { BatonDb } from './db';
import { dataError, DomainRefusal, type DataError } from './data-errors';
import { changeTables, loadTemplateVersion, writeChange } from './change-writer';
import { outboxFor } from '../../../shared/sync/outbox-rules';
import { undoStillApplies } from './undo-plan';
import type { UndoEntry } from './undo-entry';
import { attempt, isoTime, newId } from './write-support';
import type { WriteOutcome } from './write-outcome';
import { loadPeople } from './settings';
import { undoProblems } from '../../../shared/domain/authority';
import { domainError } from '../../../shared/domain/errors';

/** The newer of the two undo slots (last move, last edit), if any. */
export async function peekUndo(db: BatonDb): Promise<UndoEntry | undefined> {
  const slots = await db.undo.toArray();
  return slots.reduce<UndoEntry | undefined>((newest, slot) => (newest === undefined || slot.seq > newest.seq ? slot : newest), undefined);
}

/**
 * Undoing a forward move walks back through gates the card did cross, which
 * needs no proof; but the gate only lets a card leave IN_HANDOFF by a bounce
 * and HANDOFF_DONE by a reopen. An undo is neither: it is the person who just
 * moved the card taking it back (for IN_HANDOFF → READY, the sender retracting
 * the handoff before the receiver acted). So backward undos restore the
 * previous column, rank and SLA clock directly, recorded as an `undo` event.
 */
function retraction(current: Handoff, entry: UndoEntry, to: Handoff['state'], rank: number, actor: string, at: string): { after: Handoff; event: HandoffEvent } {
  const after: Handoff = {
    ...current,
    state: to,
    rank,
    stateEnteredAt: entry.previousStateEnteredAt ?? at,
    updatedAt: at,
    version: current.version + 1,
  };
  const retracted = current.state === 'IN_HANDOFF' && to === 'READY_FOR_HANDOFF';
  const summary = retracted
    ? `Undo: the sender retracted the handoff — moved back from ${STATE_LABELS.IN_HANDOFF} to ${STATE_LABELS.READY_FOR_HANDOFF}`
    : `Undo: moved back from ${STATE_LABELS[current.state]} to ${STATE_LABELS[to]}`;
  const event: HandoffEvent = { id: newId(), handoffId: current.id, kind: 'undo', actor, at, field: 'state', before: current.state, after: to, summary };
  return { after, event };
}

type UndoResult = { kind: 'done'; handoff: Handoff } | { kind: 'refused'; error: DataError };

/**
 * Undoes the newer of the last move and the last edit, as a recorded change of
 * its own (an `undo` event plus the outbox entries the reversal needs), in one
 * transaction. Forward reversals (undoing a step back) go through the gate like
 * any move. If the card changed since, the undo is refused as stale and dropped.
 */
export async function undoLast(
  db: BatonDb,
  actor: string,
  now: Date = new Date(),
): Promise<WriteOutcome | { ok: false; error: { code: 'NOTHING_TO_UNDO'; message: string } }> {
  const result = await attempt(() => {
    const at = isoTime(now);
    return db.transaction('rw', changeTables(db), async (): Promise<UndoResult> => {
      const entry = await peekUndo(db);
      if (!entry) return { kind: 'refused', error: dataError('NOTHING_TO_UNDO', 'There is nothing to undo.') };
      const current = await db.handoffs.get(entry.handoffId);
      if (!current || !undoStillApplies(entry, current)) {
        // Drop the stale slot (committed) so "Undo" does not keep offering it.
        await db.undo.delete(entry.id);
        const what = current ? `“${current.title}” has changed since` : 'that handoff no longer exists';
        return { kind: 'refused', error: dataError('UNDO_STALE', `Can't ${entry.label.replace(/^Undo: /, 'undo ')}: ${what}.`) };
      }
      const template = await loadTemplateVersion(db, current.templateId, current.templateVersion);
      const inverse = entry.inverse;
      let change: { after: Handoff; event: HandoffEvent };
      if (inverse.type === 'move' && stateIndex(inverse.to) < stateIndex(current.state)) {
        // A retraction skips applyCommand, so the authority rule is asked here.
        const problems = undoProblems(current, inverse.to, { actor, people: await loadPeople(db) });
        if (problems.length > 0) throw new DomainRefusal(domainError('NOT_ALLOWED', `${problems.join('; ')}.`, { authority: problems }));
        change = retraction(current, entry, inverse.to, inverse.rank ?? current.rank, actor, at);
      } else {
        const applied = applyCommand(current, inverse, { template, actor, now: at, newId, people: await loadPeople(db) });
        if (!applied.ok) throw new DomainRefusal(applied.error);
        change = { after: applied.handoff, event: { ...applied.event, kind: 'undo', summary: `Undo: ${applied.event.summary}` } };
      }
      const handoff = await writeChange(db, { ...change, outbox: outboxFor(current, change.after, inverse), undo: null });
      await db.undo.delete(entry.id);
      return { kind: 'done', handoff };
    });
  });
  if (!result.ok) return { ok: false, error: result.error };
  if (result.value.kind === 'refused') {
    const error = result.value.error;
    return error.code === 'NOTHING_TO_UNDO' ? { ok: false, error: { code: 'NOTHING_TO_UNDO', message: error.message } } : { ok: false, error };
  }
  return { ok: true, handoff: result.value.handoff };
}
