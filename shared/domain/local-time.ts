import { toEpochMs } from './instant';

/**
 * How people read a point in time: local to the workspace's zone, with the
 * weekday, e.g. "Tue 9 Dec, 10:30" (the year is added when it is not the
 * year of `now`). Pure (Intl only), so history, exceptions, notifications,
 * CSV and HubSpot notes all say it the same way.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

function parts(ms: number, timeZone: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) map[part.type] = part.value;
  return map;
}

export function formatLocalTime(value: Date | string, timeZone: string, now?: Date | string): string {
  const ms = toEpochMs(value);
  const p = parts(ms, timeZone);
  const sameYear = now === undefined || parts(toEpochMs(now), timeZone).year === p.year;
  const date = `${p.weekday ?? ''} ${p.day ?? ''} ${p.month ?? ''}${sameYear ? '' : ` ${p.year ?? ''}`}`;
  return `${date}, ${p.hour ?? ''}:${p.minute ?? ''}`;
}
