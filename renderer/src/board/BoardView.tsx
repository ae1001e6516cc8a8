import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DragOverlay } from '@dnd-kit/core';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffState } from '../../../shared/domain/states';
import { HANDOFF_STATES } from '../../../shared/domain/states';
import { useBoardWindow } from '../data/queries';
import { FIRST_LIMITS, WINDOW_STEP, type ColumnLimits } from '../data/board-window';
import { toBoardFilter, useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';
import { BoardColumn } from './BoardColumn';
import { containerId, findContainer, stateOfContainer } from './drag-state';
import { HandoffCardContent } from './HandoffCard';
import { buildLanes } from './lanes';
import { usePrepareMove } from '../data/use-command';
import { useBoardDrag } from './use-board-drag';
import { useColumnCards } from './use-column-cards';
import { useOptimisticColumns } from './use-optimistic-columns';
import { useNowMinute } from '../ui/use-now-minute';
import { useTemplateIndex } from './use-template-index';
import type { BoardCollision } from './collision';
import type { ColumnGeometries } from './column-geometry';
import type { BoardDndRelay } from './dnd-relay';

const NO_CARDS: readonly Handoff[] = [];

export interface BoardViewProps {
  collision: BoardCollision;
  /** Where the view registers its drag handlers for dnd-kit's DndContext above it (see dnd-relay.ts). */
  relay: BoardDndRelay;
  /** Where each column registers its row layout (which row a dragged card is over). */
  geometries: ColumnGeometries;
}

/**
 * The kanban's columns and cards (inside Board's DndContext): four gated columns,
 * optional swimlanes. During a drag the board renders from a local snapshot
 * (dnd-kit multiple-containers style); nothing is written until the drop, and a
 * refused or cancelled drop simply drops the snapshot.
 */
export function BoardView({ collision, relay, geometries }: BoardViewProps) {
  const filter = useUi((s) => s.filter);
  const swimlanes = useUi((s) => s.swimlanes);
  const boardFilter = useMemo(() => toBoardFilter(filter), [filter]);
  // One lane: columns load a window at a time as they scroll. Swimlanes group every card, so they read all.
  const windowed = swimlanes === 'none';
  const [limits, setLimits] = useState<ColumnLimits>(FIRST_LIMITS);
  const board = useBoardWindow(boardFilter, windowed ? limits : null);
  // Moves whose write is issued show at once, before the live query reads them back.
  const optimistic = useOptimisticColumns(board);
  const columns = optimistic?.columns;
  const onNeedMore = useCallback((state: HandoffState, upTo: number) => {
    setLimits((current) => (current[state] >= upTo + WINDOW_STEP ? current : { ...current, [state]: upTo + WINDOW_STEP }));
  }, []);
  const { settings, currentUser, timeZone, ownerName, loading: settingsLoading } = useWorkspace();
  const { templateFor, byId: templatesById } = useTemplateIndex();
  const nowMinute = useNowMinute();
  const prepareMove = usePrepareMove();

  const byId = useMemo(() => {
    const map = new Map<string, Handoff>();
    if (columns) for (const state of HANDOFF_STATES) for (const h of columns[state]) map.set(h.id, h);
    return map;
  }, [columns]);

  const { lanes, items } = useMemo(
    () =>
      buildLanes(
        columns ?? { IN_PROGRESS: [], READY_FOR_HANDOFF: [], IN_HANDOFF: [], HANDOFF_DONE: [] },
        swimlanes,
        (id) => templatesById.get(id)?.name ?? 'Unknown template',
      ),
    [columns, swimlanes, templatesById],
  );

  /** Whether a column of the one-lane board may hold cards below its loaded ones (a full window while it is being counted). */
  const hasUnloadedBelow = useCallback(
    (container: string) => {
      const state = stateOfContainer(container);
      if (!windowed || board === undefined || state === null) return false;
      const loaded = items[container]?.length ?? 0;
      const total = board.totals[state];
      return total === null ? loaded >= limits[state] : loaded < total;
    },
    [board, items, limits, windowed],
  );
  const drag = useBoardDrag({ items, byId, prepareMove, hasUnloadedBelow, collision, geometries });
  const { shown, activeId, overlayId } = drag;
  const cardsOf = useColumnCards(shown, byId);

  // Every render: dnd-kit calls these between renders, and must see this render's data.
  useLayoutEffect(() => {
    relay.register({
      onDragStart: drag.onDragStart,
      onDragMove: drag.onDragMove,
      onDragOver: drag.onDragOver,
      onDragEnd: drag.onDragEnd,
      onDragCancel: drag.onDragCancel,
      shownDrop: drag.shownDrop,
      titleOf: (id) => byId.get(id)?.title ?? 'card',
      // The drop is narrated by dnd-kit after the board has shown it: name the column it was dropped in.
      containerOf: (id) => findContainer(drag.droppedItems() ?? shown, id),
    });
  });


  const openDrawer = useUi((s) => s.openDrawer);
  const openDialog = useUi((s) => s.openDialog);
  const onOpen = useCallback((id: string) => openDrawer({ handoffId: id }), [openDrawer]);
  const onMenu = useCallback((id: string) => openDialog({ kind: 'move', handoffId: id }), [openDialog]);
  const onBounce = useCallback((id: string) => openDialog({ kind: 'bounce', handoffId: id }), [openDialog]);
  // Through a ref, so a write elsewhere on the board does not hand every column a new callback.
  const latestById = useRef(byId);
  useEffect(() => {
    latestById.current = byId;
  }, [byId]);
  const onAccept = useCallback(
    (id: string) => {
      const handoff = latestById.current.get(id);
      if (handoff) prepareMove(handoff, 'HANDOFF_DONE').show();
    },
    [prepareMove],
  );

  // Cards wait for the settings too, so names never flash as ids or defaults.
  if (columns === undefined || settingsLoading) {
    return (
      <div className="board" aria-busy="true">
        <p className="muted">Loading the board…</p>
      </div>
    );
  }

  const overContainer = drag.overContainer;
  const overlayHandoff = overlayId === null ? undefined : byId.get(overlayId);
  const hasCards = byId.size > 0;

  return (
    <>
      <div className={`board ${lanes.length > 1 || swimlanes !== 'none' ? 'lanes' : 'single'}`} role="region" aria-label="Handoff board">
        {!hasCards ? (
          <p className="muted" role="status">
            No handoffs match these filters.
          </p>
        ) : null}
        {lanes.map((lane) => (
          <section className="lane" key={lane.key} aria-label={swimlanes === 'none' ? undefined : `Swimlane ${lane.title}`}>
            {swimlanes !== 'none' ? <h2 className="lane-title">{lane.title}</h2> : null}
            <div className="columns">
              {HANDOFF_STATES.map((state) => {
                const id = containerId(lane.key, state);
                const ids = shown[id] ?? [];
                const stored = windowed ? (board?.totals[state] ?? null) : null;
                const counted = stored === null ? null : stored + (optimistic?.shift[state] ?? 0);
                // Cards not loaded yet count too; a card moved here but not yet re-read counts once.
                const total = counted === null ? ids.length : counted + ids.length - (items[id]?.length ?? 0);
                return (
                  <BoardColumn
                    key={id}
                    containerId={id}
                    state={state}
                    ids={ids}
                    total={total}
                    moreUncounted={windowed && counted === null && hasUnloadedBelow(id)}
                    onNeedMore={onNeedMore}
                    cards={cardsOf[id] ?? NO_CARDS}
                    templateFor={templateFor}
                    settings={settings}
                    currentUser={currentUser}
                    timeZone={timeZone}
                    ownerName={ownerName}
                    nowMinute={nowMinute}
                    isDropTarget={overContainer === id}
                    draggingId={activeId !== null && ids.includes(activeId) ? activeId : null}
                    droppedId={activeId === null && overlayId !== null && ids.includes(overlayId) ? overlayId : null}
                    geometries={geometries}
                    dropSlots={drag.dropSlots}
                    onOpen={onOpen}
                    onMenu={onMenu}
                    onAccept={onAccept}
                    onBounce={onBounce}
                  />
                );
              })}
            </div>
          </section>
        ))}
      </div>
      {/* No drop animation: the card is shown in its new place in the frame after the drop, and the
          overlay is hidden there, not emptied (see useBoardDrag's overlayId). */}
      <DragOverlay dropAnimation={null}>
        {overlayHandoff ? (
          <div className="card overlay" style={activeId === null ? { visibility: 'hidden' } : undefined}>
            <HandoffCardContent
              handoff={overlayHandoff}
              template={templateFor(overlayHandoff)}
              settings={settings}
              currentUser={currentUser}
              timeZone={timeZone}
              ownerName={ownerName}
              nowMinute={nowMinute}
              onOpen={onOpen}
              onMenu={onMenu}
              onAccept={onAccept}
              onBounce={onBounce}
              overlay
            />
          </div>
        ) : null}
      </DragOverlay>
    </>
  );
}
