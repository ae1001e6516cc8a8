import type { Handoff } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import { toEpochMs } from '../domain/instant';
import { periodBounds } from './period';
import type { Period } from './period';

/** The dashboard's filters; every metric runs on the handoffs they keep. */
export interface MetricsFilter {
  /** Exact client name. */
  clientName?: string;
  templateId?: string;
  /** Sender or receiver. */
  owner?: string;
  /** Handoffs that were live at some point in the period (see filterHandoffs). */
  period?: Period;
}

function given(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/**
 * Without a period the dashboard is a snapshot of now, so archived handoffs are
 * left out (as on the board). With a period it looks back, so a handoff counts
 * when it was live at some point in [from, to): created before `to`, not
 * archived before `from`, and not already accepted before `from` (a card
 * accepted before the period that is still accepted has nothing to report).
 */
export function filterHandoffs(handoffs: readonly Handoff[], filter: MetricsFilter = {}): Handoff[] {
  const bounds = filter.period === undefined ? null : periodBounds(filter.period);
  return handoffs.filter((handoff) => {
    if (given(filter.clientName) && handoff.client.name !== filter.clientName) return false;
    if (given(filter.templateId) && handoff.templateId !== filter.templateId) return false;
    if (given(filter.owner) && handoff.sender !== filter.owner && handoff.receiver !== filter.owner) return false;
    if (bounds === null) return handoff.archivedAt === null;
    if (toEpochMs(handoff.createdAt) >= bounds.toMs) return false;
    if (handoff.archivedAt !== null && toEpochMs(handoff.archivedAt) < bounds.fromMs) return false;
    const doneBefore = handoff.state === 'HANDOFF_DONE' && toEpochMs(handoff.stateEnteredAt) < bounds.fromMs;
    return !doneBefore;
  });
}

/** The events of these handoffs only, so event-based metrics follow the same filters. */
export function eventsOf(events: readonly HandoffEvent[], handoffs: readonly Pick<Handoff, 'id'>[]): HandoffEvent[] {
  const ids = new Set(handoffs.map((handoff) => handoff.id));
  return events.filter((event) => ids.has(event.handoffId));
}
