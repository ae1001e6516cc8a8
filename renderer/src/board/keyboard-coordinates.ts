import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { ColumnGeometries } from './column-geometry';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The column an arrow key takes a dragged card to: the nearest column whose
 * whole box lies on that side of the card's centre (in its swimlane: the nearest
 * by height among those). Judged by left edges alone, from a card inside a padded
 * column ArrowLeft would find the card's own column first and never leave it.
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

/** Where a card of `height` goes to sit centred on `row`: the top edge the keyboard sensor moves it to. */
export function topCentredOn(row: { top: number; height: number }, height: number): number {
  return row.top + row.height / 2 - height / 2;
}

/**
 * Arrow Left/Right move a dragged card to the neighbouring column; Up/Down move it
 * one row up or down its column, centred on that row, so the drop takes its place.
 * Rows come from the column's layout (`geometries`), as the board reads them at the drop.
 */
export function createBoardKeyboardCoordinates(geometries: ColumnGeometries): KeyboardCoordinateGetter {
  return (event, args) => {
    const { collisionRect, droppableRects, droppableContainers, over } = args.context;
    if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) {
      event.preventDefault();
      const geometry = over === null ? undefined : geometries.get(String(over.id));
      if (collisionRect === null || geometry === undefined) return undefined;
      const index = geometry.indexAt(collisionRect.top + collisionRect.height / 2);
      const row = geometry.rowBox(event.code === KeyboardCode.Up ? index - 1 : index + 1);
      return row === null ? undefined : { x: collisionRect.left, y: topCentredOn(row, collisionRect.height) };
    }
    if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right) return undefined;
    event.preventDefault();
    if (collisionRect === null) return undefined;
    const columns: Box[] = [];
    for (const entry of droppableContainers.getEnabled()) {
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
}
