/**
 * Where a card dragged within its own column would land, shown as a line
 * between two cards. Within a column the rows do not move during the drag
 * (moving them under a still pointer makes two cards of different heights
 * swap back and forth), so without the line nothing said where a drop would
 * put the card. A drop takes the place of the row it is over: the line goes
 * below that row when the card moves down, above it when it moves up.
 */
export interface DropSlot {
  container: string;
  /** The row the line is drawn against. */
  index: number;
  /** Below that row (the card moves down), or above it (up). */
  after: boolean;
}

/** The slot for a card at its place in `ids` dragged over row `overIndex` of its own column, or null when a drop there changes nothing. */
export function slotWithinColumn(container: string, ids: readonly string[], activeId: string, overIndex: number): DropSlot | null {
  const origin = ids.indexOf(activeId);
  if (origin < 0) return null;
  // Below the last loaded row is the last place.
  const index = Math.max(0, Math.min(overIndex, ids.length - 1));
  if (index === origin) return null;
  return { container, index, after: index > origin };
}

/**
 * The current slot, outside React state: it changes with the pointer, and
 * only the line of the column it is in should re-render, not the board.
 */
export interface DropSlotStore {
  set(slot: DropSlot | null): void;
  subscribe(listener: () => void): () => void;
  /** A value that changes only when this column's line moves ("3 after"), or null when it has none. */
  keyFor(container: string): string | null;
}

export function slotKey(slot: DropSlot): string {
  return `${slot.index} ${slot.after ? 'after' : 'before'}`;
}

export function parseSlotKey(key: string): { index: number; after: boolean } {
  const [index, side] = key.split(' ');
  return { index: Number(index), after: side === 'after' };
}

export function createDropSlotStore(): DropSlotStore {
  let current: DropSlot | null = null;
  const listeners = new Set<() => void>();
  return {
    set(slot) {
      const same = slot === null ? current === null : current !== null && current.container === slot.container && slotKey(current) === slotKey(slot);
      if (same) return;
      current = slot;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    keyFor(container) {
      return current !== null && current.container === container ? slotKey(current) : null;
    },
  };
}
