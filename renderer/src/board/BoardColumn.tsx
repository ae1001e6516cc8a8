import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffState } from '../../../shared/domain/states';
import { STATE_LABELS } from '../../../shared/domain/states';
import type { Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { rowIndexAtOffset, type ColumnGeometries } from './column-geometry';
import { DraggableCard } from './DraggableCard';
import { parseSlotKey, type DropSlotStore } from './drop-slot';
import { RowOrder } from './row-order';

const ESTIMATED_CARD_HEIGHT = 140;
const estimateSize = () => ESTIMATED_CARD_HEIGHT;
/** Where layout is unavailable (jsdom, a hidden window) still render a screenful of cards. */
const FALLBACK_RECT = { width: 280, height: 900 };

function observeRectWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height === 0 && rect.width === 0 ? FALLBACK_RECT : rect));
}

export interface BoardColumnProps {
  containerId: string;
  state: HandoffState;
  /** The column's cards that are loaded, in order (a prefix of the column when it loads a window at a time). */
  ids: string[];
  /** How many cards the column holds, loaded or not: the count shown and the scroll height. */
  total: number;
  /** The column is still being counted and may hold more than `total` (shown as "60+"). */
  moreUncounted: boolean;
  /** Asks for the column's cards down to row `upTo` (and a window more) once the user scrolls near the end of what is loaded. */
  onNeedMore: (state: HandoffState, upTo: number) => void;
  /** The records of `ids`, in the same order (the same array while none of them changed). */
  cards: readonly (Handoff | undefined)[];
  templateFor: (handoff: Handoff) => Template | undefined;
  settings: WorkspaceSettings;
  currentUser: string;
  timeZone: string;
  ownerName: (id: string | null) => string;
  nowMinute: number;
  isDropTarget: boolean;
  /** The card of this column the board is dragging, if any. */
  draggingId: string | null;
  /** A card whose drop the board already shows while dnd-kit still holds its drag (until dnd-kit's end of it), if any. */
  droppedId: string | null;
  /** Where the column registers its row layout for the drag (which row a dragged card is over). */
  geometries: ColumnGeometries;
  /** Where a card dragged within this column would land (the column draws the line). */
  dropSlots: DropSlotStore;
  onOpen: (id: string) => void;
  onMenu: (id: string) => void;
  onAccept: (id: string) => void;
  onBounce: (id: string) => void;
}

/** How close to the end of the loaded cards (in rows) the column asks for more. */
const LOAD_AHEAD = 20;

/**
 * One column: a droppable, virtualized list. It scrolls through all `total`
 * cards; rows past the loaded ones show a placeholder until they load. Only the
 * rows on screen are mounted (draggable cards), so a drag over 10,000 cards does
 * the work of a screenful; which row a dragged card is over is read from the
 * virtualizer's layout (registered in `geometries`), not from a droppable per card.
 */
function BoardColumnBody(props: BoardColumnProps) {
  const { containerId, state, ids, cards, total, moreUncounted, onNeedMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  // The same function while the column's cards are the same: TanStack Virtual re-lays out every row of
  // the column (all `total`, thousands at 100k) whenever it gets a new one, and dnd-kit's context
  // re-renders every column several times at each pick-up and change of column.
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; the column re-renders from its own state.
  const virtualizer = useVirtualizer({
    count: Math.max(total, ids.length),
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 3,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows.at(-1)?.index ?? 0;
  const wantsMore = (ids.length < total || moreUncounted) && lastRow >= ids.length - LOAD_AHEAD;
  // A jump deep into the column (dragging the scrollbar) asks for everything down to where it landed at once.
  const wantedUpTo = Math.max(ids.length, lastRow + LOAD_AHEAD);
  useEffect(() => {
    if (wantsMore) onNeedMore(state, wantedUpTo);
  }, [wantsMore, onNeedMore, state, wantedUpTo]);
  // Read at drag time, after this render: the latest rows and the loaded cards.
  const layout = useRef({ virtualizer, loaded: ids.length });
  useLayoutEffect(() => {
    layout.current = { virtualizer, loaded: ids.length };
  });
  const { geometries } = props;
  useLayoutEffect(() => {
    // The rows' box: it scrolls with them, so its top is where row offsets start on screen.
    const contentTop = () => contentRef.current?.getBoundingClientRect().top ?? 0;
    const geometry = {
      indexAt: (clientY: number) => {
        const { virtualizer: rows, loaded } = layout.current;
        return rowIndexAtOffset(rows.measurementsCache, loaded, clientY - contentTop());
      },
      rowBox: (index: number) => {
        const { virtualizer: rows, loaded } = layout.current;
        const row = index >= 0 && index < loaded ? rows.measurementsCache[index] : undefined;
        return row === undefined ? null : { top: contentTop() + row.start, height: row.size };
      },
    };
    geometries.set(containerId, geometry);
    return () => {
      if (geometries.get(containerId) === geometry) geometries.delete(containerId);
    };
  }, [geometries, containerId]);
  // dnd-kit still holds a drag whose drop the board already shows in this column (see row-order.ts).
  const holdDomOrder = props.droppedId !== null && ids.includes(props.droppedId);
  const [rowOrder] = useState(() => new RowOrder());
  const domRows = rowOrder.arrange(rows, holdDomOrder);
  const domKey = domRows.map((row) => String(row.key)).join('\n');
  useLayoutEffect(() => rowOrder.commit(domKey.split('\n')), [rowOrder, domKey]);
  const headingId = `col-${containerId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <section className={`column ${props.isDropTarget ? 'drop-target' : ''}`} aria-labelledby={headingId} data-state={state}>
      <header className="column-header">
        <h2 id={headingId}>{STATE_LABELS[state]}</h2>
        <span className="column-count">
          <span aria-hidden="true">{moreUncounted ? `${total}+` : total}</span>
          <span className="visually-hidden">{moreUncounted ? `${total} or more handoffs` : `${total} ${total === 1 ? 'handoff' : 'handoffs'}`}</span>
        </span>
      </header>
      <DroppableScroll containerId={containerId} scrollRef={scrollRef}>
        {total === 0 && ids.length === 0 ? <div className="column-empty">No handoffs here</div> : null}
        <div ref={contentRef} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          <DropSlotLine store={props.dropSlots} containerId={containerId} virtualizer={virtualizer} />
          {domRows.map((row) => {
            const handoff = cards[row.index];
            if (!handoff) {
              return (
                <div key={row.key} className="card-placeholder" aria-hidden="true" style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ESTIMATED_CARD_HEIGHT - 8, transform: `translateY(${row.start}px)` }} />
              );
            }
            return (
              <div
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)`, paddingBottom: 8 }}
              >
                <DraggableCard
                  containerId={containerId}
                  dragging={handoff.id === props.draggingId}
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
      </DroppableScroll>
    </section>
  );
}

/** Half the gap between two cards (each row ends in 8 px of padding) and half the line's thickness. */
const GAP_MIDDLE = 4;
const LINE_HALF = 1.5;

/**
 * The line where a card dragged within this column would land (drop-slot.ts), between two rows. It
 * re-renders only when it moves, and its offset is the rows' own, so it scrolls with them.
 */
function DropSlotLine({ store, containerId, virtualizer }: { store: DropSlotStore; containerId: string; virtualizer: Virtualizer<HTMLDivElement, Element> }) {
  const key = useSyncExternalStore(store.subscribe, () => store.keyFor(containerId));
  if (key === null) return null;
  const { index, after } = parseSlotKey(key);
  const row = virtualizer.measurementsCache[index];
  if (row === undefined) return null;
  const top = Math.max(0, (after ? row.start + row.size : row.start) - GAP_MIDDLE - LINE_HALF);
  return <div className="drop-slot-line" data-drop-slot={key} aria-hidden="true" style={{ top }} />;
}

/**
 * The column's scrolling box as dnd-kit's droppable. dnd-kit's context re-renders its consumers
 * several times at every pick-up, change of column and drop; only this box consumes it, and its
 * rows (made by the column) are the same elements each time, so React skips them.
 */
function DroppableScroll({ containerId, scrollRef, children }: { containerId: string; scrollRef: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: containerId, data: { containerId } });
  // Stable, so re-renders do not detach and re-attach the droppable node.
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node;
      setNodeRef(node);
    },
    [scrollRef, setNodeRef],
  );
  return (
    <div ref={ref} className="column-scroll">
      {children}
    </div>
  );
}

export const BoardColumn = memo(BoardColumnBody);
