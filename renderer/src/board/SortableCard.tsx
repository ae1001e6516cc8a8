import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { HandoffCardProps } from './HandoffCard';
import { HandoffCardContent } from './HandoffCard';

/** A card as a dnd-kit sortable item; the face itself is memoized in HandoffCardContent. */
export function SortableCard(props: HandoffCardProps & { containerId: string }) {
  const { containerId, ...cardProps } = props;
  const { handoff } = cardProps;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: handoff.id,
    data: { containerId },
    // Not role="button": the card contains its own buttons (menu, Accept), and interactive
    // controls must not nest. An article that takes focus keeps the card one tab stop.
    attributes: { role: 'article', roleDescription: 'handoff card' },
  });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`${handoff.title}, ${handoff.client.name}`}
      data-card-id={handoff.id}
      data-dragging={isDragging ? 'true' : undefined}
      className={`card ${isDragging ? 'dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <HandoffCardContent {...cardProps} />
    </div>
  );
}
