import { toCsv, type CsvColumn } from '../../../shared/metrics';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** The file's whole text: BOM, then RFC 4180 CSV. */
export function csvFileText<Row extends object>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  return UTF8_BOM + toCsv(columns, rows);
}

/** "Stalled handoffs" → "baton-stalled-handoffs-2026-11-24.csv". */
export function csvFileName(title: string, now: Date): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `baton-${slug || 'table'}-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * Saves text as a file through the browser's download path (a Blob behind an
 * `a[download]`), which works in the desktop app and a plain browser alike.
 */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
