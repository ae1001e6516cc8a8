import { useId, useState, type ReactNode } from 'react';
import type { CsvColumn } from '../../../shared/metrics';
import { ExportCsvButton } from './ExportCsvButton';

export interface TableColumn<Row> extends CsvColumn<Row> {
  /** Right-align numbers. */
  numeric?: boolean;
}

interface ChartCardProps<Row extends object> {
  title: string;
  /** The chart as words (`describeForScreenReader`): the figure's caption for assistive technology. */
  description: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** The drawn chart; hidden from assistive technology, which reads `description` or the table. */
  chart: ReactNode;
  /** Shown instead of an empty chart. */
  emptyText?: string;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '—';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * One flow metric: a chart with its text equivalent, a "View as table" toggle
 * (the same numbers, readable and copyable) and CSV export of those numbers.
 */
export function ChartCard<Row extends object>({ title, description, columns, rows, chart, emptyText }: ChartCardProps<Row>) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <figure className="panel dash-chart" aria-labelledby={titleId}>
      <div className="dash-section-head">
        <h3 id={titleId}>{title}</h3>
        <span className="spacer" />
        <button type="button" className="btn btn-sm" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)}>
          {asTable ? 'View as chart' : 'View as table'}
        </button>
        <ExportCsvButton title={title} columns={columns} rows={rows} />
      </div>
      {rows.length === 0 ? (
        <p className="muted dash-chart-empty">{emptyText ?? 'No data for this period.'}</p>
      ) : asTable ? (
        <div className="dash-table-wrap">
          <table className="dash-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  {columns.map((column) => (
                    <td key={column.key} className={column.numeric ? 'num' : undefined}>
                      {cell(row[column.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="dash-chart-body" aria-hidden="true">
          {chart}
        </div>
      )}
      <figcaption className="visually-hidden">{description}</figcaption>
    </figure>
  );
}
