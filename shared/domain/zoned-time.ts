/**
 * Wall-clock arithmetic in an IANA time zone using only Intl, so it is correct
 * across DST changes without shipping a time-zone database.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

function localParts(epochMs: number, timeZone: string): LocalDateTime {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const local = localParts(wholeSecond, timeZone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - wholeSecond;
}

export function localDateOf(epochMs: number, timeZone: string): LocalDate {
  const { year, month, day } = localParts(epochMs, timeZone);
  return { year, month, day };
}

/**
 * The instant a wall-clock time happens on a local date. For a time skipped by
 * a spring-forward change it lands just after the gap; for a time that happens
 * twice in autumn it picks one of the two — either way a working window stays
 * the right length to within the hour the clocks moved.
 */
export function zonedTimeToEpoch(date: LocalDate, minutesOfDay: number, timeZone: string): number {
  const asIfUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minutesOfDay);
  const firstGuess = asIfUtc - offsetAt(asIfUtc, timeZone);
  return asIfUtc - offsetAt(firstGuess, timeZone);
}

/**
 * Intl is slow (microseconds a call) and a board asks for the same working
 * windows for every card, so resolved wall-clock times are memoised per zone,
 * keyed by day number and minute. The answer never changes, so the cache is
 * exact; it is dropped wholesale if it ever grows large.
 */
const resolvedByZone = new Map<string, Map<number, number>>();
const MAX_RESOLVED_PER_ZONE = 200_000;

/** `zonedTimeToEpoch` for a day number (days since 1970-01-01), memoised. */
export function zonedDayTimeToEpoch(day: number, minutesOfDay: number, timeZone: string): number {
  let resolved = resolvedByZone.get(timeZone);
  if (resolved === undefined) {
    resolved = new Map();
    resolvedByZone.set(timeZone, resolved);
  }
  const key = day * 1440 + minutesOfDay;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  const epoch = zonedTimeToEpoch(dateOfDayNumber(day), minutesOfDay, timeZone);
  if (resolved.size >= MAX_RESOLVED_PER_ZONE) resolved.clear();
  resolved.set(key, epoch);
  return epoch;
}

/** 0 = Sunday … 6 = Saturday for a day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Days since 1970-01-01 of a calendar date (no time zone involved). */
export function dayNumber(date: LocalDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

export function dateOfDayNumber(days: number): LocalDate & { weekday: number } {
  const value = new Date(days * 86_400_000);
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate(), weekday: value.getUTCDay() };
}
