import { useEffect, useMemo } from 'react';
import type { BoardView } from '../data/queries';
import { applyOptimisticMoves, type Columns } from './optimistic-columns';
import { usePendingMoves } from './pending-moves';
import type { HandoffState } from '../../../shared/domain/states';

/**
 * The board as the live query read it, with the moves whose write is issued
 * already shown (and counted) in their new place; each is forgotten once the
 * board has read its committed record back.
 */
export function useOptimisticColumns(board: BoardView | undefined): { columns: Columns; shift: Record<HandoffState, number> } | undefined {
  const pendingMoves = usePendingMoves((s) => s.moves);
  const readBack = usePendingMoves((s) => s.readBack);
  useEffect(() => {
    if (board !== undefined) readBack(board.columns);
  }, [board, readBack]);
  return useMemo(() => {
    if (board === undefined) return undefined;
    // Whether a column's loaded cards reach its end (a move to its end shows among them).
    const endLoaded = (state: HandoffState) => board.columns[state].length >= (board.totals[state] ?? Infinity);
    return applyOptimisticMoves(board.columns, pendingMoves, endLoaded);
  }, [board, pendingMoves]);
}
