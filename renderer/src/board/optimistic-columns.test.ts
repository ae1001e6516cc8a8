import { makeHandoff } from '../../../test/support/db-fixtures';
import { applyOptimisticMoves, isReadBack, type Columns, type OptimisticMove } from './optimistic-columns';

const a = makeHandoff({ id: 'a', state: 'IN_PROGRESS', rank: 10 });
const b = makeHandoff({ id: 'b', state: 'IN_PROGRESS', rank: 20 });
const c = makeHandoff({ id: 'c', state: 'READY_FOR_HANDOFF', rank: 10 });
const d = makeHandoff({ id: 'd', state: 'READY_FOR_HANDOFF', rank: 30 });

function board(): Columns {
  return { IN_PROGRESS: [a, b], READY_FOR_HANDOFF: [c, d], IN_HANDOFF: [], HANDOFF_DONE: [] };
}

function moved(card: typeof a, patch: Partial<typeof a>, extra: Partial<OptimisticMove> = {}): OptimisticMove {
  return { after: { ...card, ...patch, version: card.version + 1 }, atEnd: false, committed: false, token: 1, ...extra };
}

describe('applyOptimisticMoves', () => {
  it('takes the card out of its column and puts it in its new one by rank, touching only those two columns', () => {
    const columns = board();
    const { columns: shown, shift } = applyOptimisticMoves(columns, new Map([['a', moved(a, { state: 'READY_FOR_HANDOFF', rank: 20 })]]));
    expect(shown.IN_PROGRESS.map((h) => h.id)).toEqual(['b']);
    expect(shown.READY_FOR_HANDOFF.map((h) => h.id)).toEqual(['c', 'a', 'd']);
    expect(shown.READY_FOR_HANDOFF[1]?.state).toBe('READY_FOR_HANDOFF');
    expect(shift).toEqual({ IN_PROGRESS: -1, READY_FOR_HANDOFF: 1, IN_HANDOFF: 0, HANDOFF_DONE: 0 });
    expect(shown.IN_HANDOFF).toBe(columns.IN_HANDOFF);
    expect(shown.HANDOFF_DONE).toBe(columns.HANDOFF_DONE);
  });

  it('returns the very same columns when nothing is in flight', () => {
    const columns = board();
    expect(applyOptimisticMoves(columns, new Map()).columns).toBe(columns);
  });

  it('puts a move without a rank after the loaded cards, and a reorder at its new place in the same column', () => {
    const toEnd = applyOptimisticMoves(board(), new Map([['a', moved(a, { state: 'READY_FOR_HANDOFF', rank: 5 }, { atEnd: true })]]));
    expect(toEnd.columns.READY_FOR_HANDOFF.map((h) => h.id)).toEqual(['c', 'd', 'a']);
    const reorder = applyOptimisticMoves(board(), new Map([['b', moved(b, { rank: 5 })]]));
    expect(reorder.columns.IN_PROGRESS.map((h) => h.id)).toEqual(['b', 'a']);
    expect(reorder.shift.IN_PROGRESS).toBe(0);
  });

  it('counts a move to the end of a column whose end is not loaded without showing it among the loaded cards', () => {
    const { columns, shift } = applyOptimisticMoves(board(), new Map([['a', moved(a, { state: 'READY_FOR_HANDOFF' }, { atEnd: true })]]), (state) => state !== 'READY_FOR_HANDOFF');
    expect(columns.IN_PROGRESS.map((h) => h.id)).toEqual(['b']);
    expect(columns.READY_FOR_HANDOFF.map((h) => h.id)).toEqual(['c', 'd']);
    expect(shift).toEqual({ IN_PROGRESS: -1, READY_FOR_HANDOFF: 1, IN_HANDOFF: 0, HANDOFF_DONE: 0 });
  });

  it('shows a card moved from outside the loaded window in its new column', () => {
    const far = makeHandoff({ id: 'far', state: 'IN_PROGRESS', rank: 9_000 });
    const { columns, shift } = applyOptimisticMoves(board(), new Map([['far', moved(far, { state: 'IN_HANDOFF' })]]));
    expect(columns.IN_HANDOFF.map((h) => h.id)).toEqual(['far']);
    expect(shift).toEqual({ IN_PROGRESS: 0, READY_FOR_HANDOFF: 0, IN_HANDOFF: 1, HANDOFF_DONE: 0 });
  });
});

describe('isReadBack', () => {
  const move = moved(a, { state: 'READY_FOR_HANDOFF', rank: 20 });

  it('holds a move until its write has committed', () => {
    expect(isReadBack(board(), move)).toBe(false);
  });

  it('holds a committed move while the board still shows the record as it was', () => {
    expect(isReadBack(board(), { ...move, committed: true })).toBe(false);
  });

  it('lets a committed move go once the board has read the written record back, or no longer loads it', () => {
    const read: Columns = { ...board(), IN_PROGRESS: [b], READY_FOR_HANDOFF: [c, move.after, d] };
    expect(isReadBack(read, { ...move, committed: true })).toBe(true);
    const unloaded: Columns = { ...board(), IN_PROGRESS: [b] };
    expect(isReadBack(unloaded, { ...move, committed: true })).toBe(true);
  });

  it('holds a committed move while its new column has read it back but its old column still shows it as it was', () => {
    // Each column is its own live query: letting go here would show the card in both columns for a moment.
    const halfRead: Columns = { ...board(), IN_PROGRESS: [a, b], READY_FOR_HANDOFF: [c, move.after, d] };
    expect(isReadBack(halfRead, { ...move, committed: true })).toBe(false);
  });
});
