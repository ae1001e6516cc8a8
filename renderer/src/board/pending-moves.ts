import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Handoff } from '../../../shared/domain/handoff';
import type { BatonDb } from '../data/db';
import { useDb } from '../data/db-context';
import { isReadBack, type Columns, type OptimisticMove } from './optimistic-columns';

/**
 * Moves the gate allowed whose write is issued, painted at once: the board shows
 * them (applyOptimisticMoves) until the committed record is read back, and drops
 * one the moment its write fails, so the card returns to where it was.
 * One store per database, so moves never show in another workspace.
 */
export interface PendingMovesState {
  moves: ReadonlyMap<string, OptimisticMove>;
  show: (after: Handoff, atEnd: boolean) => void;
  committed: (id: string, after: Handoff) => void;
  failed: (id: string) => void;
  /** Forgets the committed moves `columns` already shows. */
  readBack: (columns: Columns) => void;
}

function without(moves: ReadonlyMap<string, OptimisticMove>, keep: (move: OptimisticMove) => boolean): ReadonlyMap<string, OptimisticMove> {
  const next = new Map([...moves].filter(([, move]) => keep(move)));
  return next.size === moves.size ? moves : next;
}

function createPendingMoves(): StoreApi<PendingMovesState> {
  return createStore<PendingMovesState>((set) => ({
    moves: new Map(),
    show: (after, atEnd) => set((state) => ({ moves: new Map(state.moves).set(after.id, { after, atEnd, committed: false }) })),
    committed: (id, after) =>
      set((state) => {
        const move = state.moves.get(id);
        // The record as written: another change may have landed between the paint and the write.
        return move === undefined ? state : { moves: new Map(state.moves).set(id, { ...move, after, committed: true }) };
      }),
    failed: (id) => set((state) => ({ moves: without(state.moves, (move) => move.after.id !== id) })),
    readBack: (columns) => set((state) => ({ moves: without(state.moves, (move) => !isReadBack(columns, move)) })),
  }));
}

const stores = new WeakMap<BatonDb, StoreApi<PendingMovesState>>();

export function pendingMovesOf(db: BatonDb): StoreApi<PendingMovesState> {
  const existing = stores.get(db);
  if (existing !== undefined) return existing;
  const created = createPendingMoves();
  stores.set(db, created);
  return created;
}

export function usePendingMoves<T>(select: (state: PendingMovesState) => T): T {
  return useStore(pendingMovesOf(useDb()), select);
}
