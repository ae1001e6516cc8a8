import type { Handoff } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import { eventsOf } from './filter';
import { inPeriod, periodBounds } from './period';
import type { Period } from './period';
import { compareText, ownerNamer } from './people';

/** A template id with no loaded version: a word for the reader, never the id (the row's key keeps it apart). */
export const UNLOADED_TEMPLATE_LABEL = 'Template not loaded';
import type { MetricLabels } from './people';
import { stateStays } from './state-stays';

export type BounceGrouping = 'template' | 'sender';

export interface BounceRateRow {
  /** Template id, or sender owner id (null: no sender). */
  key: string | null;
  label: string;
  /** Handoffs that entered IN_HANDOFF in the period. */
  handoffs: number;
  /** Bounces those handoffs had in the period. */
  bounces: number;
  /** bounces ÷ handoffs: re-asks per handoff (can exceed 1). */
  rate: number;
}

function templateNames(templates: Iterable<Template>): Map<string, string> {
  // A template keeps its id across versions; the newest version's name is the one people know.
  const newest = new Map<string, Template>();
  for (const template of templates) {
    const known = newest.get(template.id);
    if (known === undefined || template.version > known.version) newest.set(template.id, template);
  }
  return new Map([...newest].map(([id, template]) => [id, template.name]));
}

/**
 * Bounces per handoff, by template or by sender. The group is the handoffs
 * (of `handoffs`) that entered IN_HANDOFF during the period; bounces are their
 * bounce events during the period (from IN_HANDOFF or READY_FOR_HANDOFF — each
 * is a re-ask). Reopens are not bounces, and a bounce taken back by undo does
 * not count. Grouped by the handoff's current template id and sender. Sorted
 * by rate, then bounces, most first, then by label.
 */
export function bounceRate(
  handoffs: readonly Handoff[],
  events: readonly HandoffEvent[],
  period: Period,
  by: BounceGrouping,
  labels: MetricLabels = {},
): BounceRateRow[] {
  const bounds = periodBounds(period);
  const handed = new Set<string>();
  const bounced = new Map<string, number>();
  for (const stay of stateStays(eventsOf(events, handoffs))) {
    if (stay.enteredAt === null || !inPeriod(stay.enteredAt, bounds)) continue;
    if (stay.state === 'IN_HANDOFF') handed.add(stay.handoffId);
    if (stay.enteredBy === 'bounced') bounced.set(stay.handoffId, (bounced.get(stay.handoffId) ?? 0) + 1);
  }

  const names = templateNames(labels.templates ?? []);
  const ownerName = ownerNamer(labels.owners ?? []);
  const groups = new Map<string | null, BounceRateRow>();
  for (const handoff of handoffs) {
    if (!handed.has(handoff.id)) continue;
    const key = by === 'template' ? handoff.templateId : handoff.sender;
    const label = by === 'template' ? (names.get(handoff.templateId) ?? UNLOADED_TEMPLATE_LABEL) : ownerName(handoff.sender);
    const row = groups.get(key) ?? { key, label, handoffs: 0, bounces: 0, rate: 0 };
    row.handoffs += 1;
    row.bounces += bounced.get(handoff.id) ?? 0;
    groups.set(key, row);
  }
  return [...groups.values()]
    .map((row) => ({ ...row, rate: row.bounces / row.handoffs }))
    .sort((a, b) => b.rate - a.rate || b.bounces - a.bounces || compareText(a.label, b.label));
}
