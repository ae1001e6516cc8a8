import { z } from 'zod';
import type { Handoff } from './handoff';
import { ClientSchema, HandoffSchema, NextActionSchema, startingRecords } from './handoff';
import type { HandoffEvent } from './history';
import { HandoffStateSchema, STATE_LABELS } from './states';
import { IdSchema, IsoDateTimeSchema, OwnerIdSchema } from './ids';
import { domainError, validationError } from './errors';
import type { DomainError } from './errors';
import { HandoffCommandSchema } from './command-schema';
import type { HandoffCommand } from './command-schema';
import type { CommandContext, CommandResult, Outcome } from './command-context';
import { evaluateTransition, templateMismatch } from '../gate/gate';
import * as lifecycle from './lifecycle-commands';
import * as fields from './field-commands';
import * as records from './record-commands';
import { authorityProblems } from './authority';

export { describeEvent } from './describe-event';

export { HandoffCommandSchema, HANDOFF_COMMAND_TYPES } from './command-schema';
export type { HandoffCommand, HandoffCommandType } from './command-schema';
export type { CommandContext, CommandResult } from './command-context';

/**
 * An archived handoff is frozen for people (no moves, no edits), but records
 * that arrive on their own — a sync failure, a HubSpot value, a note — still
 * land, so nothing from the outside world is lost while it is archived.
 */
const ALLOWED_WHILE_ARCHIVED: ReadonlySet<HandoffCommand['type']> = new Set([
  'restore',
  'add_note',
  'raise_exception',
  'resolve_exception',
  'set_hubspot_property',
]);

/** Built once: zod compiles a schema on its first parse, and a command replayed by the sync fold runs this thousands of times. */
const ContextSchema = z.object({ actor: OwnerIdSchema, now: IsoDateTimeSchema });

function checkContext(ctx: Pick<CommandContext, 'actor' | 'now'>): DomainError | null {
  const parsed = ContextSchema.safeParse({ actor: ctx.actor, now: ctx.now });
  return parsed.success ? null : validationError(parsed.error, 'The command context');
}

function dispatch(handoff: Handoff, command: HandoffCommand, ctx: CommandContext): Outcome {
  switch (command.type) {
    case 'move':
      return lifecycle.move(handoff, command, ctx);
    case 'accept':
      return lifecycle.accept(handoff, command, ctx);
    case 'bounce':
      return lifecycle.bounce(handoff, command, ctx);
    case 'reopen':
      return lifecycle.reopen(handoff, command, ctx);
    case 'reorder':
      return lifecycle.reorder(handoff, command);
    case 'archive':
      return lifecycle.archive(handoff, ctx);
    case 'restore':
      return lifecycle.restore(handoff);
    case 'set_title':
      return fields.setTitle(handoff, command);
    case 'set_client':
      return fields.setClient(handoff, command);
    case 'set_sender':
      return fields.setSender(handoff, command);
    case 'set_receiver':
      return fields.setReceiver(handoff, command);
    case 'set_next_action':
      return fields.setNextAction(handoff, command);
    case 'set_hubspot_property':
      return fields.setHubspotProperty(handoff, command);
    case 'add_link':
      return records.addLink(handoff, command, ctx);
    case 'remove_link':
      return records.removeLink(handoff, command);
    case 'set_criterion':
      return records.setCriterion(handoff, command, ctx);
    case 'approve':
      return records.approve(handoff, command, ctx);
    case 'revoke_approval':
      return records.revokeApproval(handoff, command);
    case 'log_client_update':
      return records.logClientUpdate(handoff, command, ctx);
    case 'add_note':
      return records.addNote(handoff, command, ctx);
    case 'add_checklist_item':
      return records.addChecklistItem(handoff, command);
    case 'toggle_checklist_item':
      return records.toggleChecklistItem(handoff, command);
    case 'remove_checklist_item':
      return records.removeChecklistItem(handoff, command);
    case 'resolve_question':
      return records.resolveQuestion(handoff, command, ctx);
    case 'raise_exception':
      return records.raiseException(handoff, command, ctx);
    case 'resolve_exception':
      return records.resolveException(handoff, command, ctx);
  }
}

/**
 * The one way to change a handoff. Pure: the input is never mutated. Either the
 * command is refused with a typed error and nothing changes, or it returns the
 * new handoff (version + 1, `updatedAt` = now, `stateEnteredAt` = now when the
 * column changed) and exactly one history event describing the change.
 * Setting something to the value it already has is refused as VALIDATION
 * "Nothing changed: …" so history and versions only record real changes.
 */
export function applyCommand(handoff: Handoff, command: unknown, ctx: CommandContext): CommandResult {
  const parsed = HandoffCommandSchema.safeParse(command);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const contextError = checkContext(ctx) ?? templateMismatch(handoff, ctx.template);
  if (contextError !== null) return { ok: false, error: contextError };
  if (handoff.archivedAt !== null && !ALLOWED_WHILE_ARCHIVED.has(parsed.data.type)) {
    const what = parsed.data.type === 'archive' ? 'is already archived' : 'is archived; restore it before changing it';
    return { ok: false, error: domainError('ARCHIVED', `"${handoff.title}" ${what}`) };
  }

  const authority = ctx.decided === true ? [] : authorityProblems(handoff, parsed.data, ctx);
  const outcome = dispatch(handoff, parsed.data, ctx);
  if ('error' in outcome) return { ok: false, error: withAuthority(outcome.error, authority) };
  if (authority.length > 0) return { ok: false, error: notAllowed(authority) };

  const stateChanged = outcome.patch.state !== undefined && outcome.patch.state !== handoff.state;
  const next: Handoff = {
    ...handoff,
    ...outcome.patch,
    version: handoff.version + 1,
    updatedAt: ctx.now,
    stateEnteredAt: stateChanged ? ctx.now : handoff.stateEnteredAt,
  };
  const event: HandoffEvent = {
    id: ctx.newId(),
    handoffId: handoff.id,
    kind: outcome.kind,
    actor: ctx.actor,
    at: ctx.now,
    field: outcome.field,
    before: outcome.before,
    after: outcome.after,
    summary: outcome.summary,
    ...(outcome.onBehalfOf ? { onBehalfOf: outcome.onBehalfOf } : {}),
  };
  return { ok: true, handoff: next, event };
}

function notAllowed(authority: readonly string[]): DomainError {
  return domainError('NOT_ALLOWED', `${authority.join('; ')}.`, { authority: [...authority] });
}

/**
 * A refusal lists missing proof and missing authority together, so one
 * message says everything that stands in the way; any other refusal
 * (invalid transition, validation) comes first on its own.
 */
function withAuthority(error: DomainError, authority: readonly string[]): DomainError {
  if (authority.length === 0 || error.code !== 'GATE_REFUSED') return error;
  return { ...error, message: `${error.message}. Also: ${authority.join('; ')}.`, authority: [...authority] };
}

export const NewHandoffInputSchema = z.strictObject({
  title: HandoffSchema.shape.title,
  client: ClientSchema.strict(),
  templateId: IdSchema,
  templateVersion: z.number().int().positive('A template version is a positive whole number'),
  sender: OwnerIdSchema.nullable().default(null),
  receiver: OwnerIdSchema.nullable().default(null),
  nextAction: NextActionSchema.strict().nullable().default(null),
  /** Creating straight into a later column runs the gate for every column skipped. */
  state: HandoffStateSchema.default('IN_PROGRESS'),
  rank: z.number().finite('A rank must be a finite number').default(0),
});
export type NewHandoffInput = z.input<typeof NewHandoffInputSchema>;

/** Builds a new handoff (version 1) and its `created` event, or says why it cannot. */
export function createHandoff(input: unknown, ctx: CommandContext & { id: string }): CommandResult {
  const parsed = NewHandoffInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const data = parsed.data;
  const idCheck = IdSchema.safeParse(ctx.id);
  if (!idCheck.success) return { ok: false, error: validationError(idCheck.error, 'The new handoff id') };
  const contextError = checkContext(ctx) ?? templateMismatch(data, ctx.template);
  if (contextError !== null) return { ok: false, error: contextError };
  if (ctx.template.archivedAt !== null) {
    return { ok: false, error: domainError('VALIDATION', `Template "${ctx.template.name}" is archived; new handoffs cannot use it`) };
  }

  const draft: Handoff = {
    id: idCheck.data,
    title: data.title,
    client: data.client,
    templateId: data.templateId,
    templateVersion: data.templateVersion,
    state: 'IN_PROGRESS',
    rank: data.rank,
    sender: data.sender,
    receiver: data.receiver,
    nextAction: data.nextAction,
    ...startingRecords(),
    stateEnteredAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  if (data.state !== 'IN_PROGRESS') {
    // Creating (or importing) straight into Handoff done is an acceptance: the receiver's to give.
    const authority = ctx.decided === true ? [] : authorityProblems(draft, { type: 'move', to: data.state }, ctx);
    const decision = ctx.decided === true ? null : evaluateTransition(draft, data.state, ctx.template, ctx.now);
    if (decision !== null && !decision.allowed) return { ok: false, error: withAuthority(decision.error, authority) };
    if (authority.length > 0) return { ok: false, error: notAllowed(authority) };
  }
  const handoff: Handoff = { ...draft, state: data.state };
  const event: HandoffEvent = {
    id: ctx.newId(),
    handoffId: handoff.id,
    kind: 'created',
    actor: ctx.actor,
    at: ctx.now,
    field: null,
    before: null,
    after: handoff,
    summary: `Created "${handoff.title}" for ${handoff.client.name} in ${STATE_LABELS[handoff.state]}`,
  };
  return { ok: true, handoff, event };
}
