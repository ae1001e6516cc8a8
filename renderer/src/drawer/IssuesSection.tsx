import { useId, useState } from 'react';
import type { Handoff, HandoffException } from '../../../shared/domain/handoff';
import type { CardRetryNotice } from '../sync/card-retry';
import { useCardRetry, type CardRetry } from '../sync/use-card-retry';
import { EXCEPTION_KIND_WORDS } from '../../../shared/domain/describe-event';
import { formatLocalTime } from '../../../shared/domain/local-time';
import { useWorkspace } from '../ui/use-workspace';
import { useCommand } from '../data/use-command';


/** Open questions (bounce reasons) and exceptions: what is blocking this handoff. */
export function IssuesSection({ handoff }: { handoff: Handoff }) {
  const run = useCommand(handoff.id);
  const { ownerName, timeZone } = useWorkspace();
  // Held here, not in the exception's row: a retry that goes through resolves the exception and removes its row.
  const retry = useCardRetry(handoff.id);
  const openQuestions = handoff.openQuestions.filter((q) => q.resolvedAt === null);
  const exceptions = handoff.exceptions.filter((e) => e.resolvedAt === null);
  if (openQuestions.length === 0 && exceptions.length === 0 && !retry.busy && retry.notice === null) return null;
  return (
    <section className="section" aria-labelledby="issues-heading">
      <h3 id="issues-heading">Needs attention</h3>
      {retry.notice ? <RetryNotice notice={retry.notice} /> : null}
      <ul className="list">
        {openQuestions.map((question) => (
          <li key={question.id} className="list-item">
            <span className="chip chip-warning">Question</span>
            <div className="grow">
              <div>{question.text}</div>
              <div className="muted" style={{ fontSize: 12 }}>
                Asked by {ownerName(question.askedBy)} · {formatLocalTime(question.askedAt, timeZone, new Date())}
              </div>
            </div>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => void run({ type: 'resolve_question', questionId: question.id }, { success: 'Question resolved' })}
            >
              Resolve
            </button>
          </li>
        ))}
        {exceptions.map((exception) => (
          <ExceptionItem key={exception.id} handoffId={handoff.id} exception={exception} timeZone={timeZone} retry={exception.kind === 'SYNC_FAILED' ? retry : null} />
        ))}
      </ul>
    </section>
  );
}

/** What "Retry sync" did; a refusal is an alert, the rest a polite status. */
function RetryNotice({ notice }: { notice: CardRetryNotice }) {
  return notice.tone === 'problem' ? (
    <p className="error-text" role="alert">
      {notice.text}
    </p>
  ) : (
    <p className="muted" role="status">
      {notice.text}
    </p>
  );
}

function ExceptionItem({ handoffId, exception, timeZone, retry }: { handoffId: string; exception: HandoffException; timeZone: string; retry: CardRetry | null }) {
  const run = useCommand(handoffId);
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const errorId = useId();
  return (
    <li className="list-item" style={{ flexDirection: 'column' }}>
      <div style={{ display: 'flex', gap: 8, width: '100%', alignItems: 'flex-start' }}>
        <span className="chip chip-danger">{EXCEPTION_KIND_WORDS[exception.kind]}</span>
        <div className="grow">
          <div>{exception.message}</div>
          <div className="muted" style={{ fontSize: 12 }}>
            Raised {formatLocalTime(exception.raisedAt, timeZone, new Date())}
          </div>
        </div>
        {retry && !resolving ? (
          <button type="button" className="btn btn-sm" onClick={() => void retry.retry()} disabled={retry.busy || !retry.available}>
            {retry.busy ? 'Retrying…' : 'Retry sync'}
          </button>
        ) : null}
        {resolving ? null : (
          <button type="button" className="btn btn-sm" onClick={() => setResolving(true)}>
            Resolve…
          </button>
        )}
      </div>
      {resolving ? (
        <form
          style={{ width: '100%' }}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim() === '') {
              setError('Say how it was resolved; the note is kept in the history.');
              return;
            }
            void run({ type: 'resolve_exception', exceptionId: exception.id, resolution: note.trim() }, { quiet: true, success: 'Exception resolved' }).then(
              (outcome) => setError(outcome.ok ? null : outcome.error.message),
            );
          }}
        >
          <div className="inline-form">
            <div className="grow">
              <label htmlFor={noteId} className="visually-hidden">
                Resolution note
              </label>
              <input
                id={noteId}
                className="input"
                placeholder="How was it resolved?"
                value={note}
                autoFocus
                aria-invalid={error ? 'true' : 'false'}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) => {
                  setNote(e.target.value);
                  setError(null);
                }}
              />
            </div>
            <button type="submit" className="btn btn-primary btn-sm">
              Resolve
            </button>
            <button type="button" className="btn btn-sm" onClick={() => setResolving(false)}>
              Cancel
            </button>
          </div>
          {error ? (
            <div id={errorId} className="error-text" role="alert">
              {error}
            </div>
          ) : null}
        </form>
      ) : null}
    </li>
  );
}
