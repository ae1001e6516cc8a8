import type { Handoff, HandoffException } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import { STATE_LABELS } from '../domain/states';
import { PROP } from '../hubspot/properties';
import type { RemoteDeal } from './protocol';
import { HUBSPOT_ACTOR } from './edit-times';
import { stableId } from './apply-remote';
import { exceptionRaisedByPull } from './exception-raised-event';

/**
 * A deal a colleague moved out of the Handoffs pipeline in HubSpot. Baton cannot
 * follow it there (its stages are not handoff states, and the pull only searches
 * the Handoffs pipeline), so the handoff keeps its local state and carries a
 * visible DEAL_LEFT_PIPELINE exception until the deal is back.
 */

export const LEFT_PIPELINE = 'DEAL_LEFT_PIPELINE' as const;

export interface PipelineChange {
  handoff: Handoff;
  events: HandoffEvent[];
  /** The exception raised by this change, if any. */
  raised: HandoffException | null;
}

/** HubSpot values end up in messages: keep them short and printable. */
function shown(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return 'none';
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}

/** True when HubSpot says the deal sits in a pipeline other than the Handoffs one (no pipeline value says nothing). */
export function isOutsidePipeline(deal: RemoteDeal, pipelineId: string): boolean {
  const pipeline = deal.properties[PROP.pipeline];
  return typeof pipeline === 'string' && pipeline !== '' && pipeline !== pipelineId;
}

export function openLeftPipeline(handoff: Handoff): HandoffException[] {
  return handoff.exceptions.filter((e) => e.kind === LEFT_PIPELINE && e.resolvedAt === null);
}

/**
 * Raises DEAL_LEFT_PIPELINE with one `exception_raised` event, unless one is
 * already open (every pull sees the deal outside again: that is not news).
 * Like SLA exceptions, a person resolving it while the deal is still outside
 * gets it back on the next pull, because the cause is still there.
 */
export function flagLeftPipeline(handoff: Handoff, deal: RemoteDeal, now: string): PipelineChange {
  if (openLeftPipeline(handoff).length > 0) return { handoff, events: [], raised: null };
  // The count of earlier ones keeps the id unique on the card and the same when a pull is re-applied.
  const earlier = handoff.exceptions.filter((e) => e.kind === LEFT_PIPELINE).length;
  const pipeline = deal.properties[PROP.pipeline] ?? null;
  const exception: HandoffException = {
    id: stableId('exc', handoff.id, deal.dealId, 'left-pipeline', String(pipeline), String(earlier)),
    kind: LEFT_PIPELINE,
    message: (
      `In HubSpot the deal was moved out of the Handoffs pipeline (to pipeline ${shown(pipeline)}, stage ${shown(deal.properties[PROP.stage])}). ` +
      `Baton kept "${handoff.title}" in ${STATE_LABELS[handoff.state]} and no longer sees the deal's changes; ` +
      'move the deal back to the Handoffs pipeline in HubSpot to sync it again, or archive the handoff.'
    ).slice(0, 2000),
    raisedAt: now,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  return { handoff: { ...handoff, exceptions: [...handoff.exceptions, exception] }, events: [exceptionRaisedByPull(handoff.id, exception, now)], raised: exception };
}

/** The deal is back in the Handoffs pipeline: resolves the open DEAL_LEFT_PIPELINE exception, one `exception_resolved` event each. */
export function clearLeftPipeline(handoff: Handoff, now: string): PipelineChange {
  const open = openLeftPipeline(handoff);
  if (open.length === 0) return { handoff, events: [], raised: null };
  const resolution = 'The deal is back in the Handoffs pipeline in HubSpot; sync follows it again.';
  const resolved = new Map(open.map((e) => [e.id, { ...e, resolvedAt: now, resolvedBy: HUBSPOT_ACTOR, resolution }]));
  const events: HandoffEvent[] = open.map((before) => ({
    id: stableId('evt', before.id, 'resolved'),
    handoffId: handoff.id,
    kind: 'exception_resolved',
    actor: HUBSPOT_ACTOR,
    at: now,
    field: `exceptions.${before.id}`,
    before,
    after: resolved.get(before.id),
    summary: `Resolved the ${LEFT_PIPELINE} exception: ${resolution}`,
  }));
  return { handoff: { ...handoff, exceptions: handoff.exceptions.map((e) => resolved.get(e.id) ?? e) }, events, raised: null };
}
