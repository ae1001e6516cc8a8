import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffState } from '../../../shared/domain/states';
import { HANDOFF_STATES } from '../../../shared/domain/states';
import type { Swimlanes } from '../store/ui-store';
import { containerId, type ContainerItems } from './drag-state';

export interface Lane {
  key: string;
  title: string;
}

export const ALL_LANE: Lane = { key: 'all', title: 'All handoffs' };

/** A column's ids, computed once per array of records: an unchanged column keeps its ids array (and its memoized column). */
const idsOfColumn = new WeakMap<readonly Handoff[], string[]>();

function idsOf(cards: readonly Handoff[]): string[] {
  const known = idsOfColumn.get(cards);
  if (known !== undefined) return known;
  const ids = cards.map((h) => h.id);
  idsOfColumn.set(cards, ids);
  return ids;
}

/**
 * Splits the board's columns into swimlanes (by client or by template) and returns
 * the lanes in a stable, alphabetical order plus the container → ids map.
 */
export function buildLanes(
  columns: Record<HandoffState, Handoff[]>,
  mode: Swimlanes,
  templateName: (templateId: string) => string,
): { lanes: Lane[]; items: ContainerItems } {
  const items: ContainerItems = {};
  if (mode === 'none') {
    for (const state of HANDOFF_STATES) items[containerId(ALL_LANE.key, state)] = idsOf(columns[state]);
    return { lanes: [ALL_LANE], items };
  }
  const laneOf = (h: Handoff): Lane =>
    mode === 'client' ? { key: `client:${h.client.name}`, title: h.client.name } : { key: `template:${h.templateId}`, title: templateName(h.templateId) };
  const lanes = new Map<string, Lane>();
  for (const state of HANDOFF_STATES) {
    for (const handoff of columns[state]) {
      const lane = laneOf(handoff);
      if (!lanes.has(lane.key)) {
        lanes.set(lane.key, lane);
        for (const s of HANDOFF_STATES) items[containerId(lane.key, s)] = [];
      }
      items[containerId(lane.key, state)]?.push(handoff.id);
    }
  }
  const sorted = [...lanes.values()].sort((a, b) => a.title.localeCompare(b.title));
  return { lanes: sorted, items };
}
