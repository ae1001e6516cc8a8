import { useState } from 'react';
import { DndContext, MeasuringStrategy, useSensor, useSensors } from '@dnd-kit/core';
import { BoardView } from './BoardView';
import { createBoardCollision } from './collision';
import type { ColumnGeometries } from './column-geometry';
import { createBoardDndRelay } from './dnd-relay';
import { createBoardKeyboardCoordinates } from './keyboard-coordinates';
import { BoardKeyboardSensor, BoardTouchSensor, MouseAndPenSensor } from './sensors';
import type { BoardDndRelay } from './dnd-relay';

/**
 * Columns re-layout as cards move between them during a drag, so droppables are
 * re-measured whenever they change while dragging (stale rects would misplace the
 * drop), but not after it: "Always" also re-measured every droppable in an extra
 * render right after each drop, and whenever cards mounted while scrolling.
 */
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

/*
 * Sensor options are made once per board: dnd-kit memoizes its sensors on the options' identity,
 * and new sensors give every draggable new listeners through dnd-kit's context, so an inline object
 * re-rendered every mounted card whenever the board re-rendered (each write read back).
 */
function sensorOptions(relay: BoardDndRelay, geometries: ColumnGeometries) {
  const shownDrop = () => relay.shownDrop();
  return {
    pointer: { activationConstraint: { distance: 5 }, shownDrop },
    touch: { activationConstraint: { delay: 200, tolerance: 6 }, shownDrop },
    // Space picks up; Enter is kept for "open card". Space or Enter drops, Esc cancels.
    keyboard: { coordinateGetter: createBoardKeyboardCoordinates(geometries), keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] }, shownDrop },
  };
}

const SCREEN_READER_INSTRUCTIONS = {
  draggable: 'To pick up a handoff card, press space. Use the arrow keys to move it, space to drop it, escape to cancel. Press enter to open it, m for the move menu.',
};

/**
 * The kanban: drag-and-drop by pointer, touch and keyboard around the columns
 * (BoardView). dnd-kit's DndContext gets props that never change, so the view's
 * renders (a drop shown, a write read back) never re-render it: during a drag
 * each of its renders measures every droppable and runs collision detection.
 */
export function Board() {
  const [collision] = useState(createBoardCollision);
  const [relay] = useState(createBoardDndRelay);
  const [geometries] = useState<ColumnGeometries>(() => new Map());
  const [accessibility] = useState(() => ({ announcements: relay.announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }));
  const [options] = useState(() => sensorOptions(relay, geometries));
  const sensors = useSensors(
    useSensor(MouseAndPenSensor, options.pointer),
    useSensor(BoardTouchSensor, options.touch),
    useSensor(BoardKeyboardSensor, options.keyboard),
  );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision.detect}
      measuring={MEASURING}
      accessibility={accessibility}
      onDragStart={relay.onDragStart}
      onDragMove={relay.onDragMove}
      onDragOver={relay.onDragOver}
      onDragEnd={relay.onDragEnd}
      onDragCancel={relay.onDragCancel}
    >
      <BoardView collision={collision} relay={relay} geometries={geometries} />
    </DndContext>
  );
}
