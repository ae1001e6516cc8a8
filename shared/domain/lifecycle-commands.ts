import type { Approval, Handoff, OpenQuestion } from './handoff';
import type { OnBehalfOf } from './on-behalf';
import { findPerson, holdsRole } from './people';
import type { HandoffState } from './states';
import { STATE_LABELS } from './states';
import type { HandoffCommand } from './command-schema';
import { domainError } from './errors';
import { evaluateTransition } from '../gate/gate';
import { full, nothingChanged, refuse } from './command-context';
import type { CommandContext, Change, Outcome } from './command-context';

/** Commands that move a handoff between columns, within a column, or in and out of the archive. */
type Command<K extends HandoffCommand['type']> = Extract<HandoffCommand, { type: K }>;

const MAX_OPEN_QUESTIONS = 1000;

function stateChange(handoff: Handoff, to: HandoffState, kind: Change['kind'], summary: string, extra: Partial<Handoff> = {}): Change {
  return { patch: { state: to, ...extra }, kind, field: 'state', before: handoff.state, after: to, summary };
}

/**
 * The gate's answer, except that an act already judged on another desktop
 * (ctx.decided) is not refused again for missing proof; structural rules
 * (archived, backwards moves) still hold.
 */
function gateRefusal(handoff: Handoff, to: HandoffState, ctx: CommandContext): Outcome | null {
  const decision = evaluateTransition(handoff, to, ctx.template, ctx.now);
  if (decision.allowed || (ctx.decided === true && decision.error.code === 'GATE_REFUSED')) return null;
  return refuse(decision.error);
}

/**
 * The receiver's Accept is one act: approvals guarding the ACCEPT gate that
 * the receiver (or the person acted for) holds the role of, and that nobody
 * gave yet, are given by the same act. Needs the people directory to know
 * who holds what; without it nothing is given implicitly.
 */
function acceptApprovals(handoff: Handoff, ctx: CommandContext, onBehalfOf: OnBehalfOf | undefined): Approval[] {
  if (ctx.people === undefined || handoff.receiver === null) return [];
  const person = findPerson(ctx.people, onBehalfOf?.person ?? ctx.actor);
  if (person?.id !== handoff.receiver) return [];
  return ctx.template.criteria.flatMap((criterion): Approval[] => {
    if (criterion.kind !== 'approval' || criterion.gate !== 'ACCEPT' || !holdsRole(person, criterion.role)) return [];
    if (handoff.approvals.some((approval) => approval.criterionId === criterion.id)) return [];
    return [{ id: ctx.newId(), criterionId: criterion.id, role: criterion.role, by: ctx.actor, at: ctx.now, ...(onBehalfOf ? { onBehalfOf } : {}) }];
  });
}

function withApprovalsNote(summary: string, given: readonly Approval[]): string {
  if (given.length === 0) return summary;
  return `${summary}, approving as the ${given.map((approval) => approval.role).join(' and the ')}`;
}

/** Enters Handoff done, with the receiver's own approvals given by the same act. */
function enterDone(handoff: Handoff, ctx: CommandContext, summary: string, onBehalfOf: OnBehalfOf | undefined, extra: Partial<Handoff> = {}): Outcome {
  const given = acceptApprovals(handoff, ctx, onBehalfOf);
  const withGiven: Handoff = given.length === 0 ? handoff : { ...handoff, approvals: [...handoff.approvals, ...given] };
  const refusal = gateRefusal(withGiven, 'HANDOFF_DONE', ctx);
  if (refusal !== null) return refusal;
  const patch = given.length === 0 ? extra : { ...extra, approvals: withGiven.approvals };
  const change = stateChange(handoff, 'HANDOFF_DONE', 'accepted', withApprovalsNote(summary, given), patch);
  return onBehalfOf === undefined ? change : { ...change, onBehalfOf };
}

export function move(handoff: Handoff, command: Command<'move'>, ctx: CommandContext): Outcome {
  if (command.to === handoff.state) {
    if (command.rank !== undefined) return reorder(handoff, { type: 'reorder', rank: command.rank });
    return nothingChanged(`"${handoff.title}" is already in ${STATE_LABELS[handoff.state]}`);
  }
  const rank = command.rank === undefined ? {} : { rank: command.rank };
  const fromLabel = STATE_LABELS[handoff.state];
  if (command.to === 'HANDOFF_DONE') {
    return enterDone(handoff, ctx, `Accepted: moved from ${fromLabel} to ${STATE_LABELS.HANDOFF_DONE}`, undefined, rank);
  }
  const refusal = gateRefusal(handoff, command.to, ctx);
  if (refusal !== null) return refusal;
  return stateChange(handoff, command.to, 'transition', `Moved from ${fromLabel} to ${STATE_LABELS[command.to]}`, rank);
}

export function accept(handoff: Handoff, command: Command<'accept'>, ctx: CommandContext): Outcome {
  if (handoff.state === 'HANDOFF_DONE') return nothingChanged(`"${handoff.title}" was already accepted`);
  if (handoff.state !== 'IN_HANDOFF') {
    return refuse(
      domainError(
        'INVALID_TRANSITION',
        `Only a handoff that is ${STATE_LABELS.IN_HANDOFF} can be accepted; "${handoff.title}" is ${STATE_LABELS[handoff.state]}`,
      ),
    );
  }
  return enterDone(handoff, ctx, `Accepted by the receiver: moved to ${STATE_LABELS.HANDOFF_DONE}`, command.onBehalfOf);
}

function question(text: string, ctx: CommandContext): OpenQuestion {
  return { id: ctx.newId(), text, askedBy: ctx.actor, askedAt: ctx.now, resolvedAt: null };
}

/** The receiver's "not yet": back to the sender with a reason that stays open on the card. */
export function bounce(handoff: Handoff, command: Command<'bounce'>, ctx: CommandContext): Outcome {
  if (handoff.state !== 'IN_HANDOFF' && handoff.state !== 'READY_FOR_HANDOFF') {
    return refuse(
      domainError(
        'INVALID_TRANSITION',
        `Only a handoff that is ${STATE_LABELS.READY_FOR_HANDOFF} or ${STATE_LABELS.IN_HANDOFF} can be bounced; "${handoff.title}" is ${STATE_LABELS[handoff.state]}`,
      ),
    );
  }
  if (handoff.openQuestions.length >= MAX_OPEN_QUESTIONS) return full('open questions', MAX_OPEN_QUESTIONS);
  const change = stateChange(handoff, 'IN_PROGRESS', 'bounced', `Bounced back to ${STATE_LABELS.IN_PROGRESS}: "${command.reason}"`, {
    openQuestions: [...handoff.openQuestions, question(command.reason, ctx)],
    bounceCount: handoff.bounceCount + 1,
  });
  return command.onBehalfOf === undefined ? change : { ...change, onBehalfOf: command.onBehalfOf };
}

/**
 * An accepted handoff turned out not to be actionable after all. It goes back
 * to the sender with the reason as an open question. It is not counted as a
 * bounce (that metric measures refusals at the point of handoff), but the
 * event keeps who reopened it and why.
 */
export function reopen(handoff: Handoff, command: Command<'reopen'>, ctx: CommandContext): Outcome {
  if (handoff.state !== 'HANDOFF_DONE') {
    return refuse(
      domainError(
        'INVALID_TRANSITION',
        `Only an accepted handoff can be reopened; "${handoff.title}" is ${STATE_LABELS[handoff.state]}`,
      ),
    );
  }
  if (handoff.openQuestions.length >= MAX_OPEN_QUESTIONS) return full('open questions', MAX_OPEN_QUESTIONS);
  return stateChange(handoff, 'IN_PROGRESS', 'transition', `Reopened and moved back to ${STATE_LABELS.IN_PROGRESS}: "${command.reason}"`, {
    openQuestions: [...handoff.openQuestions, question(command.reason, ctx)],
  });
}

export function reorder(handoff: Handoff, command: Command<'reorder'>): Outcome {
  if (command.rank === handoff.rank) return nothingChanged('the card is already at that position');
  return {
    patch: { rank: command.rank },
    kind: 'field_changed',
    field: 'rank',
    before: handoff.rank,
    after: command.rank,
    summary: `Reordered within ${STATE_LABELS[handoff.state]}`,
  };
}

export function archive(handoff: Handoff, ctx: CommandContext): Outcome {
  return { patch: { archivedAt: ctx.now }, kind: 'archived', field: 'archivedAt', before: null, after: ctx.now, summary: 'Archived' };
}

export function restore(handoff: Handoff): Outcome {
  if (handoff.archivedAt === null) return nothingChanged(`"${handoff.title}" is not archived`);
  return {
    patch: { archivedAt: null },
    kind: 'restored',
    field: 'archivedAt',
    before: handoff.archivedAt,
    after: null,
    summary: `Restored from the archive to ${STATE_LABELS[handoff.state]}`,
  };
}
