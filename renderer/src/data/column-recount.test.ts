import fc from 'fast-check';
import { liveQuery, type Subscription } from 'dexie';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { BatonDb } from './db';
import { FIRST_LIMITS, loadBoardWindowCards, loadColumnTotal } from './board-window';
import { runCommand } from './commands';
import { dbWithTemplates, makeHandoff } from '../../../test/support/db-fixtures';

const ARCHIVED_AT = '2026-11-21T09:00:00.000Z';

/**
 * The board's live queries as `useBoardWindow` runs them (the window's cards and
 * each column's total, each its own live query), counting how often Dexie re-runs
 * each one and keeping each column's last counted total.
 */
interface BoardQueries {
  /** Re-runs per column since the last `reset`. */
  recounts: Record<HandoffState, number>;
  windowRuns: number;
  totals: Partial<Record<HandoffState, number>>;
  /** Queries started and not yet answered. */
  inFlight: number;
  reset(): void;
  stop(): void;
}

function watchBoard(db: BatonDb): BoardQueries {
  const subscriptions: Subscription[] = [];
  const queries: BoardQueries = {
    recounts: { IN_PROGRESS: 0, READY_FOR_HANDOFF: 0, IN_HANDOFF: 0, HANDOFF_DONE: 0 },
    windowRuns: 0,
    totals: {},
    inFlight: 0,
    reset() {
      for (const state of HANDOFF_STATES) queries.recounts[state] = 0;
      queries.windowRuns = 0;
    },
    stop() {
      for (const subscription of subscriptions) subscription.unsubscribe();
    },
  };
  const tracked = async <T>(run: () => Promise<T>): Promise<T> => {
    queries.inFlight += 1;
    try {
      return await run();
    } finally {
      queries.inFlight -= 1;
    }
  };
  subscriptions.push(
    liveQuery(() => {
      queries.windowRuns += 1;
      return tracked(() => loadBoardWindowCards(db, {}, FIRST_LIMITS));
    }).subscribe({}),
  );
  for (const state of HANDOFF_STATES) {
    subscriptions.push(
      liveQuery(() => {
        queries.recounts[state] += 1;
        return tracked(async () => {
          const total = await loadColumnTotal(db, state, {});
          queries.totals[state] = total;
          return total;
        });
      }).subscribe({}),
    );
  }
  return queries;
}

/**
 * Waits until every query a write set off has answered. Dexie starts the live
 * queries a commit touches when the commit is reported, at once or at the
 * latest in a zero-delay task queued then (tasks run in order), so after one
 * such task, once nothing is in flight, no column can still be about to recount.
 */
async function settled(queries: BoardQueries): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await vi.waitFor(() => expect(queries.inFlight).toBe(0));
}

async function freshTotals(db: BatonDb): Promise<Record<HandoffState, number>> {
  const totals = {} as Record<HandoffState, number>;
  for (const state of HANDOFF_STATES) totals[state] = await db.handoffs.where('state').equals(state).filter((handoff) => handoff.archivedAt === null).count();
  return totals;
}

/** Three cards in each column, the last of each archived. */
async function boardDb(): Promise<BatonDb> {
  const db = await dbWithTemplates();
  await db.handoffs.bulkAdd(
    HANDOFF_STATES.flatMap((state) => [1, 2, 3].map((n) => makeHandoff({ id: `${state}-${n}`, state, rank: n * 1024, receiver: 'maya', archivedAt: n === 3 ? ARCHIVED_AT : null }))),
  );
  return db;
}

async function opened(db: BatonDb): Promise<BoardQueries> {
  const queries = watchBoard(db);
  await vi.waitFor(() => expect(Object.keys(queries.totals)).toHaveLength(HANDOFF_STATES.length));
  await settled(queries);
  queries.reset();
  return queries;
}

async function command(db: BatonDb, id: string, change: HandoffCommand): Promise<void> {
  const outcome = await runCommand(db, id, change, 'maya');
  if (!outcome.ok) throw new Error(`${change.type} refused: ${outcome.error.message}`);
}

const NONE: Record<HandoffState, number> = { IN_PROGRESS: 0, READY_FOR_HANDOFF: 0, IN_HANDOFF: 0, HANDOFF_DONE: 0 };

describe('a write re-counts only the columns whose totals it can change', () => {
  let db: BatonDb;
  let queries: BoardQueries;
  beforeEach(async () => {
    db = await boardDb();
    queries = await opened(db);
  });
  afterEach(() => {
    queries.stop();
    db.close();
  });

  it('an edit that changes neither state nor archiving re-counts no column (the cards are read again)', async () => {
    await command(db, 'IN_HANDOFF-1', { type: 'set_title', title: 'Checkout redesign' });
    await settled(queries);
    expect(queries.recounts).toEqual(NONE);
    expect(queries.windowRuns).toBe(1);
  });

  it('a reorder within a column re-counts nothing', async () => {
    await command(db, 'IN_PROGRESS-2', { type: 'reorder', rank: 10 });
    await settled(queries);
    expect(queries.recounts).toEqual(NONE);
    expect(queries.windowRuns).toBe(1);
  });

  it('a move re-counts its two columns, and their totals follow', async () => {
    await command(db, 'READY_FOR_HANDOFF-1', { type: 'move', to: 'IN_PROGRESS' });
    await settled(queries);
    expect(queries.recounts).toEqual({ ...NONE, READY_FOR_HANDOFF: 1, IN_PROGRESS: 1 });
    expect(queries.totals).toEqual(await freshTotals(db));
    expect(queries.totals).toMatchObject({ READY_FOR_HANDOFF: 1, IN_PROGRESS: 3 });
  });

  it('an archive and a restore each re-count the one column', async () => {
    await command(db, 'IN_PROGRESS-2', { type: 'archive' });
    await settled(queries);
    expect(queries.recounts).toEqual({ ...NONE, IN_PROGRESS: 1 });
    expect(queries.totals.IN_PROGRESS).toBe(1);
    queries.reset();
    await command(db, 'HANDOFF_DONE-3', { type: 'restore' });
    await settled(queries);
    expect(queries.recounts).toEqual({ ...NONE, HANDOFF_DONE: 1 });
    expect(queries.totals).toEqual(await freshTotals(db));
  });

  it('a write of 50 rows or more (a large pull, a restore) re-counts only the columns it added to or took from', async () => {
    const rows = await db.handoffs.toArray();
    const many = Array.from({ length: 50 }, (_, index) => makeHandoff({ id: `bulk-${index}`, state: 'IN_PROGRESS', rank: 10_000 + index }));
    await db.handoffs.bulkPut([...rows, ...many]);
    await settled(queries);
    expect(queries.recounts).toEqual({ ...NONE, IN_PROGRESS: 1 });
    expect(queries.totals).toEqual(await freshTotals(db));
  });
});

describe('narrowed re-counts never miss a change', () => {
  it('a query of primary keys alone still sees the first handoff arrive and the last one go', async () => {
    const db = await dbWithTemplates();
    const seen: string[][] = [];
    const subscription = liveQuery(async () => (await db.handoffs.limit(1).primaryKeys()).map(String)).subscribe((keys) => seen.push(keys));
    try {
      await vi.waitFor(() => expect(seen).toEqual([[]]));
      await db.handoffs.put(makeHandoff({ id: 'first' }));
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['first']));
      await db.handoffs.delete('first');
      await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    } finally {
      subscription.unsubscribe();
      db.close();
    }
  });

  const write = fc.record({
    kind: fc.constantFrom('put', 'delete'),
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
    state: fc.constantFrom(...HANDOFF_STATES),
    archived: fc.boolean(),
    rank: fc.integer({ min: 1, max: 4 }),
    /** Several writes in one transaction, issued together. */
    together: fc.boolean(),
  });

  it('after any sequence of small puts and deletes, in one transaction or several, every column shows its true total', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
        const db = await boardDb();
        const queries = await opened(db);
        try {
          const apply = (step: (typeof writes)[number]) =>
            step.kind === 'delete'
              ? db.handoffs.bulkDelete(step.ids.map((n) => `h-${n}`))
              : db.handoffs.bulkPut(step.ids.map((n) => makeHandoff({ id: `h-${n}`, state: step.state, rank: step.rank * 1024, archivedAt: step.archived ? ARCHIVED_AT : null })));
          for (let index = 0; index < writes.length; index += 1) {
            const step = writes[index];
            if (step === undefined) continue;
            const next = writes[index + 1];
            if (step.together && next !== undefined) {
              await db.transaction('rw', db.handoffs, () => Promise.all([apply(step), apply(next)]));
              index += 1;
            } else {
              await apply(step);
            }
            await settled(queries);
            queries.reset();
            expect(queries.totals).toEqual(await freshTotals(db));
          }
        } finally {
          queries.stop();
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
