import { useCallback, useState } from 'react';
import { describeCardRetry, type CardRetryNotice } from './card-retry';
import { useSyncScheduler } from './sync-context';
import { useSyncStore } from './sync-store';

export interface CardRetry {
  /** False without a running scheduler (nothing could send it). */
  available: boolean;
  busy: boolean;
  /** The last retry's outcome for this handoff; it outlives the SYNC_FAILED it resolved. */
  notice: CardRetryNotice | null;
  retry(): Promise<void>;
}

/**
 * "Retry sync" for one handoff: its refused outbox entries go back into the
 * queue and a sync runs (the same path as "Retry failed" in Settings, limited
 * to this handoff), then the outcome is described for the card.
 */
export function useCardRetry(handoffId: string): CardRetry {
  const scheduler = useSyncScheduler();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ handoffId: string; notice: CardRetryNotice } | null>(null);

  const retry = useCallback(async () => {
    if (!scheduler) return;
    setBusy(true);
    setNotice(null);
    try {
      const outcome = await scheduler.retryFailed(handoffId);
      const { online, connected, portalSwitch } = useSyncStore.getState();
      setNotice({ handoffId, notice: describeCardRetry(outcome, { online, connected, portalSwitchPending: portalSwitch !== null }) });
    } catch (cause) {
      setNotice({ handoffId, notice: { text: `Could not retry: ${cause instanceof Error ? cause.message : String(cause)}`, tone: 'problem' } });
    } finally {
      setBusy(false);
    }
  }, [scheduler, handoffId]);

  // A notice belongs to the handoff it was for: the drawer may show another one since.
  return { available: scheduler !== null, busy, notice: notice?.handoffId === handoffId ? notice.notice : null, retry };
}
