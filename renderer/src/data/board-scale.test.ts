import { HANDOFF_STATES } from '../../../shared/domain/states';
import { loadBoardColumns } from './queries';
import { dbWithTemplates, makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';

describe('board query at scale', () => {
  it('reads thousands of cards from the [state+rank] index with no per-card reads', async () => {
    const db = await dbWithTemplates([makeTemplate()]);
    const count = 4000;
    // Ranks deliberately inserted out of order: the index, not a sort, must order them.
    const cards = Array.from({ length: count }, (_, index) =>
      makeHandoff({
        id: `h-${index}`,
        title: `Card ${index}`,
        state: HANDOFF_STATES[index % 4] ?? 'IN_PROGRESS',
        rank: (count - index) * 10,
        archivedAt: index % 10 === 0 ? '2026-11-21T09:00:00.000Z' : null,
      }),
    );
    await db.handoffs.bulkAdd(cards);
    const perCardGet = vi.spyOn(db.handoffs, 'get');
    const board = await loadBoardColumns(db, {});
    expect(perCardGet).not.toHaveBeenCalled();
    const shown = HANDOFF_STATES.reduce((sum, state) => sum + board[state].length, 0);
    expect(shown).toBe(count - count / 10);
    for (const state of HANDOFF_STATES) {
      const ranks = board[state].map((card) => card.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const searched = await loadBoardColumns(db, { text: 'card 3999' });
    expect(HANDOFF_STATES.flatMap((state) => searched[state].map((card) => card.id))).toEqual(['h-3999']);
  });
});
