import type { ExceptionKind, Handoff, HandoffException } from './handoff';
import { toEpochMs } from './instant';
import { formatLocalTime } from './local-time';
import { STATE_LABELS } from './states';

/**
 * Exceptions the clock causes (a stall past the SLA, an overdue next action)
 * carry an id derived from the crossing itself — the column and the moment the
 * card entered it, or the next action's due time — so every desktop, and the
 * same desktop after a restart, mints the same id for the same crossing and
 * `raise_exception` refuses the second one as a duplicate (CONFLICT).
 */
export type ClockExceptionKind = Extract<ExceptionKind, 'SLA_BREACHED' | 'NEXT_ACTION_OVERDUE'>;

const MAX_ID = 200;

export function slaCrossingId(handoff: Pick<Handoff, 'id' | 'state' | 'stateEnteredAt'>): string {
  return `sla-${handoff.state}-${toEpochMs(handoff.stateEnteredAt)}-${handoff.id}`.slice(0, MAX_ID);
}

export function overdueCrossingId(handoff: Pick<Handoff, 'id'>, dueAt: string): string {
  return `overdue-${toEpochMs(dueAt)}-${handoff.id}`.slice(0, MAX_ID);
}

/**
 * Open clock exceptions whose crossing is over — the card moved on (another
 * column, accepted, archived) or the next action was re-dated or cleared —
 * with the recorded reason they resolve by themselves.
 */
export function staleClockExceptions(handoff: Handoff, timeZone: string): { exception: HandoffException; resolution: string }[] {
  const found: { exception: HandoffException; resolution: string }[] = [];
  for (const exception of handoff.exceptions) {
    if (exception.resolvedAt !== null) continue;
    if (exception.kind === 'SLA_BREACHED') {
      const over = handoff.archivedAt !== null || handoff.state === 'HANDOFF_DONE' || exception.id !== slaCrossingId(handoff);
      if (!over) continue;
      const resolution =
        handoff.archivedAt !== null ? 'Resolved by itself: the handoff was archived' : `Resolved by itself: the card moved on to ${STATE_LABELS[handoff.state]}`;
      found.push({ exception, resolution });
    } else if (exception.kind === 'NEXT_ACTION_OVERDUE') {
      const next = handoff.nextAction;
      if (handoff.archivedAt !== null || handoff.state === 'HANDOFF_DONE') {
        found.push({ exception, resolution: `Resolved by itself: the handoff was ${handoff.archivedAt !== null ? 'archived' : 'accepted'}` });
      } else if (next === null) {
        found.push({ exception, resolution: 'Resolved by itself: the next action was cleared' });
      } else if (exception.id !== overdueCrossingId(handoff, next.dueAt)) {
        found.push({ exception, resolution: `Resolved by itself: the next action was re-dated to ${formatLocalTime(next.dueAt, timeZone)}` });
      }
    }
  }
  return found;
}
