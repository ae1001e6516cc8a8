import type { HandoffEvent } from '../domain/history';
import { dateOfDayNumber, dayNumber, localDateOf, weekdayOfDayNumber } from '../domain/zoned-time';
import { assertTimeZone, inPeriod, periodBounds } from './period';
import type { Period } from './period';
import { stateStays } from './state-stays';

export interface WeekBucket {
  /** The week's Monday as a local calendar date in the workspace zone, "2026-11-02". */
  weekStart: string;
  /** ISO 8601 week, "2026-W45" (the week belongs to the year of its Thursday). */
  isoWeek: string;
  count: number;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function mondayOf(day: number): number {
  // weekdayOfDayNumber: 0 = Sunday … 6 = Saturday; ISO weeks start on Monday.
  return day - ((weekdayOfDayNumber(day) + 6) % 7);
}

/** The ISO week of the week starting on this Monday (a day number). */
export function isoWeekOf(monday: number): string {
  const thursday = dateOfDayNumber(monday + 3);
  const firstOfYear = dayNumber({ year: thursday.year, month: 1, day: 1 });
  const week = Math.floor((monday + 3 - firstOfYear) / 7) + 1;
  return `${thursday.year}-W${pad(week)}`;
}

function isoDate(day: number): string {
  const date = dateOfDayNumber(day);
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * Acceptances per ISO week (Monday to Sunday in the workspace's time zone),
 * one bucket for every week the period touches — empty weeks included with 0,
 * so a chart shows the gaps. Only acceptances inside the period count, so the
 * first and last buckets may cover part of a week. Each acceptance counts: a
 * card reopened and accepted again is two completions; an acceptance taken
 * back by undo is none. Pass `eventsOf(events, filteredHandoffs)` to filter.
 */
export function completedPerWeek(events: readonly HandoffEvent[], period: Period, timeZone: string): WeekBucket[] {
  const bounds = periodBounds(period);
  assertTimeZone(timeZone);
  const weekOf = (epochMs: number): number => mondayOf(dayNumber(localDateOf(epochMs, timeZone)));
  const firstWeek = weekOf(bounds.fromMs);
  // `to` is exclusive: the last instant in the period is 1 ms before it.
  const lastWeek = weekOf(bounds.toMs - 1);

  const counts = new Map<number, number>();
  for (const stay of stateStays(events)) {
    if (stay.state !== 'HANDOFF_DONE' || stay.enteredAt === null || !inPeriod(stay.enteredAt, bounds)) continue;
    const week = weekOf(stay.enteredAt);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }

  const buckets: WeekBucket[] = [];
  for (let monday = firstWeek; monday <= lastWeek; monday += 7) {
    buckets.push({ weekStart: isoDate(monday), isoWeek: isoWeekOf(monday), count: counts.get(monday) ?? 0 });
  }
  return buckets;
}
