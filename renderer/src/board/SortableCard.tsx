import { useCallback, useEffect, useRef } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useUi } from '../store/ui-store';
import type { HandoffCardProps } from './HandoffCard';
import { HandoffCardContent } from './HandoffCard';

/** A card as a dnd-kit sortable item; the face itself is memoized in HandoffCardContent. */
export function SortableCard(props: HandoffCardProps & { containerId: string }) {
  const { containerId, ...cardProps } = props;
  const { handoff } = cardProps;
  const wantsFocus = useUi((s) => s.focusedCardId === `${props.handoff.id}@${props.handoff.state}`);
  const nodeRef = useRef<HTMLDivElement | null>(null);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: handoff.id,
    data: { containerId },
    // Not role="button": the card contains its own buttons (menu, Accept), and interactive
    // controls must not nest. An article that takes focus keeps the card one tab stop.
    attributes: { role: 'article', roleDescription: 'handoff card' },
  });
  // Stable: a new ref function each render would detach and re-attach the node, and dnd-kit re-observes it each time.
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      nodeRef.current = node;
      setNodeRef(node);
    },
    [setNodeRef],
  );
  // A keyboard move re-mounts the card in its new column; the copy there takes focus back.
  useEffect(() => {
    if (!wantsFocus || !nodeRef.current) return;
    nodeRef.current.focus();
    useUi.getState().setFocusedCard(null);
  }, [wantsFocus]);
  return (
    <div
      ref={ref}
      {...attributes}
      {...listeners}
      aria-label={`${handoff.title}, ${handoff.client.name}`}
      data-card-id={handoff.id}
      data-dragging={isDragging ? 'true' : undefined}
      className={`card ${isDragging ? 'dragging' : ''}`}
      onClick={() => cardProps.onOpen(handoff.id)}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <HandoffCardContent {...cardProps} />
    </div>
  );
}
