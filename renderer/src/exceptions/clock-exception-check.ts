import type { Handoff } from '../../../shared/domain/handoff';
import { staleClockExceptions } from '../../../shared/domain/clock-exceptions';
import { BATON_ACTOR } from '../../../shared/domain/people';
import { detectExceptions } from '../../../shared/domain/sla';
import { indexTemplates } from '../../../shared/domain/template';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { runCommand } from '../data/commands';
import { withoutLatestFlag, type BatonDb } from '../data/db';
import { loadSettings } from '../data/settings';

export interface ClockCheckResult {
  raised: number;
  resolved: number;
}

function hasOpenClockException(handoff: Handoff): boolean {
  return handoff.exceptions.some((exception) => exception.resolvedAt === null && (exception.kind === 'SLA_BREACHED' || exception.kind === 'NEXT_ACTION_OVERDUE'));
}

/** Rows read per request: small enough that reading and checking one page fits well inside a frame. */
const PAGE = 500;

/** Lets a frame be drawn between pages: at 100,000 handoffs, reading every open card at once held the window for ~0.7 s every 5 minutes. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The cards to look at: every open card (a threshold may have passed while
 * the app was closed), plus finished or archived ones that still carry an
 * open clock exception and changed since `since` (or all of them when
 * `since` is null, on start). Handed out a page at a time, in id order.
 */
async function* candidatePages(db: BatonDb, since: string | null): AsyncGenerator<Handoff[]> {
  const wanted = (handoff: Handoff): boolean => handoff.state !== 'HANDOFF_DONE' || ((since === null || handoff.updatedAt >= since) && hasOpenClockException(handoff));
  let after: string | null = null;
  for (;;) {
    const page: Handoff[] = await (after === null ? db.handoffs.orderBy(':id') : db.handoffs.where(':id').above(after)).limit(PAGE).toArray();
    const last = page.at(-1);
    if (last === undefined) return;
    yield page.filter(wanted);
    if (page.length < PAGE) return;
    after = last.id;
    await nextTask();
  }
}

/**
 * Raises the exceptions the clock has caused and resolves (recorded, with the
 * reason) the ones whose crossing is over, each through the normal command
 * path as Baton's own actor. Ids come from the crossing, so a crossing raised
 * by another desktop or before a restart is refused as a duplicate and never
 * raised twice.
 */
export async function checkClockExceptions(db: BatonDb, now: Date, since: string | null): Promise<ClockCheckResult> {
  const [settings, storedTemplates] = await Promise.all([loadSettings(db), db.templates.toArray()]);
  const templates = indexTemplates(storedTemplates.map(withoutLatestFlag));
  const result: ClockCheckResult = { raised: 0, resolved: 0 };
  for await (const page of candidatePages(db, since)) for (const handoff of page) {
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
