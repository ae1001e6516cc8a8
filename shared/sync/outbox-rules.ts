// The outbox's pure rules: which sync operations a local change needs, decided from the records
// before and after it. The entry schema is in outbox.ts; renderer/src/data appends the entries.
import type { Handoff } from '../domain/handoff';
import type { HandoffCommand } from '../domain/command-schema';
import { sameValue } from '../domain/same-value';
import type { OutboxKind } from './outbox';

/** One sync operation a change asks for; the data layer turns it into an outbox entry (`OutboxEntry`) in the change's transaction. */
export interface OutboxRequest {
  handoffId: string;
  kind: OutboxKind;
  refId?: string | null;
}

const TASK_STATES: ReadonlySet<Handoff['state']> = new Set(['IN_HANDOFF', 'HANDOFF_DONE']);

function changed(before: Handoff, after: Handoff, field: keyof Handoff): boolean {
  return !sameValue(before[field], after[field]);
}

function isSyncFailureRecord(before: Handoff, command: HandoffCommand | null): boolean {
  if (command?.type === 'raise_exception') return command.kind === 'SYNC_FAILED';
  if (command?.type === 'resolve_exception') return before.exceptions.some((e) => e.id === command.exceptionId && e.kind === 'SYNC_FAILED');
  return false;
}

/**
 * Which sync operations a change needs, decided from the before/after records
 * (and the command, for sub-record references), so no command type can forget one.
 */
export function outboxFor(before: Handoff, after: Handoff, command: HandoffCommand | null): OutboxRequest[] {
  const handoffId = after.id;
  const requests: OutboxRequest[] = [];
  const archivedNow = before.archivedAt === null && after.archivedAt !== null;

  // Every change travels: the deal carries the whole handoff (its Baton record) to the other desktops.
  // Except this desktop's own sync failure (pushing the card because its push failed would loop; it travels with the
  // next change) and an archive, which archives the deal instead (other desktops archive the card when it is gone).
  if (!archivedNow && !isSyncFailureRecord(before, command)) requests.push({ handoffId, kind: 'upsert_handoff' });
  if (command?.type === 'log_client_update') {
    requests.push({ handoffId, kind: 'log_client_update', refId: command.id });
  }
  const stateChanged = before.state !== after.state;
  const enteredTaskState = stateChanged && TASK_STATES.has(after.state);
  const leftTaskState = stateChanged && TASK_STATES.has(before.state);
  if (changed(before, after, 'nextAction') || changed(before, after, 'receiver') || enteredTaskState || leftTaskState) {
    requests.push({ handoffId, kind: 'sync_next_action_task' });
  }
  if (stateChanged && after.state === 'HANDOFF_DONE') {
    requests.push({ handoffId, kind: 'log_handoff_receipt' });
  }
  // HubSpot users read the story on the deal's timeline: a hand-over (with its context links) and a bounce (with its reason).
  // Only acts made here queue a note: a pull writes no outbox entry but the record's upsert, so a replayed act never logs twice.
  if (command?.type === 'move' && stateChanged && after.state === 'IN_HANDOFF') {
    requests.push({ handoffId, kind: 'log_hand_over' });
  }
  if (command?.type === 'bounce') {
    const question = after.openQuestions.at(-1);
    if (question) requests.push({ handoffId, kind: 'log_bounce', refId: question.id });
  }
  if (archivedNow) {
    requests.push({ handoffId, kind: 'archive_handoff' });
  }
  return requests;
}

/** A brand-new handoff: create its deal, and its task if it already has a next action. */
export function outboxForCreate(handoff: Handoff): OutboxRequest[] {
  const requests: OutboxRequest[] = [{ handoffId: handoff.id, kind: 'upsert_handoff' }];
  if (handoff.nextAction !== null || TASK_STATES.has(handoff.state)) {
    requests.push({ handoffId: handoff.id, kind: 'sync_next_action_task' });
  }
  return requests;
}
