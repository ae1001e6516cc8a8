import type { HandoffState } from '../../../shared/domain/states';
import { HANDOFF_STATES } from '../../../shared/domain/states';

/**
 * Board state during a drag, dnd-kit multiple-containers style: container id →
 * ordered card ids. A container is one column of one swimlane ("lane::STATE").
 */
export type ContainerItems = Record<string, string[]>;

const SEPARATOR = '::';

export function containerId(lane: string, state: HandoffState): string {
  return `${lane}${SEPARATOR}${state}`;
}

export function stateOfContainer(id: string): HandoffState | null {
  const state = id.slice(id.lastIndexOf(SEPARATOR) + SEPARATOR.length);
  return (HANDOFF_STATES as readonly string[]).includes(state) ? (state as HandoffState) : null;
}

export function findContainer(items: ContainerItems, id: string): string | null {
  if (id in items) return id;
  for (const [container, ids] of Object.entries(items)) {
    if (ids.includes(id)) return container;
  }
  return null;
}

/**
 * Moves `activeId` into `toContainer` at `index` (clamped), removing it from
 * wherever it was. Returns a new object; untouched containers keep identity so
 * memoized columns do not re-render.
 */
export function moveItem(items: ContainerItems, activeId: string, toContainer: string, index: number): ContainerItems {
  const fromContainer = findContainer(items, activeId);
  if (fromContainer === null || !(toContainer in items)) return items;
  const next: ContainerItems = { ...items };
  const source = (next[fromContainer] ?? []).filter((id) => id !== activeId);
  next[fromContainer] = source;
  const target = fromContainer === toContainer ? source : [...(next[toContainer] ?? [])];
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, activeId);
  next[toContainer] = target;
  return next;
}

/** The ids either side of `activeId` in its container, for computing its new rank. */
export function neighbours(items: ContainerItems, activeId: string): { before: string | null; after: string | null } {
  const container = findContainer(items, activeId);
  const ids = container === null ? [] : (items[container] ?? []);
  const index = ids.indexOf(activeId);
  return { before: index > 0 ? (ids[index - 1] ?? null) : null, after: index >= 0 ? (ids[index + 1] ?? null) : null };
}
