import { memo, useState } from 'react';
import { STATE_LABELS } from '../../../shared/domain/states';
import { describeStalled, formatNumber, type CsvColumn, type StalledRow } from '../../../shared/metrics';
import { useUi } from '../store/ui-store';
import { ExportCsvButton } from './ExportCsvButton';

/** A stalled row flattened for a spreadsheet. */
interface StalledCsvRow {
  rank: number;
  title: string;
  client: string;
  column: string;
  holder: string;
  status: string;
  elapsedHours: number;
  limitHours: number;
  lateByHours: number;
  missing: string;
}

const CSV_COLUMNS: readonly CsvColumn<StalledCsvRow>[] = [
  { key: 'rank', header: 'Rank' },
  { key: 'title', header: 'Handoff' },
  { key: 'client', header: 'Client' },
  { key: 'column', header: 'Column' },
  { key: 'holder', header: 'Held by' },
  { key: 'status', header: 'Status' },
  { key: 'elapsedHours', header: 'Working hours in column' },
  { key: 'limitHours', header: 'SLA (working hours)' },
  { key: 'lateByHours', header: 'Late by (working hours)' },
  { key: 'missing', header: 'Missing' },
];

export function stalledCsvRows(rows: readonly StalledRow[]): StalledCsvRow[] {
  return rows.map((row, index) => ({
    rank: index + 1,
    title: row.title,
    client: row.client,
    column: STATE_LABELS[row.state],
    holder: row.holderName,
    status: row.status === 'breached' ? 'Past SLA' : 'Near SLA',
    elapsedHours: Math.round(row.elapsedHours * 10) / 10,
    limitHours: row.limitHours,
    lateByHours: Math.round(row.lateByHours * 10) / 10,
    missing: row.missingSummary,
  }));
}

export const STALLED_TITLE = 'Stalled handoffs';
/** Rows drawn before "Show all": thousands of table rows would make the screen sluggish; CSV always has them all. */
export const STALLED_VISIBLE_ROWS = 50;

/**
 * The dashboard's headline: open cards at or past their SLA, most late first,
 * with who holds each and what proof is missing — answerable without opening
 * a card. Each title opens the card's drawer.
 */
export const StalledTable = memo(function StalledTable({ rows }: { rows: readonly StalledRow[] }) {
  const openDrawer = useUi((s) => s.openDrawer);
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? rows : rows.slice(0, STALLED_VISIBLE_ROWS);
  return (
    <section className="panel dash-section" aria-labelledby="dash-stalled-title">
      <div className="dash-section-head">
        <h2 id="dash-stalled-title">{STALLED_TITLE}</h2>
        <span className="chip chip-danger">{rows.filter((row) => row.status === 'breached').length} past SLA</span>
        <span className="chip chip-warning">{rows.filter((row) => row.status === 'warning').length} near SLA</span>
        <span className="spacer" />
        <ExportCsvButton title={STALLED_TITLE} columns={CSV_COLUMNS} rows={stalledCsvRows(rows)} />
      </div>
      <p className="dash-summary" data-testid="stalled-summary">
        {describeStalled(rows)}
      </p>
      {rows.length === 0 ? null : (
        <div className="dash-table-wrap">
          <table className="dash-table">
            <caption className="visually-hidden">{STALLED_TITLE}, most late first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Handoff</th>
                <th scope="col">Column</th>
                <th scope="col">Held by</th>
                <th scope="col" className="num">
                  Time in column
                </th>
                <th scope="col" className="num">
                  Late by
                </th>
                <th scope="col">Missing</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((row, index) => (
                <tr key={row.handoffId} className={row.status === 'breached' ? 'breached' : 'warning'}>
                  <td className="num">{index + 1}</td>
                  <th scope="row">
                    <button type="button" className="linklike dash-open" onClick={() => openDrawer({ handoffId: row.handoffId })}>
                      {row.title}
                    </button>
                    <div className="muted dash-sub">{row.client}</div>
                  </th>
                  <td>{STATE_LABELS[row.state]}</td>
                  <td>{row.holderName}</td>
                  <td className="num">
                    {formatNumber(row.elapsedHours)} h / {formatNumber(row.limitHours)} h
                  </td>
                  <td className="num">
                    {row.status === 'breached' ? (
                      <span className="chip chip-danger">{formatNumber(row.lateByHours)} h</span>
                    ) : (
                      <span className="chip chip-warning">near</span>
                    )}
                  </td>
                  <td className="dash-missing">{row.missingSummary}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {visible.length < rows.length ? (
            <button type="button" className="btn btn-sm dash-more" onClick={() => setShowAll(true)}>
              Show all {rows.length} stalled handoffs
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
});
