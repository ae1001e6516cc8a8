import { memo } from 'react';
import { formatNumber, type AwaitingReceiver, type CsvColumn } from '../../../shared/metrics';
import { useUi } from '../store/ui-store';
import { ExportCsvButton } from './ExportCsvButton';

interface AwaitingCsvRow {
  receiver: string;
  count: number;
  oldestWaitingHours: number;
  handoffs: string[];
}

const CSV_COLUMNS: readonly CsvColumn<AwaitingCsvRow>[] = [
  { key: 'receiver', header: 'Receiver' },
  { key: 'count', header: 'Waiting' },
  { key: 'oldestWaitingHours', header: 'Oldest wait (working hours)' },
  { key: 'handoffs', header: 'Handoffs' },
];

const TITLE = 'Awaiting acceptance';
/** Titles listed per receiver; the count says how many more wait. */
const LISTED_ITEMS = 5;

/** Handed-over cards nobody has accepted yet, per receiver: who is the bottleneck, and since when. */
export const AwaitingPanel = memo(function AwaitingPanel({ rows }: { rows: readonly AwaitingReceiver[] }) {
  const openDrawer = useUi((s) => s.openDrawer);
  const csvRows = rows.map((row) => ({
    receiver: row.receiverName,
    count: row.count,
    oldestWaitingHours: Math.round(row.oldestWaitingHours * 10) / 10,
    handoffs: row.items.map((item) => item.title),
  }));
  return (
    <section className="panel dash-section" aria-labelledby="dash-awaiting-title">
      <div className="dash-section-head">
        <h2 id="dash-awaiting-title">{TITLE}</h2>
        <span className="spacer" />
        <ExportCsvButton title={TITLE} columns={CSV_COLUMNS} rows={csvRows} />
      </div>
      {rows.length === 0 ? (
        <p className="muted">Nothing is waiting for acceptance.</p>
      ) : (
        <div className="dash-table-wrap">
          <table className="dash-table">
            <caption className="visually-hidden">{TITLE} per receiver, longest wait first</caption>
            <thead>
              <tr>
                <th scope="col">Receiver</th>
                <th scope="col" className="num">
                  Waiting
                </th>
                <th scope="col" className="num">
                  Oldest wait
                </th>
                <th scope="col">Handoffs</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.receiver ?? '(none)'}>
                  <th scope="row">{row.receiverName}</th>
                  <td className="num">{row.count}</td>
                  <td className="num">{formatNumber(row.oldestWaitingHours)} working h</td>
                  <td>
                    <ul className="dash-inline-list">
                      {row.items.slice(0, LISTED_ITEMS).map((item) => (
                        <li key={item.handoffId}>
                          <button type="button" className="linklike" onClick={() => openDrawer({ handoffId: item.handoffId })}>
                            {item.title}
                          </button>
                        </li>
                      ))}
                      {row.items.length > LISTED_ITEMS ? <li className="muted">and {row.items.length - LISTED_ITEMS} more</li> : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
