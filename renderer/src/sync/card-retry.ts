import type { RetryOutcome } from './retry-failed';

/**
 * What "Retry sync" on a card did, in words for that card: sent, refused again
 * (with HubSpot's reason), or queued (and why it waits).
 */

export type CardRetryTone = 'ok' | 'problem' | 'waiting';

export interface CardRetryNotice {
  text: string;
  tone: CardRetryTone;
}

/** What kept a queued retry from being sent in this run. */
export interface SyncConditions {
  online: boolean;
  connected: boolean | null;
  portalSwitchPending: boolean;
}

/** An entry's recorded error is `CODE: message`; the card shows HubSpot's words only. */
export function refusalReason(lastError: string): string {
  return lastError.replace(/^[A-Z][A-Z0-9_]*: /, '');
}

function whyQueued(conditions: SyncConditions): string {
  if (!conditions.online) return 'Queued: you are offline. It is sent when the connection is back.';
  if (conditions.connected !== true) return 'Queued: HubSpot is not connected. It is sent once you connect HubSpot in Settings.';
  if (conditions.portalSwitchPending) return 'Queued: sync is paused until you choose the HubSpot account in Settings → HubSpot.';
  return 'Queued: HubSpot did not answer this time. It is sent with the next sync.';
}

export function describeCardRetry(outcome: RetryOutcome, conditions: SyncConditions): CardRetryNotice {
  if (outcome.requeued === 0) return { text: 'Nothing to retry: no change of this handoff is marked as refused any more.', tone: 'ok' };
  if (outcome.failed > 0) {
    const reasons = outcome.refusals.map(refusalReason);
    const why = reasons.length > 0 ? `: ${reasons.join(' · ')}` : '.';
    return { text: `HubSpot refused it again${why}`, tone: 'problem' };
  }
  if (outcome.waiting > 0) return { text: whyQueued(conditions), tone: 'waiting' };
  return { text: outcome.sent === 1 ? 'Sent to HubSpot.' : `Sent to HubSpot (${outcome.sent} changes).`, tone: 'ok' };
}
