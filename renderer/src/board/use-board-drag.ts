import { useCallback, useEffect, useRef, useState } from 'react';
import type { DragEndEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import type { Handoff } from '../../../shared/domain/handoff';
import { createBoardCollision, type BoardCollision } from './collision';
import { findContainer, moveItem, type ContainerItems } from './drag-state';
import { planDrop, type DropPlan } from './drop-plan';
import type { AttemptMove } from './use-move';

export interface BoardDragInput {
  /** Container → card ids as committed (from the live query). */
  items: ContainerItems;
  byId: ReadonlyMap<string, Handoff>;
  move: AttemptMove;
  hasUnloadedBelow: (container: string) => boolean;
}

export interface BoardDrag {
  /** What the board shows: the drag's own snapshot while one is under way, the committed items otherwise. */
  shown: ContainerItems;
  activeId: string | null;
  /** The column the dragged card is in now (highlighted as the drop target). */
  overContainer: string | null;
  collision: BoardCollision;
  onDragStart: (event: DragStartEvent) => void;
  onDragOver: (event: DragOverEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
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
 * dnd-kit calls `onDragEnd` inside its own pointerup/keydown listener, and React
 * renders the updates made there only after that listener returns: the write is
 * issued first, then one render ends the drag and paints the move.
 */
export function useBoardDrag({ items, byId, move, hasUnloadedBelow }: BoardDragInput): BoardDrag {
  const [dragItems, setDragItems] = useState<ContainerItems | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [collision] = useState(createBoardCollision);
  // The drag's latest board, read by dnd-kit's handlers between renders.
  const live = useRef({ dragItems: null as ContainerItems | null, snapshot: null as ContainerItems | null });

  const showDragItems = useCallback((next: ContainerItems | null) => {
    live.current.dragItems = next;
    setDragItems(next);
  }, []);

  useEffect(() => {
    if (!collision.isSettling()) return;
    const frame = requestAnimationFrame(() => collision.settled());
    return () => cancelAnimationFrame(frame);
  }, [collision, dragItems]);

  const plan = useCallback(
    (active: string, overId: string | null): DropPlan | null => {
      const { dragItems: current, snapshot } = live.current;
      if (overId === null || current === null || snapshot === null) return null;
      return planDrop({ activeId: active, overId, current, snapshot, rankOf: (id) => byId.get(id)?.rank ?? null, hasUnloadedBelow });
    },
    [byId, hasUnloadedBelow],
  );

  const finish = useCallback(() => {
    collision.settled();
    live.current.snapshot = null;
    showDragItems(null);
    setActiveId(null);
  }, [collision, showDragItems]);

  const onDragStart = useCallback(
    (event: DragStartEvent) => {
      live.current = { dragItems: items, snapshot: items };
      setDragItems(items);
      setActiveId(String(event.active.id));
    },
    [items],
  );

  // Positions change only through this state (not through sortable transforms), so the
  // virtualizer lays every card out itself and absolutely-positioned rows never overlap.
  const onDragOver = useCallback(
    (event: DragOverEvent) => {
      const { active, over } = event;
      const current = live.current.dragItems;
      if (!over || !current) return;
      const activeKey = String(active.id);
      const overKey = String(over.id);
      if (activeKey === overKey) return;
      const from = findContainer(current, activeKey);
      const to = findContainer(current, overKey);
      // Within one column the order is settled on drop (see reorderWithinColumn).
      if (from === null || to === null || from === to) return;
      const targetIds = current[to] ?? [];
      const overIndex = targetIds.indexOf(overKey);
      collision.movedToNewColumn();
      showDragItems(moveItem(current, activeKey, to, overIndex >= 0 ? overIndex : targetIds.length));
    },
    [collision, showDragItems],
  );

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      const activeKey = String(event.active.id);
      const dropPlan = plan(activeKey, event.over === null ? null : String(event.over.id));
      const handoff = byId.get(activeKey);
      // The gate decides at once: an allowed move is painted by the pending-moves overlay in
      // the render that ends the drag (its write already issued); a refused one stays home.
      if (dropPlan !== null && handoff !== undefined) move(handoff, dropPlan.to, dropPlan.rank);
      finish();
    },
    [byId, finish, move, plan],
  );

  const shown = dragItems ?? items;
  return {
    shown,
    activeId,
    overContainer: activeId !== null && dragItems !== null ? findContainer(dragItems, activeId) : null,
    collision,
    onDragStart,
    onDragOver,
    onDragEnd,
    onDragCancel: finish,
  };
}
