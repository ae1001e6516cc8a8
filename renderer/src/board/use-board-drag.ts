import { useCallback, useEffect, useRef, useState } from 'react';
import type { DragEndEvent, DragMoveEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffState } from '../../../shared/domain/states';
import { createBoardCollision, type BoardCollision } from './collision';
import { findContainer, moveItem, type ContainerItems } from './drag-state';
import { planDrop, type DropPlan } from './drop-plan';
import type { MoveResult } from './use-move';

export interface BoardDragInput {
  /** Container → card ids as committed (from the live query). */
  items: ContainerItems;
  byId: ReadonlyMap<string, Handoff>;
  move: (handoff: Handoff, to: HandoffState, rank?: number) => Promise<MoveResult>;
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
  onDragMove: (event: DragMoveEvent) => void;
  onDragOver: (event: DragOverEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel: () => void;
}

interface EarlyDrop {
  plan: DropPlan;
  result: Promise<MoveResult>;
}

/**
 * The board's drag-and-drop, dnd-kit multiple-containers style: during a drag
 * the board renders from a local snapshot; nothing is written until the drop,
 * and a refused or cancelled drop simply drops the snapshot.
 *
 * A pointer drop is written at the pointer's release, before dnd-kit's own
 * end-of-drag re-render (a synchronous React update that would otherwise run
 * first and delay the write by a frame); dnd-kit's `onDragEnd` then only
 * updates the screen. Keyboard and touch drops are written at `onDragEnd`.
 */
export function useBoardDrag({ items, byId, move, hasUnloadedBelow }: BoardDragInput): BoardDrag {
  const [dragItems, setDragItems] = useState<ContainerItems | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [collision] = useState(createBoardCollision);
  // The latest values for handlers that run outside React's render (the pointer release).
  const live = useRef({ dragItems: null as ContainerItems | null, snapshot: null as ContainerItems | null, overId: null as string | null, dragging: false });
  const earlyDrop = useRef<EarlyDrop | null>(null);
  const committedFrom = useRef<ContainerItems | null>(null);

  const showDragItems = useCallback((next: ContainerItems | null) => {
    live.current.dragItems = next;
    setDragItems(next);
  }, []);

  useEffect(() => {
    if (committedFrom.current !== null && committedFrom.current !== items) {
      committedFrom.current = null;
      live.current.snapshot = null;
      showDragItems(null);
    }
  }, [items, showDragItems]);

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

  useEffect(() => {
    if (activeId === null) return;
    const onRelease = () => {
      // dnd-kit ends or cancels the drag synchronously in its own handlers; `dragging` is false after either.
      if (!live.current.dragging || earlyDrop.current !== null) return;
      const handoff = byId.get(activeId);
      const dropPlan = plan(activeId, live.current.overId);
      if (handoff === undefined || dropPlan === null) return;
      earlyDrop.current = { plan: dropPlan, result: move(handoff, dropPlan.to, dropPlan.rank) };
    };
    // Capture on window: runs before dnd-kit's listener on the document.
    window.addEventListener('pointerup', onRelease, { capture: true });
    return () => window.removeEventListener('pointerup', onRelease, { capture: true });
  }, [activeId, byId, move, plan]);

  const finish = useCallback(() => {
    collision.settled();
    live.current.snapshot = null;
    live.current.dragging = false;
    live.current.overId = null;
    showDragItems(null);
    setActiveId(null);
  }, [collision, showDragItems]);

  const onDragStart = useCallback(
    (event: DragStartEvent) => {
      earlyDrop.current = null;
      live.current = { dragItems: items, snapshot: items, overId: null, dragging: true };
      setDragItems(items);
      setActiveId(String(event.active.id));
    },
    [items],
  );

  const onDragMove = useCallback((event: DragMoveEvent) => {
    live.current.overId = event.over === null ? null : String(event.over.id);
  }, []);

  // Positions change only through this state (not through sortable transforms), so the
  // virtualizer lays every card out itself and absolutely-positioned rows never overlap.
  const onDragOver = useCallback(
    (event: DragOverEvent) => {
      const { active, over } = event;
      live.current.overId = over === null ? null : String(over.id);
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
      const early = earlyDrop.current;
      earlyDrop.current = null;
      const dropPlan = early?.plan.activeId === activeKey ? early.plan : plan(activeKey, event.over === null ? null : String(event.over.id));
      live.current.dragging = false;
      const handoff = byId.get(activeKey);
      if (dropPlan === null || handoff === undefined) {
        finish();
        return;
      }
      // Keep showing the drop position while the write commits, so the card does not flicker back.
      showDragItems(dropPlan.finalItems);
      setActiveId(null);
      const result = early?.plan === dropPlan ? early.result : move(handoff, dropPlan.to, dropPlan.rank);
      void result.then((outcome) => {
        if (!outcome.ok) {
          finish();
          return;
        }
        // Hold the drop position until the live query delivers the committed board (no flicker back).
        committedFrom.current = items;
        window.setTimeout(() => {
          if (committedFrom.current === items) {
            committedFrom.current = null;
            finish();
          }
        }, 1000);
      });
    },
    [byId, finish, items, move, plan, showDragItems],
  );

  const shown = dragItems ?? items;
  return {
    shown,
    activeId,
    overContainer: activeId !== null && dragItems !== null ? findContainer(dragItems, activeId) : null,
    collision,
    onDragStart,
    onDragMove,
    onDragOver,
    onDragEnd,
    onDragCancel: finish,
  };
}
