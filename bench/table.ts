import type { Figure } from './results-schema';

function formatValue(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** The figures as a fixed-width text table (value, target, met). */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.name, `${formatValue(f.value)} ${f.unit}`, f.target === null ? '—' : `${f.target.op} ${f.target.value}`, f.met === null ? '' : f.met ? 'met' : 'MISSED']);
  const header = ['figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
