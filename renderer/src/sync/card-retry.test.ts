import { describeCardRetry, refusalReason } from './card-retry';
import type { RetryOutcome } from './retry-failed';

const READY = { online: true, connected: true, portalSwitchPending: false };

function outcome(overrides: Partial<RetryOutcome>): RetryOutcome {
  return { requeued: 1, sent: 0, failed: 0, waiting: 0, refusals: [], ...overrides };
}

describe('what "Retry sync" on a card says', () => {
  it('says it was sent', () => {
    expect(describeCardRetry(outcome({ sent: 1 }), READY)).toEqual({ text: 'Sent to HubSpot.', tone: 'ok' });
    expect(describeCardRetry(outcome({ requeued: 2, sent: 2 }), READY)).toEqual({ text: 'Sent to HubSpot (2 changes).', tone: 'ok' });
  });

  it('gives HubSpot\'s reasons for a refusal, each once, without the error code', () => {
    const refused = outcome({ requeued: 2, failed: 2, refusals: ['HUBSPOT_VALIDATION: Property "x" does not exist', 'HUBSPOT_NOT_FOUND: The deal is gone'] });
    expect(describeCardRetry(refused, READY)).toEqual({ text: 'HubSpot refused it again: Property "x" does not exist · The deal is gone', tone: 'problem' });
  });

  it('says why a change waits', () => {
    const waiting = outcome({ waiting: 1 });
    expect(describeCardRetry(waiting, { ...READY, online: false }).text).toBe('Queued: you are offline. It is sent when the connection is back.');
    expect(describeCardRetry(waiting, { ...READY, connected: false }).text).toMatch(/^Queued: HubSpot is not connected\./);
    expect(describeCardRetry(waiting, { ...READY, portalSwitchPending: true }).text).toMatch(/^Queued: sync is paused until you choose the HubSpot account/);
    expect(describeCardRetry(waiting, READY)).toEqual({ text: 'Queued: HubSpot did not answer this time. It is sent with the next sync.', tone: 'waiting' });
  });

  it('says when there was nothing left to retry', () => {
    expect(describeCardRetry(outcome({ requeued: 0 }), READY).text).toMatch(/^Nothing to retry/);
  });

  it('keeps a message that carries no code as it is', () => {
    expect(refusalReason('Handoff h-1 is no longer in this workspace')).toBe('Handoff h-1 is no longer in this workspace');
  });
});
