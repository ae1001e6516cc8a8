import { z } from 'zod';
import { IdSchema } from '../../../shared/domain/ids';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { Owner } from '../../../shared/domain/settings';
import { formatLocalTime } from '../../../shared/domain/local-time';
import { personName } from '../../../shared/domain/people';
import { CarriedEventSchema, type CarriedEvent } from '../../../shared/sync/carrier';
import type { ReconcileProblem } from '../../../shared/sync/reconcile';
import type { BatonDb } from '../data/db';
import { SYNC_META } from './sync-meta';

/**
 * This desktop's acts held because their handoff's deal was archived in HubSpot before they reached it
 * (`shared/sync/held-acts.ts`), per handoff. Kept in syncMeta, so a backup keeps them; never sent until the
 * handoff is restored, then made again after the restore and sent with the restored deal.
 */
const HeldSchema = z.record(IdSchema, z.array(CarriedEventSchema));

export async function loadHeld(db: BatonDb): Promise<Map<string, CarriedEvent[]>> {
  const parsed = HeldSchema.safeParse((await db.syncMeta.get(SYNC_META.heldActs))?.value ?? {});
  // A damaged list is reported by its absence: the held acts are still in the backup taken before.
  return new Map(parsed.success ? Object.entries(parsed.data) : []);
}

export async function saveHeld(db: BatonDb, held: ReadonlyMap<string, readonly CarriedEvent[]>): Promise<void> {
  const kept = [...held].filter(([, acts]) => acts.length > 0);
  if (kept.length === 0) await db.syncMeta.delete(SYNC_META.heldActs);
  else await db.syncMeta.put({ key: SYNC_META.heldActs, value: Object.fromEntries(kept) });
}

/** What one held act did, in plain words (its history summary, or its kind). */
function told(event: HandoffEvent): string {
  const said = event.summary.trim();
  return said === '' ? event.kind.replace(/_/g, ' ') : said.charAt(0).toLowerCase() + said.slice(1);
}

/**
 * One notice per handoff with held acts, on every pull while they wait: who archived it and when, what waits,
 * and what to do. Marked `held` so the sync panel lists it apart from records that could not be merged.
 */
export function heldNotices(held: ReadonlyMap<string, readonly CarriedEvent[]>, handoffs: ReadonlyMap<string, { handoff: Handoff; archive: HandoffEvent | null; dealId: string | null }>, people: readonly Owner[], timeZone: string): ReconcileProblem[] {
  const notices: ReconcileProblem[] = [];
  for (const [handoffId, acts] of held) {
    const found = handoffs.get(handoffId);
    if (!found || acts.length === 0) continue;
    const { handoff, archive } = found;
    const by = archive ? `${personName(archive.actor, people)} archived it on ${formatLocalTime(archive.at, timeZone)}` : 'it was archived';
    const what = acts.map((a) => told(a.event)).join('; ');
    const count = acts.length === 1 ? 'A change made on this computer' : `${acts.length} changes made on this computer`;
    notices.push({
      dealId: found.dealId ?? handoffId,
      handoffId,
      message: `${count} to "${handoff.title}" ${acts.length === 1 ? 'has' : 'have'} not reached the team: ${by} before ${acts.length === 1 ? 'it was' : 'they were'} sent (${what}). Restore it to send ${acts.length === 1 ? 'it' : 'them'}.`,
      held: acts.length,
    });
  }
  return notices;
}
