import { closestCorners, pointerWithin, type Collision, type CollisionDetection } from '@dnd-kit/core';

export interface BoardCollision {
  detect: CollisionDetection;
  /** The dragged card just changed column: judge nothing until that layout is on screen. */
  movedToNewColumn(): void;
  /** The new layout is on screen (call on the next animation frame). */
  settled(): void;
  isSettling(): boolean;
}

/**
 * Where a dragged card is "over". What is under the pointer wins: the card's
 * overlay can straddle two columns, and judging by its corners (closestCorners)
 * makes it flip between them as each move re-lays the columns out, a loop that
 * ended in "Maximum update depth exceeded". Keyboard drags have no pointer and
 * fall back to closestCorners. Right after a change of column, until the next
 * frame, the target stays the one that caused the change, so nothing is judged
 * on the stale layout (and screen readers hear no flicker of targets).
 */
export function createBoardCollision(): BoardCollision {
  let settling = false;
  let last: Collision[] = [];
  return {
    detect: (args) => {
      if (settling) return last;
      const underPointer = args.pointerCoordinates === null ? [] : pointerWithin(args);
      last = underPointer.length > 0 ? underPointer : closestCorners(args);
      return last;
    },
    movedToNewColumn: () => {
      settling = true;
    },
    settled: () => {
      settling = false;
    },
    isSettling: () => settling,
  };
}
