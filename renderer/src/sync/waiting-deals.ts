import { z } from 'zod';
import { RemoteDealSchema, type RemoteDeal } from '../../../shared/sync/protocol';
import type { ReconcileProblem } from '../../../shared/sync/reconcile';
import type { BatonDb } from '../data/db';
import { SYNC_META } from './sync-meta';

/**
 * Records that name a template version this desktop lacks are never filed
 * under another template. They are kept here as HubSpot sent them and merged
 * again on every pull, so each becomes the handoff it is as soon as its
 * template arrives (with the team record, or with another handoff), even if
 * nobody touches it in HubSpot again. Until then each pull reports it.
 */
const WaitingSchema = z.array(RemoteDealSchema).max(10_000);

export async function loadWaitingDeals(db: BatonDb): Promise<RemoteDeal[]> {
  const parsed = WaitingSchema.safeParse((await db.syncMeta.get(SYNC_META.waitingDeals))?.value);
  // A damaged list costs only the wait: the record is merged when it changes in HubSpot again.
  return parsed.success ? parsed.data : [];
}

/** The waiting records not pulled again, then this pull's (a newer copy replaces a waiting one). */
export function withWaiting(waiting: readonly RemoteDeal[], pulled: readonly RemoteDeal[]): RemoteDeal[] {
  const fresh = new Set(pulled.map((d) => d.dealId));
  return [...waiting.filter((d) => !fresh.has(d.dealId)), ...pulled];
}

/** Keeps the records this merge could not file for want of their template; the others stop waiting. */
export async function saveWaitingDeals(db: BatonDb, merged: readonly RemoteDeal[], problems: readonly ReconcileProblem[]): Promise<void> {
  const waits = new Set(problems.filter((p) => p.waitsFor !== undefined).map((p) => p.dealId));
  const waiting = merged.filter((d) => waits.has(d.dealId));
  const before = (await db.syncMeta.get(SYNC_META.waitingDeals))?.value;
  if (waiting.length === 0 && before === undefined) return;
  if (waiting.length === 0) await db.syncMeta.delete(SYNC_META.waitingDeals);
  else await db.syncMeta.put({ key: SYNC_META.waitingDeals, value: waiting });
}
