import type { Handoff } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { HandoffState } from '../domain/states';
import { eventsOf } from './filter';
import { periodBounds, inPeriod } from './period';
import type { Period } from './period';
import { nearestRankPercentile } from './percentile';
import { stateStays } from './state-stays';

const HOUR_MS = 3_600_000;

/** The columns a handoff passes through on its way to acceptance. */
export const FLOW_STATES = ['IN_PROGRESS', 'READY_FOR_HANDOFF', 'IN_HANDOFF'] as const satisfies readonly HandoffState[];
export type FlowState = (typeof FLOW_STATES)[number];

export interface StageLeadTime {
  state: FlowState;
  /** Stays that ended in the period. */
  count: number;
  /** Nearest-rank 50th percentile, wall-clock hours; null when count is 0. */
  medianHours: number | null;
  /** Nearest-rank 90th percentile, wall-clock hours; null when count is 0. */
  p90Hours: number | null;
}

/**
 * Time spent in each column, counted per stay: every time one of `handoffs`
 * left a column during the period, the wall-clock hours since it entered that
 * column are one sample. A card that bounced and came back contributes one
 * sample per stay. Stays whose start history does not record are skipped, and
 * a move taken back by undo is not a stay (see stateStays). Wall-clock, not
 * working hours, because this measures how long clients and colleagues waited.
 */
export function leadTimePerStage(events: readonly HandoffEvent[], handoffs: readonly Handoff[], period: Period): StageLeadTime[] {
  const bounds = periodBounds(period);
  const samples = new Map<HandoffState, number[]>();
  for (const stay of stateStays(eventsOf(events, handoffs), handoffs)) {
    if (stay.enteredAt === null || stay.leftAt === null || !inPeriod(stay.leftAt, bounds)) continue;
    const list = samples.get(stay.state) ?? [];
    list.push((stay.leftAt - stay.enteredAt) / HOUR_MS);
    samples.set(stay.state, list);
  }
  return FLOW_STATES.map((state) => {
    const hours = samples.get(state) ?? [];
    return { state, count: hours.length, medianHours: nearestRankPercentile(hours, 50), p90Hours: nearestRankPercentile(hours, 90) };
  });
}
