import type { SensorContext } from '@dnd-kit/core';
import type { MutableRefObject } from 'react';

/** Keys dnd-kit's keyboard sensor acts on during a drag (move, drop, cancel). */
const DRAG_KEYS: ReadonlySet<string> = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Space', 'Enter', 'Escape']);

/** How long keys are held at most while the sensor gets ready (a hidden window produces no frames). */
const HOLD_AT_MOST_MS = 1_000;

/** Frames a replayed key may take to show its move before the next held key follows. */
const MAX_FRAMES_PER_KEY = 10;

export interface EarlyKeys {
  /** The drag ended or was cancelled: hold nothing more and replay nothing. */
  stop(): void;
}

/**
 * dnd-kit's keyboard sensor starts listening a task after the pick-up (so the
 * Space that picked the card up does not drop it again), and it can move a card
 * only once the card's box is measured (`collisionRect`). A key pressed before
 * both was lost: the card stayed and nothing was narrated. That happens to a
 * quick Space-then-Arrow, and to any key while a large board renders the
 * pick-up, because Chromium runs input ahead of timers. Such keys are held here
 * (called from the sensor's constructor, right after dnd-kit's own set-up, so
 * this timer follows dnd-kit's) and dispatched again in order, one a frame, once
 * the sensor can act on them. A key after that goes straight to dnd-kit.
 */
export function holdEarlyKeys(activator: Event, context: MutableRefObject<SensorContext>): EarlyKeys {
  const target = activator.target instanceof Node ? activator.target : null;
  const view = target?.ownerDocument?.defaultView ?? (typeof window === 'undefined' ? null : window);
  if (view === null) return { stop: () => undefined };
  const held: KeyboardEvent[] = [];
  let holding = true;
  let listening = false;
  /** True while a held key is dispatched again (synchronously), so it is not held a second time. */
  let replaying = false;
  const startedAt = Date.now();
  const nextFrame = (task: () => void): void => {
    if (typeof view.requestAnimationFrame === 'function') view.requestAnimationFrame(task);
    else view.setTimeout(task, 16);
  };

  const hold = (event: KeyboardEvent): void => {
    if (!holding || replaying || event === activator || !DRAG_KEYS.has(event.code) || event.repeat) return;
    // Nobody else acts on it now (dnd-kit, the board's drop listener, shortcuts): it gets its turn when replayed.
    event.preventDefault();
    event.stopImmediatePropagation();
    held.push(event);
  };
  const release = (): void => {
    holding = false;
    view.removeEventListener('keydown', hold, true);
  };
  const ready = (): boolean => listening && context.current.collisionRect !== null;
  const replay = (): void => {
    const next = held.shift();
    if (!holding || next === undefined) {
      release();
      return;
    }
    const before = context.current.collisionRect;
    replaying = true;
    try {
      (next.target ?? view.document).dispatchEvent(new KeyboardEvent('keydown', { code: next.code, key: next.key, bubbles: true, cancelable: true }));
    } finally {
      replaying = false;
    }
    // The next key waits until this one's move is rendered (dnd-kit measured the card anew), and one
    // frame more for the board to take the new target, so a held drop lands where the held arrow went.
    let frames = 0;
    const afterMove = (): void => {
      frames += 1;
      if (context.current.collisionRect !== before || frames >= MAX_FRAMES_PER_KEY) nextFrame(replay);
      else nextFrame(afterMove);
    };
    nextFrame(afterMove);
  };
  const waitUntilReady = (): void => {
    if (!holding) return;
    if (ready() || Date.now() - startedAt > HOLD_AT_MOST_MS) {
      if (held.length === 0) release();
      else replay();
      return;
    }
    nextFrame(waitUntilReady);
  };

  view.addEventListener('keydown', hold, true);
  view.setTimeout(() => {
    listening = true;
    waitUntilReady();
  });
  return { stop: release };
}
