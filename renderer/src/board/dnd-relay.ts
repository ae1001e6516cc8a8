import type { Announcements, DragEndEvent, DragMoveEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import { boardAnnouncements } from './announcements';

/** What the board's view hands dnd-kit: its drag handlers and how to name cards and columns. */
export interface BoardDndHandlers {
  onDragStart: (event: DragStartEvent) => void;
  onDragMove: (event: DragMoveEvent) => void;
  onDragOver: (event: DragOverEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
  titleOf: (id: string) => string;
  containerOf: (id: string) => string | null;
  /** The drop of the drag under way, if the board has shown it (at its input): settles when its write has answered. */
  shownDrop: () => Promise<unknown> | null;
}

/** Props for dnd-kit's DndContext that never change, relaying to the handlers registered last. */
export interface BoardDndRelay {
  register: (handlers: BoardDndHandlers) => void;
  onDragStart: (event: DragStartEvent) => void;
  onDragMove: (event: DragMoveEvent) => void;
  onDragOver: (event: DragOverEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
  shownDrop: () => Promise<unknown> | null;
  announcements: Announcements;
}

/**
 * dnd-kit's DndContext is expensive to re-render during a drag: each render
 * measures every droppable and runs collision detection. The board's view
 * re-renders at the drop (the card shown in its new column) while dnd-kit still
 * holds the drag, so the DndContext sits above it with props that never change,
 * and those relay to whatever the view registered last.
 */
export function createBoardDndRelay(): BoardDndRelay {
  let latest: BoardDndHandlers | null = null;
  return {
    register: (handlers) => {
      latest = handlers;
    },
    onDragStart: (event) => latest?.onDragStart(event),
    onDragMove: (event) => latest?.onDragMove(event),
    onDragOver: (event) => latest?.onDragOver(event),
    onDragEnd: (event) => latest?.onDragEnd(event),
    onDragCancel: () => latest?.onDragCancel(),
    shownDrop: () => latest?.shownDrop() ?? null,
    announcements: boardAnnouncements(
      (id) => latest?.titleOf(id) ?? 'card',
      (id) => latest?.containerOf(id) ?? null,
    ),
  };
}
