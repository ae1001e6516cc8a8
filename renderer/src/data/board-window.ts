import { Dexie } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import type { BatonDb } from './db';
import { columnRange } from './column-ranks';
import { compileFilter, type BoardFilter } from './board-filter';
import { isSlaBreached } from './sla-breach';

/** How many cards of each column the board reads before its first paint (a tall screen shows about ten). */
const FIRST_WINDOW = 60;
/** How many more cards a column reads each time the user scrolls near the end of what is loaded. */
export const WINDOW_STEP = 200;
/** Rows read per IndexedDB request while looking for the cards a window shows. */
const CHUNK = 250;

export type ColumnLimits = Record<HandoffState, number>;

export const FIRST_LIMITS: ColumnLimits = { IN_PROGRESS: FIRST_WINDOW, READY_FOR_HANDOFF: FIRST_WINDOW, IN_HANDOFF: FIRST_WINDOW, HANDOFF_DONE: FIRST_WINDOW };

/**
 * Whether the filter can be answered from the indexes alone. Only "archived or
 * not" can (counted through [state+archivedAt]); any other filter needs every
 * card of a column read to know how many match.
 */
export function isWindowable(filter: BoardFilter): boolean {
  return !(filter.text?.trim() || filter.mine || filter.clientName || filter.templateId || filter.stalled || filter.withExceptions || filter.awaitingMyAcceptance);
}

/**
 * The first `limit` cards of a column that `keep` accepts, in rank order, read a
 * chunk at a time (one getAll each). Ranks are not unique, so each next chunk
 * starts AT the last rank read and skips the ids already read there; equal keys
 * come back in primary-key order, so those are exactly the first rows of the chunk.
 */
async function readColumnPrefix(db: BatonDb, state: HandoffState, keep: (handoff: Handoff) => boolean, limit: number): Promise<Handoff[]> {
  const cards: Handoff[] = [];
  if (limit <= 0) return cards;
  let boundary: { rank: number; ids: Set<string> } | null = null;
  for (;;) {
    const skip: number = boundary?.ids.size ?? 0;
    // No more rows than still wanted (archived ones filtered out are read again next round), at most a chunk.
    const size: number = Math.min(CHUNK, limit - cards.length) + skip;
    const range = boundary === null ? columnRange(db, state) : db.handoffs.where('[state+rank]').between([state, boundary.rank], [state, Dexie.maxKey], true, true);
    const chunk: Handoff[] = await range.limit(size).toArray();
    for (const handoff of chunk.slice(skip)) {
      if (!keep(handoff)) continue;
      cards.push(handoff);
      if (cards.length >= limit) return cards;
    }
    const last: Handoff | undefined = chunk.at(-1);
    if (chunk.length < size || last === undefined) return cards;
    const ids: Set<string> = boundary !== null && boundary.rank === last.rank ? boundary.ids : new Set();
    for (const handoff of chunk) if (handoff.rank === last.rank) ids.add(handoff.id);
    boundary = { rank: last.rank, ids };
  }
}

/** The first `limits[state]` matching cards of each column, in rank order. Only for filters where `isWindowable` holds. */
export async function loadBoardWindowCards(db: BatonDb, filter: BoardFilter, limits: ColumnLimits): Promise<Record<HandoffState, Handoff[]>> {
  if (!isWindowable(filter)) throw new Error('loadBoardWindowCards: this filter needs every card read (use loadBoardColumns)');
  const keep = compileFilter(filter, null, isSlaBreached);
  return db.transaction('r', db.handoffs, async () => {
    const cards = await Promise.all(HANDOFF_STATES.map((state) => readColumnPrefix(db, state, keep, limits[state])));
    const columns = {} as Record<HandoffState, Handoff[]>;
    HANDOFF_STATES.forEach((state, index) => {
      columns[state] = cards[index] ?? [];
    });
    return columns;
  });
}

/**
 * How many cards one column holds under a windowable filter: its row of the
 * column counts, which every handoff write keeps (column-counts.ts). Counting
 * the index instead walked every key (about 6 µs a key: 150 ms for a column of
 * 25,000), and a write had to wait for a count under way. A live query of it
 * re-runs only when that column's counts change: not for an edit or a reorder.
 */
export async function loadColumnTotal(db: BatonDb, state: HandoffState, filter: BoardFilter): Promise<number> {
  if (!isWindowable(filter)) throw new Error('loadColumnTotal: this filter needs every card read (use loadBoardColumns)');
  const counts = await db.columnCounts.get(state);
  if (counts === undefined) return 0;
  return filter.archived ? counts.all : counts.all - counts.archived;
}
