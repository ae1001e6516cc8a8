import type { Announcements } from '@dnd-kit/core';
import { STATE_LABELS } from '../../../shared/domain/states';
import { stateOfContainer } from './drag-state';

/** Screen-reader narration of a drag that names the card and the column, not dnd-kit's raw ids. */
export function boardAnnouncements(titleOf: (id: string) => string, containerOf: (id: string) => string | null): Announcements {
  const columnName = (overId: string): string => {
    const container = containerOf(overId);
    const state = container === null ? null : stateOfContainer(container);
    return state === null ? 'the board' : STATE_LABELS[state];
  };
  return {
    onDragStart: ({ active }) =>
      `Picked up “${titleOf(String(active.id))}”. Use the arrow keys to move it between and within columns, space to drop, escape to cancel.`,
    // Right after the pick-up dnd-kit reports the card over its own column; saying so would overwrite
    // "Picked up …" before a screen reader reads it, so nothing is said until it moves to another.
    onDragOver: ({ active, over }) => {
      if (over !== null && containerOf(String(over.id)) === containerOf(String(active.id))) return undefined;
      return over ? `“${titleOf(String(active.id))}” is over ${columnName(String(over.id))}.` : `“${titleOf(String(active.id))}” is not over a column.`;
    },
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped “${titleOf(String(active.id))}” in ${columnName(String(over.id))}. Checking the handoff gate.`
        : `“${titleOf(String(active.id))}” was dropped outside the board and stayed where it was.`,
    onDragCancel: ({ active }) => `Move cancelled. “${titleOf(String(active.id))}” returned to where it was.`,
  };
}
