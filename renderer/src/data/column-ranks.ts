import { Dexie } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffState } from '../../../shared/domain/states';
import type { BatonDb } from './db';
import { RANK_STEP, rankBetween } from './ranks';

/** The [state+rank] range holding one column, in rank order. */
export function columnRange(db: BatonDb, state: HandoffState) {
  return db.handoffs.where('[state+rank]').between([state, Dexie.minKey], [state, Dexie.maxKey]);
}

/** A rank after the last card of `state` (one index read, no scan). */
export async function rankAtEnd(db: BatonDb, state: HandoffState): Promise<number> {
  const last: Handoff | undefined = await columnRange(db, state).last();
  return rankBetween(last?.rank ?? null, null);
}

/**
 * Renumbers one column at even steps, keeping its order. Needed only when
 * repeated drops between the same two cards exhaust the midpoints
 * (`ranksExhausted`). Ranks are local-only (not synced, not history), so this
 * is housekeeping: one bulk write, no events, no outbox entries.
 */
export async function renumberColumn(db: BatonDb, state: HandoffState): Promise<void> {
  await db.transaction('rw', db.handoffs, async () => {
    const cards = await columnRange(db, state).toArray();
    await db.handoffs.bulkPut(cards.map((card, index) => ({ ...card, rank: (index + 1) * RANK_STEP })));
  });
}
