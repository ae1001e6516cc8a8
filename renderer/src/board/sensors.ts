import { startTransition, type PointerEvent as ReactPointerEvent } from 'react';
import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  type KeyboardSensorOptions,
  type PointerSensorOptions,
  type SensorProps,
  type TouchSensorOptions,
} from '@dnd-kit/core';

/** Runs `task` once the frame being produced now is on screen (a message posted from rAF runs after it). */
function afterNextPaint(task: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  // A hidden window produces no frames: then a moment later.
  setTimeout(once, 100);
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(once, 0);
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = once;
    channel.port2.postMessage(null);
  });
}

/** Options every board sensor takes: whether the board has already shown the drop of the drag under way. */
export interface BoardSensorOptions {
  dropShown?: () => boolean;
}

/**
 * dnd-kit's own end of a drag, as a transition, and after the frame that shows the
 * drop when the board has already shown it. Ending a drag changes dnd-kit's context,
 * so every mounted card's `useSortable` and every column re-render (and dnd-kit's
 * effects then render them again): at 10k that work ran before the frame that shows
 * the drop. The board shows the drop in an urgent render of its own (useBoardDrag),
 * at the drop input; when only dnd-kit's end can decide the drop (touch, a release
 * right after an unreported move), that end runs at once and the board flushes its
 * part first. A cancel stays urgent: nothing else shows it.
 */
function endAfterPaint<P extends { onEnd: () => void; options: BoardSensorOptions }>(props: P): P {
  const end = () => startTransition(() => props.onEnd());
  return { ...props, onEnd: () => (props.options.dropShown?.() === true ? afterNextPaint(end) : end()) };
}

/**
 * Mouse and pen drag after ~5 px. Touch is left to the TouchSensor (press and hold),
 * so a finger swiping through a column scrolls it instead of grabbing a card.
 */
export class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: ReactPointerEvent): boolean => nativeEvent.pointerType !== 'touch' && nativeEvent.isPrimary && nativeEvent.button === 0,
    },
  ];

  constructor(props: SensorProps<PointerSensorOptions & BoardSensorOptions>) {
    super(endAfterPaint(props));
  }
}

/** dnd-kit's keyboard sensor, its end of the drag after the frame that shows the drop. */
export class BoardKeyboardSensor extends KeyboardSensor {
  constructor(props: SensorProps<KeyboardSensorOptions & BoardSensorOptions>) {
    super(endAfterPaint(props));
  }
}

/** dnd-kit's touch sensor, its end of the drag as a transition (the board shows a touch drop first). */
export class BoardTouchSensor extends TouchSensor {
  constructor(props: SensorProps<TouchSensorOptions & BoardSensorOptions>) {
    super(endAfterPaint(props));
  }
}
