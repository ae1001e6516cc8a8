import { whenIdle } from '../ui/when-idle';
import { Dexie } from 'dexie';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import type { BatonDb } from './db';
import type { ColumnCountRow } from './column-counts';

/**
 * Checks the kept column counts against the index once per app start, in idle
 * time, and corrects a column that drifted. Every write through Baton keeps
 * them (column-counts-middleware.ts), but a write that bypassed Dexie (a tool,
 * a test fixture, a bug) would otherwise leave a wrong total for good; the
 * counts by index it replaces could not drift. One column at a time, each in
 * its own short read (about 0.2 s for 25,000 cards), so a write waits at most
 * that long, once. A correction is written only if no write was logged since
 * the count (the change log's newest key is unchanged), else it is left to
 * the next start: the counts the write kept are then as good as any.
 */
async function checkColumn(db: BatonDb, state: HandoffState): Promise<ColumnCountRow | null> {
  const read = await db.transaction('r', [db.handoffs, db.columnCounts, db.changeLog], async () => ({
    all: await db.handoffs.where('state').equals(state).count(),
    archived: await db.handoffs.where('[state+archivedAt]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count(),
    kept: await db.columnCounts.get(state),
    lastChange: await db.changeLog.orderBy(':id').lastKey(),
  }));
  const kept = read.kept ?? { state, all: 0, archived: 0 };
  if (kept.all === read.all && kept.archived === read.archived) return null;
  const corrected: ColumnCountRow = { state, all: read.all, archived: read.archived };
  const written = await db.transaction('rw', [db.columnCounts, db.changeLog], async () => {
    if ((await db.changeLog.orderBy(':id').lastKey()) !== read.lastChange) return false;
    await db.columnCounts.put(corrected);
    return true;
  });
  return written ? corrected : null;
}

/** Checks every column; resolves with the columns it corrected. */
export async function checkColumnCounts(db: BatonDb): Promise<ColumnCountRow[]> {
  const corrected: ColumnCountRow[] = [];
  for (const state of HANDOFF_STATES) {
    const fixed = await checkColumn(db, state);
    if (fixed !== null) corrected.push(fixed);
  }
  return corrected;
}

/** Runs the check once the app is idle after its start (it never holds up the first paint). */
export function scheduleColumnCountCheck(db: BatonDb): void {
  const run = () => {
    void checkColumnCounts(db).then(
      (corrected) => {
        if (corrected.length > 0) console.warn(`Baton corrected the counts of ${corrected.map((row) => row.state).join(', ')}.`);
      },
      () => undefined,
    );
  };
  whenIdle(run, 2_000);
}
