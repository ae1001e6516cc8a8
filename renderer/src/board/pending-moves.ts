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
  /** The columns the board read last (null before its first read): what a move that commits now is checked against. */
  lastRead: Columns | null;
  /** Shows a move; the token names it to `committed` and `failed`. */
  show: (after: Handoff, atEnd: boolean) => number;
  committed: (token: number, after: Handoff) => void;
  failed: (token: number) => void;
  /** Forgets the committed moves `columns` already shows. */
  readBack: (columns: Columns) => void;
}

function without(moves: ReadonlyMap<string, OptimisticMove>, keep: (move: OptimisticMove) => boolean): ReadonlyMap<string, OptimisticMove> {
  const next = new Map([...moves].filter(([, move]) => keep(move)));
  return next.size === moves.size ? moves : next;
}

/** The card's entry, if it is still the move named by `token` (the card was not moved again since). */
function entryOf(moves: ReadonlyMap<string, OptimisticMove>, token: number): OptimisticMove | undefined {
  for (const move of moves.values()) if (move.token === token) return move;
  return undefined;
}

export function createPendingMoves(): StoreApi<PendingMovesState> {
  let lastToken = 0;
  return createStore<PendingMovesState>((set) => ({
    moves: new Map(),
    lastRead: null,
    show: (after, atEnd) => {
      lastToken += 1;
      const token = lastToken;
      set((state) => ({ moves: new Map(state.moves).set(after.id, { after, atEnd, committed: false, token }) }));
      return token;
    },
    committed: (token, after) =>
      set((state) => {
        const move = entryOf(state.moves, token);
        if (move === undefined) return state;
        // The record as written: another change may have landed between the paint and the write.
        const done: OptimisticMove = { ...move, after, committed: true };
        // The board may have read the record back before the write's answer got here (the live
        // query and the write's callbacks race): then no later read may come, so check the last one.
        if (state.lastRead !== null && isReadBack(state.lastRead, done)) return { moves: without(state.moves, (other) => other.token !== token) };
        return { moves: new Map(state.moves).set(after.id, done) };
      }),
    failed: (token) => set((state) => ({ moves: without(state.moves, (move) => move.token !== token) })),
    readBack: (columns) => set((state) => ({ lastRead: columns, moves: without(state.moves, (move) => !isReadBack(columns, move)) })),
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
