import { useId, useState } from 'react';
import { useFailedSyncCount } from '../data/queries';
import type { RetryOutcome } from './retry-failed';
import { useSyncScheduler } from './sync-context';

function changes(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}

/** What a retry did, in one sentence. */
export function describeRetry(outcome: RetryOutcome): string {
  if (outcome.requeued === 0) return 'Nothing to retry: no change is marked as failed any more.';
  const parts: string[] = [];
  if (outcome.sent > 0) parts.push(`${outcome.sent} sent to HubSpot`);
  if (outcome.failed > 0) parts.push(`${outcome.failed} refused again (the card says why)`);
  if (outcome.waiting > 0) parts.push(`${outcome.waiting} queued for the next sync`);
  return `Retried ${changes(outcome.requeued)}: ${parts.join(', ')}.`;
}

/**
 * Changes HubSpot refused for good stop retrying and raise SYNC_FAILED on
 * their card. After fixing the cause in HubSpot, "Retry failed" sends them
 * again; the ones that go through resolve their card's exception.
 */
export function RetryFailedSection() {
  const scheduler = useSyncScheduler();
  const failed = useFailedSyncCount() ?? 0;
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const retry = async () => {
    if (!scheduler) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(describeRetry(await scheduler.retryFailed()));
    } catch (cause) {
      setError(`Could not retry: ${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setBusy(false);
    }
  };

  if (failed === 0 && notice === null && error === null) return null;
  return (
    <section aria-labelledby={headingId} style={{ marginTop: 16 }}>
      <h3 id={headingId}>Changes HubSpot refused</h3>
      {failed > 0 ? (
        <>
          <p>
            {changes(failed)} could not be written to HubSpot and stopped retrying; each card shows why. Fix the cause in HubSpot (a property, a
            permission, a deleted deal), then send them again.
          </p>
          <button type="button" className="btn" onClick={() => void retry()} disabled={busy || !scheduler}>
            {busy ? 'Retrying…' : 'Retry failed'}
          </button>
        </>
      ) : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="muted" role="status" style={{ marginTop: 8 }}>
          {notice}
        </p>
      ) : null}
    </section>
  );
}
