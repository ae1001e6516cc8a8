import type { HandoffState } from '../../../shared/domain/states';
import { rankBetween } from '../data/ranks';
import { findContainer, moveItem, neighbours, stateOfContainer, type ContainerItems } from './drag-state';

/** What a drop does: the card's new place on the board and the move to write. */
export interface DropPlan {
  activeId: string;
  to: HandoffState;
  /** The board as it looks after the drop, shown until the write is read back. */
  finalItems: ContainerItems;
  /** Between its new neighbours; `undefined` = the end of the column, left to the data layer. */
  rank: number | undefined;
}

/** Where a card is over: a column, and the row of it under the card (whose place a drop there takes). */
export interface DropTarget {
  container: string;
  /** 0 … the column's loaded cards; past the last one, the end of what is loaded. */
  index: number;
}

export interface DropInput {
  activeId: string;
  over: DropTarget | null;
  /** The board during the drag (the card already in the column it is over). */
  current: ContainerItems;
  /** The board when the drag started. */
  snapshot: ContainerItems;
  rankOf: (id: string) => number | null;
  /** Whether the column has cards below its loaded ones (so "after the last card" is not its end). */
  hasUnloadedBelow: (container: string) => boolean;
}

/**
 * The move a drop asks for, or `null` when it changes nothing (dropped where
 * it was, or nowhere). The same plan is made whether the drop is seen at the
 * pointer's release or at the drag library's end of the drag.
 */
export function planDrop(input: DropInput): DropPlan | null {
  const { activeId, current, snapshot, over } = input;
  if (over === null) return null;
  // Like arrayMove: the card takes the place of the row it is over, in its own column or another.
  const finalItems = moveItem(current, activeId, over.container, over.index);
  const container = findContainer(finalItems, activeId);
  const to = container === null ? null : stateOfContainer(container);
  if (container === null || to === null) return null;
  const original = findContainer(snapshot, activeId);
  const before = original === null ? [] : (snapshot[original] ?? []);
  if (original === container && before.join() === (finalItems[container] ?? []).join()) return null;
  const { before: prevId, after: nextId } = neighbours(finalItems, activeId);
  const rank =
    nextId === null && original !== container && input.hasUnloadedBelow(container)
      ? undefined
      : rankBetween(prevId === null ? null : input.rankOf(prevId), nextId === null ? null : input.rankOf(nextId));
  return { activeId, to, finalItems, rank };
}
