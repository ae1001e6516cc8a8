import type { PointerEvent as ReactPointerEvent } from 'react';
import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  type KeyboardSensorOptions,
  type PointerSensorOptions,
  type SensorProps,
  type TouchSensorOptions,
} from '@dnd-kit/core';
import { holdEarlyKeys, type EarlyKeys } from './early-keys';

/** At most this long after the drop, dnd-kit's end of the drag runs even if the write has not answered (a stuck write must not keep dnd-kit dragging). */
const END_AT_THE_LATEST_MS = 150;

/** Runs `task` once the frame being produced now is on screen (a message posted from rAF runs after it). */
function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(task, 0);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  // A hidden window produces no frames: then a moment later.
  setTimeout(once, 100);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = once;
    channel.port2.postMessage(null);
  });
}

/** Options every board sensor takes: the drop the board has already shown for the drag under way, settling when its write has answered. */
export interface BoardSensorOptions {
  shownDrop?: () => Promise<unknown> | null;
}

/**
 * dnd-kit's own end of a drag, and, when the board has already
 * shown the drop, once its write has answered (at most END_AT_THE_LATEST_MS) and
 * the frame after that is on screen. Ending a drag changes dnd-kit's context, so
 * every mounted card (a `useDraggable`) and every column re-render (and dnd-kit's
 * effects render them again): at 10k that work ran before the frame that shows
 * the drop, and right after that frame it held up the write's IndexedDB callbacks.
 * The board shows the drop in an urgent render of its own (useBoardDrag) at the
 * drop input; when only dnd-kit's end can decide the drop (touch, a release right
 * after an unreported move), that end runs at once and the board flushes its part
 * first. A cancel stays urgent: nothing else shows it.
 */
function endAfterPaint<P extends { onEnd: () => void; options: BoardSensorOptions }>(props: P): P {
  // Urgent, not a transition: dnd-kit frees the drag slot at once (a ref) but its state would
  // follow later, and a keyboard pick-up in between met a drag that its stale end then cleared.
  const end = () => props.onEnd();
  return {
    ...props,
    onEnd: () => {
      const shown = props.options.shownDrop?.() ?? null;
      if (shown === null) {
        end();
        return;
      }
      let ended = false;
      const endOnce = () => {
        if (ended) return;
        ended = true;
        afterNextPaint(end);
      };
      setTimeout(endOnce, END_AT_THE_LATEST_MS);
      shown.then(endOnce, endOnce);
    },
  };
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

/**
 * dnd-kit's keyboard sensor, its end of the drag after the frame that shows the drop, and
 * keys pressed before it can act on them held and given to it then (early-keys.ts).
 */
export class BoardKeyboardSensor extends KeyboardSensor {
  constructor(props: SensorProps<KeyboardSensorOptions & BoardSensorOptions>) {
    let early: EarlyKeys | null = null;
    const stopHolding = () => early?.stop();
    super(
      endAfterPaint({
        ...props,
        onEnd: () => {
          stopHolding();
          props.onEnd();
        },
        onCancel: () => {
          stopHolding();
          props.onCancel();
        },
      }),
    );
    early = holdEarlyKeys(props.event, props.context);
  }
}

/** dnd-kit's touch sensor, its end of the drag after the frame that shows the drop (the board shows a touch drop first). */
export class BoardTouchSensor extends TouchSensor {
  constructor(props: SensorProps<TouchSensorOptions & BoardSensorOptions>) {
    super(endAfterPaint(props));
  }
}
