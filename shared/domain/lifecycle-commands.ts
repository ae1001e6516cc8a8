import type { Handoff, OpenQuestion } from './handoff';
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

export function move(handoff: Handoff, command: Command<'move'>, ctx: CommandContext): Outcome {
  if (command.to === handoff.state) {
    if (command.rank !== undefined) return reorder(handoff, { type: 'reorder', rank: command.rank });
    return nothingChanged(`"${handoff.title}" is already in ${STATE_LABELS[handoff.state]}`);
  }
  const decision = evaluateTransition(handoff, command.to, ctx.template, ctx.now);
  if (!decision.allowed) return refuse(decision.error);
  const rank = command.rank === undefined ? {} : { rank: command.rank };
  const fromLabel = STATE_LABELS[handoff.state];
  if (command.to === 'HANDOFF_DONE') {
    return stateChange(handoff, command.to, 'accepted', `Accepted: moved from ${fromLabel} to ${STATE_LABELS.HANDOFF_DONE}`, rank);
  }
  return stateChange(handoff, command.to, 'transition', `Moved from ${fromLabel} to ${STATE_LABELS[command.to]}`, rank);
}

export function accept(handoff: Handoff, ctx: CommandContext): Outcome {
  if (handoff.state === 'HANDOFF_DONE') return nothingChanged(`"${handoff.title}" was already accepted`);
  if (handoff.state !== 'IN_HANDOFF') {
    return refuse(
      domainError(
        'INVALID_TRANSITION',
        `Only a handoff that is ${STATE_LABELS.IN_HANDOFF} can be accepted; "${handoff.title}" is ${STATE_LABELS[handoff.state]}`,
      ),
    );
  }
  const decision = evaluateTransition(handoff, 'HANDOFF_DONE', ctx.template, ctx.now);
  if (!decision.allowed) return refuse(decision.error);
  return stateChange(handoff, 'HANDOFF_DONE', 'accepted', `Accepted by the receiver: moved to ${STATE_LABELS.HANDOFF_DONE}`);
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
  return stateChange(handoff, 'IN_PROGRESS', 'bounced', `Bounced back to ${STATE_LABELS.IN_PROGRESS}: "${command.reason}"`, {
    openQuestions: [...handoff.openQuestions, question(command.reason, ctx)],
    bounceCount: handoff.bounceCount + 1,
  });
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
