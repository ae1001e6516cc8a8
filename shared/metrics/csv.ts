import { formatCsvTime } from './csv-time';

export interface CsvColumn<Row> {
  key: keyof Row & string;
  header: string;
}

/** Characters a spreadsheet may read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // A bare Date carries no zone: written as UTC and saying so, never as ISO. Callers pass local text.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : `${formatCsvTime(value, 'UTC')} UTC`;
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  return JSON.stringify(value) ?? '';
}

/**
 * One field: text that a spreadsheet would run as a formula gets a leading
 * apostrophe, then the field is quoted when it holds a comma, quote or line
 * break (quotes doubled). Numbers are our own data, not someone's text, so a
 * negative number stays a number rather than becoming "'-3".
 */
function field(value: unknown): string {
  let text = cellText(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: a header row, then one record per row, every record ended by
 * CRLF. Strings are neutralised against formula injection because titles,
 * client names and messages are typed by people (and synced from HubSpot).
 */
export function toCsv<Row extends object>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => field(column.header))];
  for (const row of rows) lines.push(columns.map((column) => field(row[column.key])));
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}
