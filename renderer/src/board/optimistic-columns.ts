import type { Handoff } from '../../../shared/domain/handoff';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';

/** A move the gate allowed and whose write is issued, shown before IndexedDB confirms it. */
export interface OptimisticMove {
  /** The record as the move leaves it (the domain's own `applyCommand` result). */
  after: Handoff;
  /** No rank was chosen (the end of the column, decided by the data layer): shown after the loaded cards. */
  atEnd: boolean;
  /** The write committed; the entry lives until the board has read the record back. */
  committed: boolean;
  /**
   * Which move of the card this is: a card moved again before its last write answered is shown where
   * the newest move puts it, and the older write's answer (committed or failed) must not change that.
   */
  token: number;
}

export type Columns = Record<HandoffState, Handoff[]>;

/** Where `card` goes in `cards` (sorted by rank, ties by id as IndexedDB returns them). */
function insertAt(cards: readonly Handoff[], card: Handoff): number {
  const index = cards.findIndex((other) => other.rank > card.rank || (other.rank === card.rank && other.id > card.id));
  return index < 0 ? cards.length : index;
}

/**
 * The board's columns with the moves still in flight applied: each moved card
 * taken out of wherever it is and put where the move puts it. Only the columns a
 * move touches get new arrays, so memoized columns elsewhere do not re-render.
 * `shift` is how many cards each column gained (or lost) this way, for its count.
 * A move to the end of a column whose end is not loaded is counted there but not
 * shown among the loaded cards (its place is further down).
 */
export function applyOptimisticMoves(
  columns: Columns,
  moves: ReadonlyMap<string, OptimisticMove>,
  endLoaded: (state: HandoffState) => boolean = () => true,
): { columns: Columns; shift: Record<HandoffState, number> } {
  const shift: Record<HandoffState, number> = { IN_PROGRESS: 0, READY_FOR_HANDOFF: 0, IN_HANDOFF: 0, HANDOFF_DONE: 0 };
  if (moves.size === 0) return { columns, shift };
  const next: Columns = { ...columns };
  for (const state of HANDOFF_STATES) {
    const kept = next[state].filter((card) => !moves.has(card.id));
    if (kept.length !== next[state].length) {
      shift[state] -= next[state].length - kept.length;
      next[state] = kept;
    }
  }
  for (const move of moves.values()) {
    const state = move.after.state;
    shift[state] += 1;
    if (move.atEnd && !endLoaded(state)) continue;
    const cards = [...next[state]];
    cards.splice(move.atEnd ? cards.length : insertAt(cards, move.after), 0, move.after);
    next[state] = cards;
  }
  return { columns: next, shift };
}

/**
 * Whether the board has read back what a committed move wrote, so its entry can
 * go: the record is there at the move's version or later, or it is not among
 * the loaded cards at all (it landed below the loaded window).
 */
export function isReadBack(columns: Columns, move: OptimisticMove): boolean {
  if (!move.committed) return false;
  // Only when no column shows an older copy is the move read back: a read of the board from before
  // the write (still shows the card in its old column) never lets the move go.
  return HANDOFF_STATES.every((state) => columns[state].every((card) => card.id !== move.after.id || card.version >= move.after.version));
}
