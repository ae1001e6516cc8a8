import { toEpochMs } from '../domain/instant';

/**
 * A point in time for a spreadsheet cell: local to the workspace's zone,
 * "2026-12-09 10:30" — sortable as text, read by Excel and Sheets as a date,
 * and human unlike an ISO "…T09:30:00.000Z". The zone is named once, in the
 * column header (see `csvTimeHeader`), not repeated in every cell.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, found);
  }
  return found;
}

export function formatCsvTime(value: Date | string, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(toEpochMs(value)))) p[part.type] = part.value;
  return `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''} ${p.hour ?? ''}:${p.minute ?? ''}`;
}

/** "Raised at (Europe/Berlin time)": the header says which clock the cells are on. */
export function csvTimeHeader(label: string, timeZone: string): string {
  return `${label} (${timeZone} time)`;
}
