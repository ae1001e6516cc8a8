import { z } from 'zod';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { Template } from '../../../shared/domain/template';
import { handoffToDealProperties } from '../../../shared/hubspot/mapping';
import { PROP } from '../../../shared/hubspot/properties';

/** One side of a merge decision as the `merge_decision` event records it. */
const MergeSideSchema = z.object({
  side: z.enum(['baton', 'hubspot']),
  value: z.string().nullable(),
  at: z.string(),
  /** Who set it, when two desktops set the same field concurrently (shared/sync/concurrent-sets.ts). */
  by: z.string().optional(),
});
export type MergeSide = z.infer<typeof MergeSideSchema>;

export interface MergeDecisionView {
  event: HandoffEvent;
  property: string;
  winner: MergeSide;
  loser: MergeSide;
}

/** Reads a `merge_decision` event; null for any other event or a damaged one. */
export function mergeDecisionOf(event: HandoffEvent): MergeDecisionView | null {
  if (event.kind !== 'merge_decision' || event.field === null) return null;
  const winner = MergeSideSchema.safeParse(event.after);
  const loser = MergeSideSchema.safeParse(event.before);
  if (!winner.success || !loser.success) return null;
  return { event, property: event.field, winner: winner.data, loser: loser.data };
}

/**
 * The domain command that puts the losing value back, or null when the
 * property has no single command that sets it (those are fixed by hand).
 */
export function revertCommand(handoff: Handoff, template: Template, property: string, value: string | null): HandoffCommand | null {
  switch (property) {
    case PROP.name:
      return value === null ? null : { type: 'set_title', title: value };
    case PROP.client:
      return value === null ? null : { type: 'set_client', client: { ...handoff.client, name: value } };
    case PROP.sender:
      return { type: 'set_sender', sender: value };
    case PROP.receiver:
      return { type: 'set_receiver', receiver: value };
    case PROP.nextAction:
      if (value === null) return { type: 'set_next_action', nextAction: null };
      return handoff.nextAction ? { type: 'set_next_action', nextAction: { text: value, dueAt: handoff.nextAction.dueAt } } : null;
    default:
      break;
  }
  const criterion = template.criteria.find((c) => (c.kind === 'hubspot_property' ? c.property === property : c.id === property));
  if (criterion?.kind === 'checklist') return { type: 'set_criterion', criterionId: criterion.id, met: value === 'true' };
  if (criterion?.kind === 'hubspot_property' || Object.hasOwn(handoff.hubspotProperties, property)) return { type: 'set_hubspot_property', property, value };
  return null;
}

/** True when the handoff already holds the losing value again (reverted, or changed back since). */
export function holdsValue(handoff: Handoff, template: Template, property: string, value: string | null): boolean {
  const current = handoffToDealProperties(handoff, template, { pipelineId: '', stageIds: { IN_PROGRESS: '', READY_FOR_HANDOFF: '', IN_HANDOFF: '', HANDOFF_DONE: '' } });
  return Object.hasOwn(current, property) ? current[property] === value : handoff.hubspotProperties[property] === value;
}
