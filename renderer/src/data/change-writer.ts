import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { Template } from '../../../shared/domain/template';
import { withoutLatestFlag, type BatonDb } from './db';
import { dataError, DataErrorAbort } from './data-errors';
import type { UndoPlan } from './undo-plan';
import { appendOutbox, validEvent, validHandoff, type OutboxRequest } from './write-support';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { recipeOf } from './replay-row';
import { scalarPrev } from './scalar-prev';
import { isDemoHandoffId } from '../demo/demo-id';

/** The syncMeta key of the counter that orders the two undo slots. */
export const UNDO_SEQ_KEY = 'undoSeq';

/**
 * Tables a user change touches; one transaction over all of them makes the change atomic.
 * Settings are read (the people directory) so who-may-do-what is judged on the same snapshot.
 */
export function changeTables(db: BatonDb) {
  return [db.handoffs, db.templates, db.events, db.outbox, db.syncMeta, db.undo, db.settings, db.replays];
}

/** The template version a handoff was created with; aborts the change if it is missing. */
export async function loadTemplateVersion(db: BatonDb, id: string, version: number): Promise<Template> {
  const stored = await db.templates.get([id, version]);
  if (!stored) {
    throw new DataErrorAbort(
      dataError('TEMPLATE_NOT_FOUND', `Template "${id}" version ${version} is not in this workspace, so the handoff's gates cannot be checked.`),
    );
  }
  return withoutLatestFlag(stored);
}

export interface Change {
  after: Handoff;
  event: HandoffEvent;
  outbox: OutboxRequest[];
  undo: UndoPlan | null;
  /** The command that made the change, so another desktop re-does it as that act (none: it re-does the record). */
  command?: HandoffCommand | null;
}

/**
 * Writes one change: the record, its history event, its outbox entries and
 * (if undoable) its undo slot, each validated first. Must run inside a rw
 * transaction over `changeTables`, so a failure anywhere writes nothing.
 */
export async function writeChange(db: BatonDb, change: Change): Promise<Handoff> {
  const after = validHandoff(change.after);
  const event = validEvent(change.event);
  // Issued together: IndexedDB runs a transaction's requests in order anyway, and
  // not waiting for each reply saves a round trip per request (this is the path of
  // every drop on the board). Any failure still aborts the whole transaction.
  const command = change.command ?? null;
  const replay = { eventId: event.id, handoffId: after.id, seq: after.version, recipe: recipeOf(after, event, command), ...(await scalarPrev(db, after.id, command)) };
  const writes: Promise<unknown>[] = [db.handoffs.put(after), db.events.add(event), db.replays.put(replay)];
  // Demo handoffs never reach HubSpot: their changes get no outbox entries.
  if (!isDemoHandoffId(after.id)) writes.push(appendOutbox(db, change.outbox, event.at));
  const undo = change.undo;
  if (undo) writes.push(writeUndoSlot(db, undo, event.at));
  await Promise.all(writes);
  return after;
}

/** The undo slot of a change, numbered after the last one so the newer of the two slots is known. */
async function writeUndoSlot(db: BatonDb, undo: UndoPlan, at: string): Promise<void> {
  const row = await db.syncMeta.get(UNDO_SEQ_KEY);
  const seq = (typeof row?.value === 'number' ? row.value : 0) + 1;
  await Promise.all([db.syncMeta.put({ key: UNDO_SEQ_KEY, value: seq }), db.undo.put({ ...undo, at, seq })]);
}
