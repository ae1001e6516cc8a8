import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useUi } from '../store/ui-store';
import type { HandoffCardProps } from './HandoffCard';
import { HandoffCardContent } from './HandoffCard';

export interface DraggableCardProps extends HandoffCardProps {
  containerId: string;
  /** The board's own drag holds this card. dnd-kit's says so too, until its end of the drag renders (after the drop's frame). */
  dragging: boolean;
}

const CARD_ATTRIBUTES = {
  // Not role="button": the card contains its own buttons (menu, Accept), and interactive
  // controls must not nest. An article that takes focus keeps the card one tab stop.
  role: 'article',
  roleDescription: 'handoff card',
};

/**
 * A card as a dnd-kit draggable; the face itself is memoized in HandoffCardContent.
 * Not a droppable (nor a sortable item): where a dragged card is over is read from
 * the column's row layout (column-geometry.ts), so a pick-up and every change of
 * column measure four columns, not every mounted card, and this component's work
 * when dnd-kit's context changes is one hook.
 */
function DraggableCardBody(props: DraggableCardProps) {
  const { containerId, dragging, handoff } = props;
  const wantsFocus = useUi((s) => s.focusedCardId === `${props.handoff.id}@${props.handoff.state}`);
  const nodeRef = useRef<HTMLDivElement | null>(null);
  const { attributes, listeners, setNodeRef, isDragging: dndKitDragging } = useDraggable({ id: handoff.id, data: { containerId }, attributes: CARD_ATTRIBUTES });
  // Stable: a new ref function each render would detach and re-attach the node, and dnd-kit re-observes it each time.
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      nodeRef.current = node;
      setNodeRef(node);
    },
    [setNodeRef],
  );
  // Dropped as soon as the board says so: the drop is painted before dnd-kit's end of the drag renders.
  const isDragging = dndKitDragging && dragging;
  // A keyboard move re-mounts the card in its new column; the copy there takes focus back. The wish
  // stands until the user moves on (focus goes to something else, or a press anywhere): the column may
  // mount the card once more when the move is read back, and that copy takes focus back too.
  useEffect(() => {
    const node = nodeRef.current;
    if (!wantsFocus || !node) return;
    node.focus();
    const movedOn = () => useUi.getState().setFocusedCard(null);
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget !== null) movedOn();
    };
    node.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', movedOn, { capture: true });
    return () => {
      node.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', movedOn, { capture: true });
    };
  }, [wantsFocus]);
  // dnd-kit's context re-renders every mounted card several times at each pick-up, change of column
  // and drop. The element stays the same object unless something the card shows changed (its props,
  // or dnd-kit's attributes and listeners, themselves memoized), so React leaves its DOM alone.
  return useMemo(
    () => (
      <div
        ref={ref}
        {...attributes}
        {...listeners}
        aria-label={`${props.handoff.title}, ${props.handoff.client.name}`}
        data-card-id={props.handoff.id}
        data-dragging={isDragging ? 'true' : undefined}
        className={`card ${isDragging ? 'dragging' : ''}`}
        onClick={() => props.onOpen(props.handoff.id)}
      >
        <HandoffCardContent {...props} />
      </div>
    ),
    [props, ref, attributes, listeners, isDragging],
  );
}

/**
 * A column re-renders when any of its cards moves or changes; the other cards skip
 * that render (dnd-kit's context still reaches them when a drag starts or ends).
 */
export const DraggableCard = memo(
  DraggableCardBody,
  (prev, next) =>
    prev.handoff.id === next.handoff.id &&
    prev.handoff.version === next.handoff.version &&
    prev.containerId === next.containerId &&
    prev.dragging === next.dragging &&
    prev.template === next.template &&
    prev.settings === next.settings &&
    prev.currentUser === next.currentUser &&
    prev.timeZone === next.timeZone &&
    prev.ownerName === next.ownerName &&
    prev.nowMinute === next.nowMinute &&
    prev.onOpen === next.onOpen &&
    prev.onMenu === next.onMenu &&
    prev.onAccept === next.onAccept &&
    prev.onBounce === next.onBounce,
);
