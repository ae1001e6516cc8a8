import type { BatonDb } from '../data/db';

/**
 * "Retry failed": outbox entries HubSpot refused for good stop retrying (so
 * they never block the queue). Once the person fixed the cause in HubSpot, they
 * go back into the queue as they are (attempts and last error kept, as a
 * record) and the next run sends them; an ok ack resolves their SYNC_FAILED.
 */

export interface RetryOutcome {
  /** Failed entries put back in the queue. */
  requeued: number;
  /** Of those, acknowledged by HubSpot (gone from the outbox). */
  sent: number;
  /** Refused again: failed once more, their card says why. */
  failed: number;
  /** Still queued: offline, not connected, or a transient error. */
  waiting: number;
  /** HubSpot's reasons for the ones refused again (each once), as the entries recorded them. */
  refusals: string[];
}

/** Puts every failed entry (or one handoff's) back in the queue in one transaction; returns their ids. */
export async function requeueFailed(db: BatonDb, handoffId?: string): Promise<string[]> {
  return db.transaction('rw', db.outbox, async () => {
    const all = await db.outbox.where('status').equals('failed').toArray();
    const failed = handoffId === undefined ? all : all.filter((entry) => entry.handoffId === handoffId);
    await db.outbox.bulkPut(failed.map((entry) => ({ ...entry, status: 'pending' as const })));
    return failed.map((entry) => entry.id);
  });
}

/** What became of the requeued entries after a run. */
export async function retryOutcome(db: BatonDb, ids: readonly string[]): Promise<RetryOutcome> {
  const entries = await db.outbox.bulkGet([...ids]);
  const outcome: RetryOutcome = { requeued: ids.length, sent: 0, failed: 0, waiting: 0, refusals: [] };
  for (const entry of entries) {
    if (!entry) outcome.sent += 1;
    else if (entry.status === 'failed') {
      outcome.failed += 1;
      if (entry.lastError !== null && !outcome.refusals.includes(entry.lastError)) outcome.refusals.push(entry.lastError);
    } else outcome.waiting += 1;
  }
  return outcome;
}
