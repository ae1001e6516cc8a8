import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DragEndEvent, DragMoveEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import type { Handoff } from '../../../shared/domain/handoff';
import type { BoardCollision } from './collision';
import type { ColumnGeometries } from './column-geometry';
import { createDropSlotStore, slotWithinColumn, type DropSlotStore } from './drop-slot';
import { findContainer, moveItem, type ContainerItems } from './drag-state';
import { planDrop, type DropPlan, type DropTarget } from './drop-plan';
import type { PrepareMove, PreparedMove } from '../data/use-command';

export interface BoardDragInput {
  /** Container → card ids as committed (from the live query). */
  items: ContainerItems;
  byId: ReadonlyMap<string, Handoff>;
  prepareMove: PrepareMove;
  hasUnloadedBelow: (container: string) => boolean;
  /** The DndContext's collision detection (settled here after a change of column). */
  collision: BoardCollision;
  /** Each column's row layout: which row a dragged card is over. */
  geometries: ColumnGeometries;
}

export interface BoardDrag {
  /** What the board shows: the drag's own snapshot while one is under way, the committed items otherwise. */
  shown: ContainerItems;
  activeId: string | null;
  /**
   * The card dnd-kit's overlay shows: the dragged card, until dnd-kit's own end of the drag (after the
   * frame that shows the drop). Emptying the overlay at the drop resized it, and dnd-kit's
   * ResizeObserver on it then re-rendered every mounted card twice right after that frame.
   */
  overlayId: string | null;
  /** The column the dragged card is in now (highlighted as the drop target). */
  overContainer: string | null;
  onDragStart: (event: DragStartEvent) => void;
  onDragMove: (event: DragMoveEvent) => void;
  onDragOver: (event: DragOverEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
  /** The drop of the drag under way, if it was shown at its input: settles when its write has answered. */
  shownDrop: () => Promise<unknown> | null;
  /** The board as the last drag left it at its drop (null during a drag): what its narration names. */
  droppedItems: () => ContainerItems | null;
  /** Where a card dragged within its own column would land (each column draws its line). */
  dropSlots: DropSlotStore;
}


type DragInput = 'pointer' | 'keyboard' | 'other';

/** Whether `event` is the input that drops a drag started by `by` (dnd-kit's sensors: a release; Space or Enter). */
function dropsDrag(event: Event, by: DragInput): boolean {
  if (by === 'pointer') return event.type === 'pointerup';
  return by === 'keyboard' && event instanceof KeyboardEvent && (event.code === 'Space' || event.code === 'Enter');
}

function inputOf(event: Event): DragInput {
  // A PointerEvent is a MouseEvent; a touch drag starts with a TouchEvent and ends at dnd-kit's onDragEnd.
  return event instanceof KeyboardEvent ? 'keyboard' : event instanceof MouseEvent ? 'pointer' : 'other';
}

interface LiveDrag {
  dragItems: ContainerItems | null;
  snapshot: ContainerItems | null;
  /** The column the card is over (dnd-kit's droppables are the columns). */
  overColumn: string | null;
  by: DragInput;
  /** The pointer's viewport y at its last move (a pointer drag): which row of a column it is over. */
  pointerY: number | null;
  /** The dragged card's box as dnd-kit last reported it: which row it is over when no pointer leads (keyboard, touch). */
  cardRect: { top: number; height: number } | null;
  /**
   * The drop decided at its input (its write issued), and whether it is shown yet: it is shown by a
   * second listener of the same input, after the write's first microtasks have opened its transaction.
   * dnd-kit's onDragEnd for that card then has nothing left to do.
   */
  dropped: { id: string; move: PreparedMove | null; shown: boolean } | null;
  /** The board as the drag left it at the drop: dnd-kit narrates the drop after the board has shown it (a refused card back home). */
  droppedItems: ContainerItems | null;
  /**
   * Pointer moves seen and pointer moves dnd-kit has reported back (onDragMove). dnd-kit reports a
   * move after its render, so a release right after a move can find `overColumn` one move behind: then
   * the drop is left to onDragEnd, which gets dnd-kit's own latest target.
   */
  movesSeen: number;
  movesReported: number;
}

function idleDrag(): LiveDrag {
  return { dragItems: null, snapshot: null, overColumn: null, by: 'other', pointerY: null, cardRect: null, dropped: null, droppedItems: null, movesSeen: 0, movesReported: 0 };
}

/**
 * The board's drag-and-drop, dnd-kit multiple-containers style: during a drag
 * the board renders from a local snapshot; nothing is written until the drop,
 * and a refused or cancelled drop simply drops the snapshot.
 *
 * At the drop the snapshot is dropped in the same render that ends the drag: an
 * allowed move is then shown by the pending-moves overlay (painted as soon as its
 * write is issued), a refused one is not shown anywhere but where it was.
 *
 * The move is asked of the database at the very input that drops the card (the
 * pointer's release, Space or Enter), in a capture listener that runs before
 * dnd-kit's, and shown there at once in an urgent render of only what it touched
 * (`flushSync`): the two columns and the moved card. dnd-kit's own end of the drag,
 * which re-renders every mounted card, follows (see sensors.ts)
 * after the frame that shows the drop. A drop decided only at dnd-kit's end (a
 * touch drop, or a release right after an unreported move) is flushed the same way.
 *
 * dnd-kit's droppables are the four columns. The row a card is over, whose place
 * a drop takes, is read from that column's row layout (column-geometry.ts) under
 * the pointer, or under the dragged card's centre when no pointer leads.
 */
export function useBoardDrag({ items, byId, prepareMove, hasUnloadedBelow, collision, geometries }: BoardDragInput): BoardDrag {
  const [dragItems, setDragItems] = useState<ContainerItems | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overlayId, setOverlayId] = useState<string | null>(null);
  // The drag's latest state, read by handlers that run between renders.
  const live = useRef<LiveDrag>(idleDrag());
  const [dropSlots] = useState(createDropSlotStore);
  const slotFrame = useRef<number | null>(null);

  const showDragItems = useCallback((next: ContainerItems | null) => {
    live.current.dragItems = next;
    setDragItems(next);
  }, []);

  useEffect(() => {
    if (!collision.isSettling()) return;
    const frame = requestAnimationFrame(() => collision.settled());
    return () => cancelAnimationFrame(frame);
  }, [collision, dragItems]);

  /** The row of `column` the dragged card is over: under the pointer, or under the card's centre without one. */
  const targetIn = useCallback(
    (column: string | null): DropTarget | null => {
      const { pointerY, cardRect, dragItems: current } = live.current;
      const geometry = column === null ? undefined : geometries.get(column);
      if (column === null || geometry === undefined || current === null || !(column in current)) return null;
      const y = pointerY ?? (cardRect === null ? null : cardRect.top + cardRect.height / 2);
      return { container: column, index: y === null ? (current[column] ?? []).length : geometry.indexAt(y) };
    },
    [geometries],
  );

  const plan = useCallback(
    (active: string, column: string | null): DropPlan | null => {
      const { dragItems: current, snapshot } = live.current;
      if (current === null || snapshot === null) return null;
      return planDrop({ activeId: active, over: targetIn(column), current, snapshot, rankOf: (id) => byId.get(id)?.rank ?? null, hasUnloadedBelow });
    },
    [byId, hasUnloadedBelow, targetIn],
  );

  /**
   * Where the line of a drag within its own column goes, worked out once per frame: at that point
   * the frame lays the page out anyway, so reading the column's box costs no extra layout.
   */
  const placeSlotSoon = useCallback(
    (active: string) => {
      if (slotFrame.current !== null) return;
      slotFrame.current = requestAnimationFrame(() => {
        slotFrame.current = null;
        const { overColumn, dragItems: current, dropped } = live.current;
        const from = current === null ? null : findContainer(current, active);
        const target = dropped === null && from !== null && from === overColumn ? targetIn(overColumn) : null;
        dropSlots.set(target === null || current === null ? null : slotWithinColumn(target.container, current[target.container] ?? [], active, target.index));
      });
    },
    [dropSlots, targetIn],
  );

  const clearSlot = useCallback(() => {
    if (slotFrame.current !== null) cancelAnimationFrame(slotFrame.current);
    slotFrame.current = null;
    dropSlots.set(null);
  }, [dropSlots]);
  useEffect(() => clearSlot, [clearSlot]);

  const finish = useCallback(() => {
    clearSlot();
    collision.settled();
    live.current.snapshot = null;
    live.current.overColumn = null;
    showDragItems(null);
    setActiveId(null);
  }, [clearSlot, collision, showDragItems]);

  /** Ends the board's side of the drag and shows the drop (the move, or its refusal) in one urgent render. */
  const drop = useCallback(
    (move: PreparedMove | null) => {
      flushSync(() => {
        finish();
        move?.show();
      });
    },
    [finish],
  );

  useEffect(() => {
    if (activeId === null) return;
    const onDropInput = (event: Event) => {
      const current = live.current;
      if (current.dropped !== null || current.snapshot === null || !dropsDrag(event, current.by)) return;
      if (current.by === 'pointer' && current.movesReported < current.movesSeen) return;
      if (event instanceof PointerEvent) current.pointerY = event.clientY;
      const dropPlan = plan(activeId, current.overColumn);
      const handoff = byId.get(activeId);
      // The write first, then the paint (showDrop).
      const move = dropPlan !== null && handoff !== undefined ? prepareMove(handoff, dropPlan.to, dropPlan.rank) : null;
      current.dropped = { id: activeId, move, shown: false };
      current.droppedItems = current.dragItems;
    };
    const showDrop = () => {
      const { dropped } = live.current;
      if (dropped === null || dropped.shown) return;
      dropped.shown = true;
      drop(dropped.move);
    };
    const onPointerMove = (event: PointerEvent) => {
      live.current.movesSeen += 1;
      if (live.current.by === 'pointer') live.current.pointerY = event.clientY;
      placeSlotSoon(activeId);
    };
    // Capture on window, then on the document: both before dnd-kit's listeners on the document, and
    // between the two the microtasks run that open the write's IndexedDB transaction (a render first
    // would hold them back by its length).
    window.addEventListener('pointermove', onPointerMove, { capture: true });
    window.addEventListener('pointerup', onDropInput, { capture: true });
    window.addEventListener('keydown', onDropInput, { capture: true });
    document.addEventListener('pointerup', showDrop, { capture: true });
    document.addEventListener('keydown', showDrop, { capture: true });
    return () => {
      window.removeEventListener('pointermove', onPointerMove, { capture: true });
      window.removeEventListener('pointerup', onDropInput, { capture: true });
      window.removeEventListener('keydown', onDropInput, { capture: true });
      document.removeEventListener('pointerup', showDrop, { capture: true });
      document.removeEventListener('keydown', showDrop, { capture: true });
    };
  }, [activeId, byId, prepareMove, plan, drop, placeSlotSoon]);

  const onDragStart = useCallback(
    (event: DragStartEvent) => {
      // A drag starts on the layout as it is: nothing of the last drag's change of column is pending.
      collision.settled();
      live.current = { ...idleDrag(), dragItems: items, snapshot: items, by: inputOf(event.activatorEvent) };
      setDragItems(items);
      setActiveId(String(event.active.id));
      setOverlayId(String(event.active.id));
    },
    [items, collision],
  );

  const onDragMove = useCallback(
    (event: DragMoveEvent) => {
      live.current.overColumn = event.over === null ? null : String(event.over.id);
      live.current.cardRect = event.active.rect.current.translated;
      // Everything seen so far has been reported: the target is current.
      live.current.movesReported = live.current.movesSeen;
      // A keyboard drag moves without a pointer.
      placeSlotSoon(String(event.active.id));
    },
    [placeSlotSoon],
  );

  // Positions change only through this state (not through sortable transforms), so the
  // virtualizer lays every card out itself and absolutely-positioned rows never overlap.
  const onDragOver = useCallback(
    (event: DragOverEvent) => {
      const { active, over } = event;
      const column = over === null ? null : String(over.id);
      live.current.overColumn = column;
      live.current.cardRect = active.rect.current.translated;
      const current = live.current.dragItems;
      const activeKey = String(active.id);
      const from = current === null ? null : findContainer(current, activeKey);
      // Within one column the order is settled on drop, at the row the card is over then: moving rows
      // under a still pointer would make the card and its neighbour swap places on every measurement.
      const target = from === column ? null : targetIn(column);
      if (current === null || from === null || target === null) return;
      collision.movedToNewColumn();
      showDragItems(moveItem(current, activeKey, target.container, target.index));
    },
    [collision, showDragItems, targetIn],
  );

  const shownDrop = useCallback((): Promise<unknown> | null => {
    const { dropped } = live.current;
    if (dropped === null || !dropped.shown) return null;
    return dropped.move?.committed ?? Promise.resolve();
  }, []);

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      setOverlayId(null);
      const activeKey = String(event.active.id);
      const decided = live.current.dropped;
      if (decided !== null && decided.id === activeKey) {
        live.current.dropped = null;
        if (!decided.shown) drop(decided.move);
        return;
      }
      // A touch drop (or one whose input was not seen) is decided here.
      live.current.droppedItems = live.current.dragItems;
      live.current.cardRect = event.active.rect.current.translated ?? live.current.cardRect;
      const handoff = byId.get(activeKey);
      const dropPlan = plan(activeKey, event.over === null ? null : String(event.over.id));
      const move = dropPlan !== null && handoff !== undefined ? prepareMove(handoff, dropPlan.to, dropPlan.rank) : null;
      // One render: the drag ends, and an allowed move shows in its new place (its write already
      // issued) while a refused one stays where it was and its refusal opens.
      drop(move);
    },
    [byId, drop, plan, prepareMove],
  );

  const shown = dragItems ?? items;
  return {
    shown,
    activeId,
    overlayId,
    overContainer: activeId !== null && dragItems !== null ? findContainer(dragItems, activeId) : null,
    onDragStart,
    onDragMove,
    onDragOver,
    onDragEnd,
    onDragCancel: () => {
      setOverlayId(null);
      finish();
    },
    shownDrop,
    droppedItems: () => live.current.droppedItems,
    dropSlots,
  };
}
