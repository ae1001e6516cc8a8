import type { Handoff } from '../../../shared/domain/handoff';
import { staleClockExceptions } from '../../../shared/domain/clock-exceptions';
import { BATON_ACTOR } from '../../../shared/domain/people';
import { detectExceptions } from '../../../shared/domain/sla';
import { HANDOFF_STATES } from '../../../shared/domain/states';
import { indexTemplates } from '../../../shared/domain/template';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { runCommand } from '../data/commands';
import { withoutLatestFlag, type BatonDb } from '../data/db';
import { loadSettings } from '../data/settings';

export interface ClockCheckResult {
  raised: number;
  resolved: number;
}

const OPEN_STATES = HANDOFF_STATES.filter((state) => state !== 'HANDOFF_DONE');

function hasOpenClockException(handoff: Handoff): boolean {
  return handoff.exceptions.some((exception) => exception.resolvedAt === null && (exception.kind === 'SLA_BREACHED' || exception.kind === 'NEXT_ACTION_OVERDUE'));
}

/**
 * The cards to look at: every open card (a threshold may have passed while
 * the app was closed), plus finished or archived ones that still carry an
 * open clock exception and changed since `since` (or all of them when
 * `since` is null, on start).
 */
async function candidates(db: BatonDb, since: string | null): Promise<Handoff[]> {
  const open = await db.handoffs.where('state').anyOf(OPEN_STATES).toArray();
  const closedQuery = since === null ? db.handoffs.where('state').equals('HANDOFF_DONE') : db.handoffs.where('updatedAt').aboveOrEqual(since);
  const closed = await closedQuery.filter((handoff) => (handoff.state === 'HANDOFF_DONE' || handoff.archivedAt !== null) && hasOpenClockException(handoff)).toArray();
  const byId = new Map([...open, ...closed].map((handoff) => [handoff.id, handoff]));
  return [...byId.values()];
}

/**
 * Raises the exceptions the clock has caused and resolves (recorded, with the
 * reason) the ones whose crossing is over, each through the normal command
 * path as Baton's own actor. Ids come from the crossing, so a crossing raised
 * by another desktop or before a restart is refused as a duplicate and never
 * raised twice.
 */
export async function checkClockExceptions(db: BatonDb, now: Date, since: string | null): Promise<ClockCheckResult> {
  const [settings, handoffs, storedTemplates] = await Promise.all([loadSettings(db), candidates(db, since), db.templates.toArray()]);
  const templates = indexTemplates(storedTemplates.map(withoutLatestFlag));
  const result: ClockCheckResult = { raised: 0, resolved: 0 };
  for (const handoff of handoffs) {
    const commands: HandoffCommand[] = staleClockExceptions(handoff, settings.workingHours.timeZone).map(({ exception, resolution }) => ({
      type: 'resolve_exception',
      exceptionId: exception.id,
      resolution,
    }));
    const template = templates.forHandoff(handoff);
    // Stale ones go first: a card that moved on gets its old crossing closed before a new one opens.
    const settled: Handoff = { ...handoff, exceptions: handoff.exceptions.filter((exception) => !commands.some((command) => command.type === 'resolve_exception' && command.exceptionId === exception.id)) };
    const found = template === undefined ? [] : detectExceptions(settled, template, settings, now);
    for (const item of found) commands.push({ type: 'raise_exception', id: item.id, kind: item.kind, message: item.message });
    for (const command of commands) {
      const outcome = await runCommand(db, handoff.id, command, BATON_ACTOR, now);
      // A refusal here is benign: another desktop (or an earlier run) already raised or resolved it.
      if (outcome.ok) result[command.type === 'raise_exception' ? 'raised' : 'resolved'] += 1;
    }
  }
  return result;
}
