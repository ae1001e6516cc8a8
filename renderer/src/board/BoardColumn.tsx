import { memo, useRef } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, type SortingStrategy } from '@dnd-kit/sortable';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffState } from '../../../shared/domain/states';
import { STATE_LABELS } from '../../../shared/domain/states';
import type { Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { SortableCard } from './SortableCard';

/** Cards move through board state during a drag, never through CSS transforms (see Board). */
const noTransforms: SortingStrategy = () => null;

const ESTIMATED_CARD_HEIGHT = 140;
/** Where layout is unavailable (jsdom, a hidden window) still render a screenful of cards. */
const FALLBACK_RECT = { width: 280, height: 900 };

function observeRectWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height === 0 && rect.width === 0 ? FALLBACK_RECT : rect));
}

export interface BoardColumnProps {
  containerId: string;
  state: HandoffState;
  ids: string[];
  byId: Map<string, Handoff>;
  templateFor: (handoff: Handoff) => Template | undefined;
  settings: WorkspaceSettings;
  currentUser: string;
  timeZone: string;
  ownerName: (id: string | null) => string;
  nowMinute: number;
  isDropTarget: boolean;
  onOpen: (id: string) => void;
  onMenu: (id: string) => void;
  onAccept: (id: string) => void;
  onBounce: (id: string) => void;
}

/** One column: a droppable, sortable, virtualized list (10,000 cards stay smooth). */
function BoardColumnBody(props: BoardColumnProps) {
  const { containerId, state, ids, byId } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { setNodeRef } = useDroppable({ id: containerId, data: { containerId } });
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; the column re-renders from its own state.
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });
  const headingId = `col-${containerId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <section className={`column ${props.isDropTarget ? 'drop-target' : ''}`} aria-labelledby={headingId} data-state={state}>
      <header className="column-header">
        <h2 id={headingId}>{STATE_LABELS[state]}</h2>
        <span className="column-count">
          <span aria-hidden="true">{ids.length}</span>
          <span className="visually-hidden">{`${ids.length} ${ids.length === 1 ? 'handoff' : 'handoffs'}`}</span>
        </span>
      </header>
      <div
        ref={(node) => {
          scrollRef.current = node;
          setNodeRef(node);
        }}
        className="column-scroll"
      >
        <SortableContext id={containerId} items={ids} strategy={noTransforms}>
          {ids.length === 0 ? <div className="column-empty">No handoffs here</div> : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const id = ids[row.index];
              const handoff = id === undefined ? undefined : byId.get(id);
              if (!handoff) return null;
              return (
                <div
                  key={row.key}
                  data-index={row.index}
                  ref={virtualizer.measureElement}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)`, paddingBottom: 8 }}
                >
                  <SortableCard
                    containerId={containerId}
                    handoff={handoff}
                    template={props.templateFor(handoff)}
                    settings={props.settings}
                    currentUser={props.currentUser}
                    timeZone={props.timeZone}
                    ownerName={props.ownerName}
                    nowMinute={props.nowMinute}
                    onOpen={props.onOpen}
                    onMenu={props.onMenu}
                    onAccept={props.onAccept}
                    onBounce={props.onBounce}
                  />
                </div>
              );
            })}
          </div>
        </SortableContext>
      </div>
    </section>
  );
}

export const BoardColumn = memo(BoardColumnBody);
