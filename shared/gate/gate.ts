import type { Handoff } from '../domain/handoff';
import type { Criterion, Template } from '../domain/template';
import { GATES, GATE_STEPS, HANDOFF_STATES, STATE_LABELS, stateIndex } from '../domain/states';
import type { GateId, HandoffState } from '../domain/states';
import { domainError } from '../domain/errors';
import type { DomainError, UnmetCriterion } from '../domain/errors';
import { formatUtcMinute, toEpochMs } from '../domain/instant';

/**
 * THE gate. Every path that changes a handoff's state — drag, keyboard, menu,
 * HubSpot pull, import — asks `evaluateTransition` and nothing else, so a rule
 * can never hold in one place and leak in another.
 */
export type GateDecision = { allowed: true; gatesCrossed: GateId[] } | { allowed: false; error: DomainError };

export type CriterionCheck = { met: true } | { met: false; reason: string };

/** Whether one criterion holds for this handoff at `now`, and if not, why. */
export function checkCriterion(handoff: Handoff, criterion: Criterion, now: Date | string): CriterionCheck {
  switch (criterion.kind) {
    case 'checklist':
      return handoff.criteria[criterion.id]?.met === true ? { met: true } : { met: false, reason: `"${criterion.label}" is not ticked yet` };
    case 'receiver_assigned':
      return handoff.receiver !== null ? { met: true } : { met: false, reason: 'No receiver is assigned' };
    case 'next_action': {
      const next = handoff.nextAction;
      if (next === null) return { met: false, reason: 'No next action is set' };
      if (next.text.trim() === '') return { met: false, reason: 'The next action has no description' };
      if (!(toEpochMs(next.dueAt) > toEpochMs(now))) {
        return { met: false, reason: `Next action is due ${formatUtcMinute(next.dueAt)}, which is in the past` };
      }
      return { met: true };
    }
    case 'context_link':
      return handoff.links.length > 0 ? { met: true } : { met: false, reason: 'No context link is attached' };
    case 'client_notified':
      return handoff.clientUpdates.length > 0 ? { met: true } : { met: false, reason: 'No client update has been logged' };
    case 'approval':
      return handoff.approvals.some((approval) => approval.criterionId === criterion.id)
        ? { met: true }
        : { met: false, reason: `Not yet approved by the ${criterion.role}` };
    case 'hubspot_property': {
      const value = handoff.hubspotProperties[criterion.property];
      if (value === criterion.equals) return { met: true };
      if (value === undefined || value === null || value === '') {
        return { met: false, reason: `HubSpot property "${criterion.property}" is not set (needs "${criterion.equals}")` };
      }
      return { met: false, reason: `HubSpot property "${criterion.property}" is "${value}", not "${criterion.equals}"` };
    }
  }
}

/**
 * The moment a handoff's proof is judged at: now while it is open, the
 * acceptance once it is done — a next action due after the acceptance does
 * not turn the finished hand-over proof "unmet" later.
 */
export function proofTime(handoff: Pick<Handoff, 'state' | 'stateEnteredAt'>, now: Date | string): Date | string {
  return handoff.state === 'HANDOFF_DONE' ? handoff.stateEnteredAt : now;
}

/** Every criterion guarding `gate` that does not hold, in template order. */
export function unmetCriteria(handoff: Handoff, template: Template, gate: GateId, now: Date | string): UnmetCriterion[] {
  const unmet: UnmetCriterion[] = [];
  for (const criterion of template.criteria) {
    if (criterion.gate !== gate) continue;
    const check = checkCriterion(handoff, criterion, now);
    if (!check.met) {
      unmet.push({ criterionId: criterion.id, gate, kind: criterion.kind, label: criterion.label, reason: check.reason });
    }
  }
  return unmet;
}

/** The gates a forward move from `from` to `to` crosses, in order (empty when not forward). */
export function gatesBetween(from: HandoffState, to: HandoffState): GateId[] {
  const start = stateIndex(from);
  const end = stateIndex(to);
  return GATES.filter((gate) => {
    const step = stateIndex(GATE_STEPS[gate].from);
    return step >= start && step < end;
  });
}

/** The gate guarding the step out of `state`, or null in the last column. */
export function nextGateFrom(state: HandoffState): GateId | null {
  return GATES.find((gate) => GATE_STEPS[gate].from === state) ?? null;
}

/** A handoff is checked only against the template version it was created with. */
export function templateMismatch(handoff: Pick<Handoff, 'templateId' | 'templateVersion'>, template: Template): DomainError | null {
  if (handoff.templateId === template.id && handoff.templateVersion === template.version) return null;
  return domainError(
    'VALIDATION',
    `This handoff follows template "${handoff.templateId}" version ${handoff.templateVersion}, but template "${template.id}" version ${template.version} was given`,
  );
}

function describeUnmet(unmet: readonly UnmetCriterion[]): string {
  // A reason that already names its criterion reads better without the label in front.
  return unmet.map((item) => (item.reason.includes(`"${item.label}"`) ? item.reason : `${item.label}: ${item.reason}`)).join('; ');
}

/**
 * Rules:
 * - archived handoffs do not move (ARCHIVED);
 * - the same column is allowed with no gate (a reorder);
 * - forward moves may skip columns but must satisfy every gate they cross
 *   (entering HANDOFF_DONE is the receiver's acceptance, gated by ACCEPT);
 * - READY_FOR_HANDOFF → IN_PROGRESS is the sender reopening their own work;
 * - out of IN_HANDOFF backwards only by a bounce (with a reason), out of
 *   HANDOFF_DONE only by a reopen (with a reason): a plain move is refused.
 */
export function evaluateTransition(handoff: Handoff, to: HandoffState, template: Template, now: Date | string): GateDecision {
  if (handoff.archivedAt !== null) {
    return { allowed: false, error: domainError('ARCHIVED', `"${handoff.title}" is archived; restore it before moving it`) };
  }
  if (!HANDOFF_STATES.includes(to)) {
    return { allowed: false, error: domainError('VALIDATION', `"${String(to)}" is not a column of the board`) };
  }
  const mismatch = templateMismatch(handoff, template);
  if (mismatch !== null) return { allowed: false, error: mismatch };

  const from = handoff.state;
  if (from === to) return { allowed: true, gatesCrossed: [] };

  if (stateIndex(to) < stateIndex(from)) {
    if (from === 'READY_FOR_HANDOFF' && to === 'IN_PROGRESS') return { allowed: true, gatesCrossed: [] };
    if (from === 'IN_HANDOFF') {
      return {
        allowed: false,
        error: domainError(
          'INVALID_TRANSITION',
          `"${handoff.title}" is with its receiver: to send it back to ${STATE_LABELS[to]}, bounce it with a reason`,
        ),
      };
    }
    return {
      allowed: false,
      error: domainError(
        'INVALID_TRANSITION',
        `"${handoff.title}" was already accepted; to rework it, reopen it with a reason (it goes back to ${STATE_LABELS.IN_PROGRESS})`,
      ),
    };
  }

  const gatesCrossed = gatesBetween(from, to);
  const unmet = gatesCrossed.flatMap((gate) => unmetCriteria(handoff, template, gate, now));
  if (unmet.length > 0) {
    const count = unmet.length === 1 ? '1 requirement is' : `${unmet.length} requirements are`;
    return {
      allowed: false,
      error: domainError('GATE_REFUSED', `Can't move "${handoff.title}" to ${STATE_LABELS[to]}: ${count} missing — ${describeUnmet(unmet)}`, {
        unmet,
      }),
    };
  }
  return { allowed: true, gatesCrossed };
}
