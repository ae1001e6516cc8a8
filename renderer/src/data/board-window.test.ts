import fc from 'fast-check';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import type { Handoff } from '../../../shared/domain/handoff';
import type { BoardFilter } from './board-filter';
import type { BatonDb } from './db';
import { FIRST_LIMITS, isWindowable, loadBoardWindowCards, loadColumnTotal, type ColumnLimits } from './board-window';
import { loadBoardColumns } from './queries';
import { dbWithTemplates, makeHandoff } from '../../../test/support/db-fixtures';

const ARCHIVED_AT = '2026-11-21T09:00:00.000Z';

/** The window's cards and every column's total, as the board ends up with them. */
async function loadBoardWindow(db: BatonDb, filter: BoardFilter, limits: ColumnLimits): Promise<{ columns: Record<HandoffState, Handoff[]>; totals: Record<HandoffState, number> }> {
  const columns = await loadBoardWindowCards(db, filter, limits);
  const totals = {} as Record<HandoffState, number>;
  for (const state of HANDOFF_STATES) totals[state] = await loadColumnTotal(db, state, filter);
  return { columns, totals };
}

function limitsOf(limit: number): ColumnLimits {
  return { IN_PROGRESS: limit, READY_FOR_HANDOFF: limit, IN_HANDOFF: limit, HANDOFF_DONE: limit };
}

describe('board window', () => {
  it('reads the first cards of each column in rank order, with totals that leave out archived cards', async () => {
    const db = await dbWithTemplates();
    // 1,000 cards in IN_PROGRESS, every third archived, inserted in reverse rank order.
    await db.handoffs.bulkAdd(
      Array.from({ length: 1000 }, (_, index) =>
        makeHandoff({ id: `h-${String(index).padStart(4, '0')}`, rank: (1000 - index) * 10, archivedAt: index % 3 === 0 ? ARCHIVED_AT : null }),
      ),
    );
    await db.handoffs.add(makeHandoff({ id: 'done-1', state: 'HANDOFF_DONE', rank: 5 }));
    const window = await loadBoardWindow(db, {}, limitsOf(50));
    expect(window.totals).toEqual({ IN_PROGRESS: 666, READY_FOR_HANDOFF: 0, IN_HANDOFF: 0, HANDOFF_DONE: 1 });
    const whole = await loadBoardColumns(db, {});
    expect(window.columns.IN_PROGRESS.map((h) => h.id)).toEqual(whole.IN_PROGRESS.slice(0, 50).map((h) => h.id));
    expect(window.columns.IN_PROGRESS.every((h) => h.archivedAt === null)).toBe(true);
    expect(window.columns.HANDOFF_DONE.map((h) => h.id)).toEqual(['done-1']);

    const withArchived = await loadBoardWindow(db, { archived: true }, limitsOf(50));
    expect(withArchived.totals.IN_PROGRESS).toBe(1000);
    expect(withArchived.columns.IN_PROGRESS.some((h) => h.archivedAt !== null)).toBe(true);
  });

  it('pages past runs of equal ranks and long runs of archived cards without skipping or repeating a card', async () => {
    const db = await dbWithTemplates();
    // 700 cards sharing three ranks (chunks of 250 end inside a run), the first 400 archived.
    await db.handoffs.bulkAdd(
      Array.from({ length: 700 }, (_, index) =>
        makeHandoff({ id: `h-${String(index).padStart(4, '0')}`, rank: index < 300 ? 10 : index < 600 ? 20 : 30, archivedAt: index < 400 ? ARCHIVED_AT : null }),
      ),
    );
    const window = await loadBoardWindow(db, {}, limitsOf(1000));
    const ids = window.columns.IN_PROGRESS.map((h) => h.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(ids).toEqual((await loadBoardColumns(db, {})).IN_PROGRESS.map((h) => h.id));
    expect(window.totals.IN_PROGRESS).toBe(300);
  });

  it('is, for any workspace and limits, the first cards of the whole board and its true counts', async () => {
    const cardArb = fc.record({
      state: fc.constantFrom(...HANDOFF_STATES),
      rank: fc.integer({ min: 0, max: 40 }),
      archived: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(cardArb, { maxLength: 700 }),
        fc.constantFrom(0, 1, 7, 60, 260, 1000),
        fc.boolean(),
        async (cards, limit, includeArchived) => {
          const db = await dbWithTemplates();
          try {
            await db.handoffs.bulkAdd(
              cards.map((card, index) => makeHandoff({ id: `h-${index}`, state: card.state, rank: card.rank, archivedAt: card.archived ? ARCHIVED_AT : null })),
            );
            const filter = includeArchived ? { archived: true } : {};
            const window = await loadBoardWindow(db, filter, limitsOf(limit));
            const whole = await loadBoardColumns(db, filter);
            for (const state of HANDOFF_STATES) {
              expect(window.columns[state].map((h) => h.id)).toEqual(whole[state].slice(0, limit).map((h) => h.id));
              expect(window.totals[state]).toBe(whole[state].length);
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is used only for filters the indexes can answer', async () => {
    expect(isWindowable({})).toBe(true);
    expect(isWindowable({ archived: true, text: '  ' })).toBe(true);
    for (const filter of [{ text: 'acme' }, { mine: true }, { clientName: 'Acme Co' }, { templateId: 't' }, { stalled: true }, { withExceptions: true }, { awaitingMyAcceptance: true }]) {
      expect(isWindowable(filter)).toBe(false);
    }
    const db = await dbWithTemplates();
    await expect(loadBoardWindow(db, { text: 'acme' }, FIRST_LIMITS)).rejects.toThrow(/needs every card/);
  });

  it('reads each column with a handful of requests, never one per card', async () => {
    const db = await dbWithTemplates();
    await db.handoffs.bulkAdd(Array.from({ length: 2000 }, (_, index) => makeHandoff({ id: `h-${index}`, state: HANDOFF_STATES[index % 4] as HandoffState, rank: index })));
    const perCardGet = vi.spyOn(db.handoffs, 'get');
    const window = await loadBoardWindow(db, {}, FIRST_LIMITS);
    expect(perCardGet).not.toHaveBeenCalled();
    for (const state of HANDOFF_STATES) {
      expect(window.columns[state]).toHaveLength(FIRST_LIMITS[state]);
      expect(window.totals[state]).toBe(500);
    }
  });
});
