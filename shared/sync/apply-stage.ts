import type { Handoff, HandoffException } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import { STATE_LABELS } from '../domain/states';
import type { HandoffState } from '../domain/states';
import { evaluateTransition } from '../gate/gate';
import { stateForStage } from '../hubspot/mapping';
import type { PipelineIds } from '../hubspot/mapping';
import { PROP } from '../hubspot/properties';
import type { RemoteDeal } from './protocol';
import { HUBSPOT_ACTOR } from './edit-times';
import type { FieldOutcome } from './merge';
import { stableId } from './apply-remote';
import { exceptionRaisedByPull } from './exception-raised-event';

export interface StageResult {
  handoff: Handoff;
  events: HandoffEvent[];
  exception: HandoffException | null;
  /** The stage id the base must hold (the local one when the move was refused). */
  baseStage: string | null;
  problem: string | null;
}

/**
 * A stage change from HubSpot goes through the same gate as a drag. A refused
 * move leaves the local state alone (and out of the base, so Baton does not
 * silently move the deal back either) and raises GATE_BYPASSED naming the
 * missing proof. An import mirrors HubSpot's stage but is flagged the same way.
 */
export function applyStage(handoff: Handoff, outcome: FieldOutcome, template: Template, ids: PipelineIds, deal: RemoteDeal, now: string, importing: boolean): StageResult {
  const target = stateForStage(outcome.remote, ids.stageIds);
  const unchanged = { handoff, events: [], exception: null, baseStage: outcome.remote, problem: null };
  if (target === null) {
    return {
      ...unchanged,
      baseStage: importing ? outcome.remote : ids.stageIds[handoff.state],
      problem: `The deal is in stage ${JSON.stringify(outcome.remote)}, which is not a stage of the Handoffs pipeline; "${handoff.title}" stays in ${STATE_LABELS[handoff.state]}.`,
    };
  }
  if (target === handoff.state) return unchanged;
  const decision = evaluateTransition(handoff, target, template, now);
  const moved = (state: HandoffState): Handoff => ({ ...handoff, state, stateEnteredAt: outcome.remoteAt });
  const transitionEvent: HandoffEvent = {
    id: stableId('evt', handoff.id, PROP.stage, outcome.remoteAt, target),
    handoffId: handoff.id,
    kind: 'transition',
    actor: HUBSPOT_ACTOR,
    at: outcome.remoteAt,
    field: 'state',
    before: handoff.state,
    after: target,
    summary: `In HubSpot: moved from ${STATE_LABELS[handoff.state]} to ${STATE_LABELS[target]}`,
  };
  if (decision.allowed) return { ...unchanged, handoff: moved(target), events: importing ? [] : [transitionEvent] };

  const missing = decision.error.unmet?.map((u) => `${u.label} (${u.reason})`).join('; ');
  const exception: HandoffException = {
    id: stableId('exc', handoff.id, deal.dealId, String(outcome.remote), outcome.remoteAt),
    kind: 'GATE_BYPASSED',
    message: (
      `In HubSpot the deal was moved to ${STATE_LABELS[target]} without the required proof: ` +
      `${missing ?? decision.error.message}. ` +
      (importing
        ? 'It was imported in that stage; add the missing proof or move it back.'
        : `Baton kept "${handoff.title}" in ${STATE_LABELS[handoff.state]}; add the proof and move it here, or move the deal back in HubSpot.`)
    ).slice(0, 2000),
    raisedAt: now,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  const base = importing ? moved(target) : handoff;
  if (handoff.exceptions.some((e) => e.id === exception.id)) {
    return { ...unchanged, handoff: base, baseStage: importing ? outcome.remote : ids.stageIds[handoff.state] };
  }
  const raised = exceptionRaisedByPull(handoff.id, exception, now);
  return {
    handoff: { ...base, exceptions: [...base.exceptions, exception] },
    events: [raised],
    exception,
    baseStage: importing ? outcome.remote : ids.stageIds[handoff.state],
    problem: null,
  };
}
