import { whenIdle } from '../ui/when-idle';
import { Dexie, RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import type { BatonDb } from '../data/db';

/** The columns a notification can be about: nothing is announced for finished handoffs. */
const OPEN_STATES: readonly HandoffState[] = HANDOFF_STATES.filter((state) => state !== 'HANDOFF_DONE');

/** Whether `handoff` is one of `user`'s open handoffs, sent or received. */
export function isMyOpenHandoff(handoff: Handoff, user: string): boolean {
  return (handoff.sender === user || handoff.receiver === user) && OPEN_STATES.includes(handoff.state);
}

/**
 * Only the current user's open cards (sender or receiver), read from the
 * [receiver+state] and [sender+state] indexes: the years of finished handoffs a
 * PM accumulates are never read.
 */
export async function loadMyOpenHandoffs(db: BatonDb, user: string): Promise<Handoff[]> {
  const keys = OPEN_STATES.map((state) => [user, state]);
  return db.transaction('r', db.handoffs, async () => {
    const [received, sent] = await Promise.all([db.handoffs.where('[receiver+state]').anyOf(keys).toArray(), db.handoffs.where('[sender+state]').anyOf(keys).toArray()]);
    return [...new Map([...received, ...sent].map((handoff) => [handoff.id, handoff])).values()];
  });
}

/** What a committed write did to the handoffs table: the ids it wrote, or `everything` (a bulk write, a clear, a range delete). */
export type HandoffWrites = { everything: true } | { everything: false; ids: readonly string[] };

/** The handoffs a committed write touched in database `dbName`, from Dexie's `storagemutated` parts; null when it touched none. */
export function handoffWritesOf(parts: ObservabilitySet, dbName: string): HandoffWrites | null {
  const tree: IntervalTree | undefined = parts[`idb://${dbName}/handoffs/`];
  if (tree === undefined) return null;
  const ids: string[] = [];
  // RangeSet(tree), not `new`: it wraps a tree that came from another window as well.
  for (const range of RangeSet(tree)) {
    // Dexie names each key of a small write; a bulk write (50 rows or more) or a range is a span.
    if (typeof range.from !== 'string' || range.from !== range.to) return { everything: true };
    ids.push(range.from);
  }
  return ids.length === 0 ? null : { everything: false, ids };
}

/** When the watch reads what the writes changed: in idle time, so nothing runs on a drop's frame. */
export type Schedule = (task: () => void) => void;

const inIdleTime: Schedule = (task) => whenIdle(task, 1_000);

/**
 * `user`'s open handoffs, kept current by the writes themselves: read in full
 * once, then after each committed write only the handoffs it wrote are read
 * again (Dexie names them in `storagemutated`, here and from other windows); a
 * bulk or range write reads everything again. A live query re-ran the full
 * read after any write: at 100,000 handoffs that was 75,000 rows, 0.8 s of
 * reading and garbage collection after every move, under the next drag.
 * `onChange` gets a new array each time something changed. Returns `stop`.
 */
export function watchMyOpenHandoffs(db: BatonDb, user: string, onChange: (handoffs: readonly Handoff[]) => void, schedule: Schedule = inIdleTime): () => void {
  let mine: Map<string, Handoff> | null = null;
  let reloadAll = true;
  const pending = new Set<string>();
  let scheduled = false;
  let running = false;
  let stopped = false;

  const run = async (): Promise<void> => {
    scheduled = false;
    if (stopped || running) return;
    running = true;
    try {
      if (reloadAll || mine === null) {
        // Writes committed from here on are read again afterwards: this read may or may not have seen them.
        reloadAll = false;
        pending.clear();
        mine = new Map((await loadMyOpenHandoffs(db, user)).map((handoff) => [handoff.id, handoff]));
      } else {
        const ids = [...pending];
        pending.clear();
        const rows = await db.handoffs.bulkGet(ids);
        const next = new Map(mine);
        ids.forEach((id, index) => {
          const row = rows[index];
          if (row !== undefined && isMyOpenHandoff(row, user)) next.set(id, row);
          else next.delete(id);
        });
        mine = next;
      }
      if (!stopped) onChange([...mine.values()]);
    } catch {
      // A closed or failing database is reported by the data layer itself; read everything again at the next write.
      reloadAll = true;
    } finally {
      running = false;
    }
    if (!stopped && (reloadAll || pending.size > 0)) later();
  };
  const later = (): void => {
    if (scheduled) return;
    scheduled = true;
    schedule(() => void run());
  };
  const listener = (parts: ObservabilitySet): void => {
    const writes = handoffWritesOf(parts, db.name);
    if (writes === null) return;
    if (writes.everything) reloadAll = true;
    else for (const id of writes.ids) pending.add(id);
    if (!running) later();
  };
  Dexie.on('storagemutated', listener);
  later();
  return () => {
    stopped = true;
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}
