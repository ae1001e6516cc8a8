import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The column an arrow key takes a dragged card to: the nearest column whose
 * whole box lies on that side of the card's centre (in its swimlane: the nearest
 * by height among those). dnd-kit's sortable getter judges by left edges, so
 * from a card inside a padded column ArrowLeft found the card's own column
 * first and never left it.
 */
export function nextColumnBox(card: Box, columns: readonly Box[], direction: 'left' | 'right'): Box | null {
  const centre = card.left + card.width / 2;
  const onSide = columns.filter((box) => (direction === 'left' ? box.left + box.width <= centre : box.left > centre));
  let best: Box | null = null;
  for (const box of onSide) {
    if (best === null) {
      best = box;
      continue;
    }
    const gap = Math.abs(box.left - card.left) - Math.abs(best.left - card.left);
    if (gap < 0 || (gap === 0 && Math.abs(box.top - card.top) < Math.abs(best.top - card.top))) best = box;
  }
  return best;
}

/** Arrow Left/Right move a dragged card to the neighbouring column; Up/Down move it within its column (dnd-kit's sortable getter). */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right) return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = args.context;
  if (collisionRect === null) return undefined;
  const columns: Box[] = [];
  for (const entry of droppableContainers.getEnabled()) {
    // Columns carry their containerId; cards are sortable items.
    const data: unknown = entry.data.current;
    if (typeof data !== 'object' || data === null || 'sortable' in data) continue;
    // Right after a pick-up dnd-kit may not have measured the droppables yet (it measures
    // while dragging, after the drag starts): an arrow key pressed then measures the column itself.
    const rect = droppableRects.get(entry.id) ?? entry.node.current?.getBoundingClientRect();
    if (rect !== undefined) columns.push(rect);
  }
  const target = nextColumnBox(collisionRect, columns, event.code === KeyboardCode.Left ? 'left' : 'right');
  if (target === null) return undefined;
  const top = Math.min(Math.max(collisionRect.top, target.top), target.top + Math.max(0, target.height - collisionRect.height));
  return { x: target.left, y: top };
};
