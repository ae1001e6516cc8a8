import type { ExceptionKind, Handoff } from './handoff';
import type { Template } from './template';
import type { HandoffState } from './states';
import { STATE_LABELS } from './states';
import type { WorkingHours, WorkspaceSettings } from './settings';
import { clockMinutes } from './settings';
import { toEpochMs } from './instant';
import { formatLocalTime } from './local-time';
import { overdueCrossingId, slaCrossingId } from './clock-exceptions';
import { dayNumber, localDateOf, weekdayOfDayNumber, zonedDayTimeToEpoch } from './zoned-time';

const HOUR_MS = 3_600_000;

/**
 * Working hours between two instants: the overlap of [start, end) with every
 * working window (working day × start–end) in the workspace's time zone. Each
 * window is placed by its own local date, so DST changes and zones are exact.
 * Returns 0 when end is not after start.
 */
export function workingHoursBetween(startIso: string | Date, endIso: string | Date, workingHours: WorkingHours): number {
  const start = toEpochMs(startIso);
  const end = toEpochMs(endIso);
  if (!(end > start)) return 0;
  const { timeZone } = workingHours;
  const workingDays = new Set(workingHours.days);
  const windowStart = clockMinutes(workingHours.start);
  const windowEnd = clockMinutes(workingHours.end);
  const firstDay = dayNumber(localDateOf(start, timeZone));
  const lastDay = dayNumber(localDateOf(end, timeZone));
  let totalMs = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!workingDays.has(weekdayOfDayNumber(day))) continue;
    const opens = zonedDayTimeToEpoch(day, windowStart, timeZone);
    const closes = zonedDayTimeToEpoch(day, windowEnd, timeZone);
    totalMs += Math.max(0, Math.min(closes, end) - Math.max(opens, start));
  }
  return totalMs / HOUR_MS;
}

export type SlaLevel = 'ok' | 'warning' | 'breached' | 'none';

export interface SlaStatus {
  state: HandoffState;
  /** Working hours allowed in this column; null where no SLA applies (accepted, archived). */
  limitHours: number | null;
  /** Working hours since the card entered its column. */
  elapsedHours: number;
  status: SlaLevel;
  /** A next action is set and its due time has passed (open handoffs only). */
  overdueNextAction: boolean;
  /** Working hours past the limit; 0 when within it. */
  lateByHours: number;
}

function limitFor(state: HandoffState, template: Template, settings: WorkspaceSettings): number | null {
  if (state === 'HANDOFF_DONE') return null;
  return template.sla[state] ?? settings.slaHours[state];
}

/**
 * An accepted handoff's next action belongs to the receiver's own work, so it
 * no longer counts as overdue here; archived cards are out of the picture.
 */
function nextActionOverdue(handoff: Handoff, nowMs: number): boolean {
  if (handoff.archivedAt !== null || handoff.state === 'HANDOFF_DONE' || handoff.nextAction === null) return false;
  return toEpochMs(handoff.nextAction.dueAt) <= nowMs;
}

export function slaStatus(handoff: Handoff, template: Template, settings: WorkspaceSettings, now: Date | string): SlaStatus {
  const nowMs = toEpochMs(now);
  const elapsedHours = workingHoursBetween(handoff.stateEnteredAt, new Date(nowMs), settings.workingHours);
  const overdueNextAction = nextActionOverdue(handoff, nowMs);
  const limitHours = handoff.archivedAt === null ? limitFor(handoff.state, template, settings) : null;
  if (limitHours === null) {
    return { state: handoff.state, limitHours, elapsedHours, status: 'none', overdueNextAction, lateByHours: 0 };
  }
  const status: SlaLevel = elapsedHours > limitHours ? 'breached' : elapsedHours >= limitHours * settings.slaWarningRatio ? 'warning' : 'ok';
  return { state: handoff.state, limitHours, elapsedHours, status, overdueNextAction, lateByHours: Math.max(0, elapsedHours - limitHours) };
}

function hours(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} working hour${rounded === 1 ? '' : 's'}`;
}

function hasOpen(handoff: Handoff, kind: ExceptionKind): boolean {
  return handoff.exceptions.some((exception) => exception.kind === kind && exception.resolvedAt === null);
}

function seen(handoff: Handoff, id: string): boolean {
  return handoff.exceptions.some((exception) => exception.id === id);
}

/**
 * Exceptions the clock has caused (SLA breach, overdue next action) that are
 * neither open on the card nor already raised for this crossing (resolved
 * ones count: a crossing is raised once). The id is the crossing's own (see
 * clock-exceptions.ts); the caller raises them with `raise_exception`.
 */
export function detectExceptions(
  handoff: Handoff,
  template: Template,
  settings: WorkspaceSettings,
  now: Date | string,
): { id: string; kind: ExceptionKind; message: string }[] {
  const sla = slaStatus(handoff, template, settings, now);
  const found: { id: string; kind: ExceptionKind; message: string }[] = [];
  const slaId = slaCrossingId(handoff);
  if (sla.status === 'breached' && sla.limitHours !== null && !hasOpen(handoff, 'SLA_BREACHED') && !seen(handoff, slaId)) {
    found.push({
      id: slaId,
      kind: 'SLA_BREACHED',
      message: `${STATE_LABELS[handoff.state]} for ${hours(sla.elapsedHours)}; the limit is ${hours(sla.limitHours)} (${hours(sla.lateByHours)} over)`,
    });
  }
  const next = handoff.nextAction;
  if (sla.overdueNextAction && next !== null && !hasOpen(handoff, 'NEXT_ACTION_OVERDUE') && !seen(handoff, overdueCrossingId(handoff, next.dueAt))) {
    found.push({
      id: overdueCrossingId(handoff, next.dueAt),
      kind: 'NEXT_ACTION_OVERDUE',
      message: `Next action "${next.text}" was due ${formatLocalTime(next.dueAt, settings.workingHours.timeZone)}`,
    });
  }
  return found;
}
