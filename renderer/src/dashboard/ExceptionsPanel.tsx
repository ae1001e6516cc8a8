import { memo, useState } from 'react';
import { csvTimeHeader, exceptionsSeries, describeForScreenReader, formatCsvTime, type CsvColumn, type ExceptionRow, type ExceptionsSummary } from '../../../shared/metrics';
import { useUi } from '../store/ui-store';
import { formatLocalTime } from '../../../shared/domain/local-time';
import { ExportCsvButton } from './ExportCsvButton';
import { ResolveExceptionDialog } from './ResolveExceptionDialog';

interface ExceptionCsvRow {
  kind: string;
  title: string;
  message: string;
  raisedAt: string;
}

/** The zone is named in the header so "2026-12-09 10:30" in a cell is unambiguous. */
export function exceptionCsvColumns(timeZone: string): readonly CsvColumn<ExceptionCsvRow>[] {
  return [
    { key: 'kind', header: 'Kind' },
    { key: 'title', header: 'Handoff' },
    { key: 'message', header: 'Message' },
    { key: 'raisedAt', header: csvTimeHeader('Raised at', timeZone) },
  ];
}

/** Rows as a person reads them: the kind in words, the time local to the workspace. */
export function exceptionCsvRows(summary: ExceptionsSummary, timeZone: string): ExceptionCsvRow[] {
  return summary.groups.flatMap((group) =>
    group.rows.map((row) => ({ kind: group.label, title: row.title, message: row.message, raisedAt: formatCsvTime(row.raisedAt, timeZone) })),
  );
}

/** A kind's label inside a sentence: "gate bypassed", but "SLA breached" keeps its acronym (not "sla"). */
function inSentence(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

const TITLE = 'Exceptions';
/** Rows per kind before "Show all" (oldest first, so the longest-ignored stay in view). */
const VISIBLE_PER_KIND = 20;

/** Open exceptions by kind, oldest first within a kind, each with a recorded "Resolve". */
export const ExceptionsPanel = memo(function ExceptionsPanel({ summary, timeZone }: { summary: ExceptionsSummary; timeZone: string }) {
  const openDrawer = useUi((s) => s.openDrawer);
  const [resolving, setResolving] = useState<ExceptionRow | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return (
    <section className="panel dash-section" aria-labelledby="dash-exceptions-title">
      <div className="dash-section-head">
        <h2 id="dash-exceptions-title">{TITLE}</h2>
        <span className={`chip ${summary.openExceptionCount > 0 ? 'chip-danger' : 'chip-success'}`}>{summary.openExceptionCount} open</span>
        <span className="spacer" />
        <ExportCsvButton title={TITLE} columns={exceptionCsvColumns(timeZone)} rows={exceptionCsvRows(summary, timeZone)} />
      </div>
      <p className="visually-hidden">{describeForScreenReader(exceptionsSeries(summary))}</p>
      {summary.groups.length === 0 ? (
        <p className="muted">No open exceptions.</p>
      ) : (
        summary.groups.map((group) => (
          <div key={group.kind} className="dash-exception-group">
            <h3>
              {group.label} <span className="chip">{group.count}</span>
            </h3>
            <ul className="list">
              {(expanded.has(group.kind) ? group.rows : group.rows.slice(0, VISIBLE_PER_KIND)).map((row) => (
                <li key={row.exceptionId} className="list-item">
                  <div className="grow">
                    <button type="button" className="linklike" onClick={() => openDrawer({ handoffId: row.handoffId })}>
                      {row.title}
                    </button>
                    <div>{row.message}</div>
                    <div className="muted dash-sub">Raised {formatLocalTime(row.raisedAt, timeZone, new Date())}</div>
                  </div>
                  <button type="button" className="btn btn-sm" aria-label={`Resolve ${inSentence(group.label)} on ${row.title}`} onClick={() => setResolving(row)}>
                    Resolve…
                  </button>
                </li>
              ))}
            </ul>
            {!expanded.has(group.kind) && group.rows.length > VISIBLE_PER_KIND ? (
              <button type="button" className="btn btn-sm dash-more" onClick={() => setExpanded((current) => new Set([...current, group.kind]))}>
                Show all {group.count} {inSentence(group.label)}
              </button>
            ) : null}
          </div>
        ))
      )}
      {resolving ? <ResolveExceptionDialog exception={resolving} onClose={() => setResolving(null)} /> : null}
    </section>
  );
});
