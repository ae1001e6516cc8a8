import type { PushAck, SyncError } from '../../../shared/sync/protocol';
import type { BatonDb } from '../data/db';
import { changeTables } from '../data/change-writer';
import type { PreparedItem, Unpushable } from './push-batches';
import { raiseSyncFailed, resolveSyncFailed } from './sync-failed-exception';

export interface AckSummary {
  pushed: number;
  retried: number;
  failed: number;
}

const MAX_ERROR_TEXT = 2000;

function errorText(error: Pick<SyncError, 'code' | 'message'>): string {
  return `${error.code}: ${error.message}`.slice(0, MAX_ERROR_TEXT);
}

/**
 * Commits one push's acks in ONE rw transaction. `ok` removes exactly the
 * acknowledged entries (entries written after the handoff was read were not
 * sent and stay), stores deal id, base and synced version, and resolves the
 * entry's SYNC_FAILED exception if a retry got it through; `retry` keeps the
 * entry with one more attempt; `failed` parks the entry and raises SYNC_FAILED
 * on its card, so the rest of the queue keeps moving.
 */
export async function commitAcks(db: BatonDb, items: readonly PreparedItem[], acks: readonly PushAck[], now: Date): Promise<AckSummary> {
  const at = now.toISOString();
  const versionRead = new Map(items.map((p) => [p.item.handoff.id, p.version]));
  return db.transaction('rw', [...changeTables(db), db.syncState], async () => {
    const summary: AckSummary = { pushed: 0, retried: 0, failed: 0 };
    for (const ack of acks) {
      const entry = await db.outbox.get(ack.entryId);
      // Already committed by an earlier (interrupted) run: acks are idempotent.
      if (!entry) continue;
      if (ack.status === 'ok') {
        summary.pushed += 1;
        await db.outbox.delete(entry.id);
        const previous = await db.syncState.get(ack.handoffId);
        const dealId = ack.dealId === '' ? (previous?.dealId ?? null) : ack.dealId;
        await db.syncState.put({
          handoffId: ack.handoffId,
          dealId,
          base: ack.newBase,
          syncedVersion: versionRead.get(ack.handoffId) ?? previous?.syncedVersion ?? 0,
          syncedAt: at,
        });
        const current = await db.handoffs.get(ack.handoffId);
        // The deal id is sync bookkeeping, not a user change: recorded on the card without a version bump.
        const linked = current && dealId !== null && current.client.hubspotDealId !== dealId ? { ...current, client: { ...current.client, hubspotDealId: dealId } } : current;
        if (linked && linked !== current) await db.handoffs.put(linked);
        if (linked) await resolveSyncFailed(db, linked, entry.id, at);
      } else if (ack.status === 'retry') {
        summary.retried += 1;
        await db.outbox.put({ ...entry, attempts: entry.attempts + 1, lastError: errorText(ack.error) });
      } else {
        summary.failed += 1;
        await db.outbox.put({ ...entry, status: 'failed', attempts: entry.attempts + 1, lastError: errorText(ack.error) });
        const current = await db.handoffs.get(ack.handoffId);
        if (current) await raiseSyncFailed(db, current, entry, ack.error, at);
      }
    }
    return summary;
  });
}

/** Entries whose handoff or template is gone can never be pushed: they fail (visibly) instead of blocking the queue. */
export async function failUnpushable(db: BatonDb, unpushable: readonly Unpushable[]): Promise<number> {
  if (unpushable.length === 0) return 0;
  return db.transaction('rw', db.outbox, async () => {
    let count = 0;
    for (const group of unpushable) {
      for (const entry of group.entries) {
        const current = await db.outbox.get(entry.id);
        if (!current) continue;
        await db.outbox.put({ ...current, status: 'failed', attempts: current.attempts + 1, lastError: group.message.slice(0, MAX_ERROR_TEXT) });
        count += 1;
      }
    }
    return count;
  });
}
