import type { Approval, ChecklistItem, ClientUpdate, ContextLink, Handoff, HandoffException, Note } from './handoff';
import type { HandoffCommand } from './command-schema';
import { domainError } from './errors';
import { full, idTaken, notFound, nothingChanged, refuse } from './command-context';
import type { CommandContext, Outcome } from './command-context';

/** Commands that add, change or remove one sub-record of a handoff (links, approvals, notes, …). */
type Command<K extends HandoffCommand['type']> = Extract<HandoffCommand, { type: K }>;

// Mirrors the array limits of HandoffSchema, so a command can never produce a handoff that fails it.
const LIMITS = { links: 200, checklist: 500, approvals: 200, clientUpdates: 1000, notes: 5000, exceptions: 1000 } as const;

function hasId(records: readonly { id: string }[], id: string): boolean {
  return records.some((record) => record.id === id);
}

function criterionOf(ctx: CommandContext, criterionId: string) {
  return ctx.template.criteria.find((criterion) => criterion.id === criterionId);
}

export function addLink(handoff: Handoff, command: Command<'add_link'>, ctx: CommandContext): Outcome {
  if (hasId(handoff.links, command.link.id)) return idTaken('link', command.link.id);
  if (handoff.links.some((link) => link.url === command.link.url)) {
    return refuse(domainError('VALIDATION', `The link ${command.link.url} is already attached`));
  }
  if (handoff.links.length >= LIMITS.links) return full('links', LIMITS.links);
  const link: ContextLink = { ...command.link, addedAt: ctx.now, addedBy: ctx.actor };
  const name = link.label === '' ? link.url : `"${link.label}" (${link.url})`;
  return { patch: { links: [...handoff.links, link] }, kind: 'link_added', field: 'links', before: null, after: link, summary: `Attached ${name}` };
}

export function removeLink(handoff: Handoff, command: Command<'remove_link'>): Outcome {
  const link = handoff.links.find((candidate) => candidate.id === command.linkId);
  if (link === undefined) return notFound(`This handoff has no link with id "${command.linkId}"`);
  return {
    patch: { links: handoff.links.filter((candidate) => candidate.id !== command.linkId) },
    kind: 'link_removed',
    field: 'links',
    before: link,
    after: null,
    summary: `Removed the link ${link.label === '' ? link.url : `"${link.label}"`}`,
  };
}

export function setCriterion(handoff: Handoff, command: Command<'set_criterion'>, ctx: CommandContext): Outcome {
  const criterion = criterionOf(ctx, command.criterionId);
  if (criterion === undefined) return notFound(`Template "${ctx.template.name}" has no criterion "${command.criterionId}"`);
  if (criterion.kind !== 'checklist') {
    return refuse(
      domainError('VALIDATION', `"${criterion.label}" is not a checklist item: it is met by the handoff's data (${criterion.kind.replace(/_/g, ' ')}), not ticked by hand`),
    );
  }
  const before = handoff.criteria[criterion.id] ?? null;
  if ((before?.met ?? false) === command.met) {
    return nothingChanged(`"${criterion.label}" is already ${command.met ? 'ticked' : 'unticked'}`);
  }
  const after = { met: command.met, by: ctx.actor, at: ctx.now };
  return {
    patch: { criteria: { ...handoff.criteria, [criterion.id]: after } },
    kind: 'criterion_changed',
    field: `criteria.${criterion.id}`,
    before,
    after,
    summary: `${command.met ? 'Ticked' : 'Unticked'} "${criterion.label}"`,
  };
}

export function approve(handoff: Handoff, command: Command<'approve'>, ctx: CommandContext): Outcome {
  const criterion = criterionOf(ctx, command.criterionId);
  if (criterion === undefined) return notFound(`Template "${ctx.template.name}" has no criterion "${command.criterionId}"`);
  if (criterion.kind !== 'approval') {
    return refuse(domainError('VALIDATION', `"${criterion.label}" is not an approval, so it cannot be approved`));
  }
  if (handoff.approvals.some((approval) => approval.criterionId === criterion.id && approval.by === ctx.actor && approval.onBehalfOf?.person === command.onBehalfOf?.person)) {
    return nothingChanged(`you already approved "${criterion.label}"`);
  }
  if (handoff.approvals.length >= LIMITS.approvals) return full('approvals', LIMITS.approvals);
  const onBehalfOf = command.onBehalfOf;
  const approval: Approval = { id: ctx.newId(), criterionId: criterion.id, role: criterion.role, by: ctx.actor, at: ctx.now, ...(onBehalfOf ? { onBehalfOf } : {}) };
  return {
    ...(onBehalfOf ? { onBehalfOf } : {}),
    patch: { approvals: [...handoff.approvals, approval] },
    kind: 'approval_added',
    field: `approvals.${criterion.id}`,
    before: null,
    after: approval,
    summary: `Approved "${criterion.label}" as the ${criterion.role}`,
  };
}

export function revokeApproval(handoff: Handoff, command: Command<'revoke_approval'>): Outcome {
  const approval = handoff.approvals.find((candidate) => candidate.id === command.approvalId);
  if (approval === undefined) return notFound(`This handoff has no approval with id "${command.approvalId}"`);
  return {
    patch: { approvals: handoff.approvals.filter((candidate) => candidate.id !== approval.id) },
    kind: 'approval_revoked',
    field: `approvals.${approval.criterionId}`,
    before: approval,
    after: null,
    summary: `Revoked the ${approval.role}'s approval`,
    ...(command.onBehalfOf ? { onBehalfOf: command.onBehalfOf } : {}),
  };
}

export function logClientUpdate(handoff: Handoff, command: Command<'log_client_update'>, ctx: CommandContext): Outcome {
  if (hasId(handoff.clientUpdates, command.id)) return idTaken('client update', command.id);
  if (handoff.clientUpdates.length >= LIMITS.clientUpdates) return full('client updates', LIMITS.clientUpdates);
  const update: ClientUpdate = { id: command.id, body: command.body, by: ctx.actor, at: ctx.now };
  return {
    patch: { clientUpdates: [...handoff.clientUpdates, update] },
    kind: 'client_update_logged',
    field: 'clientUpdates',
    before: null,
    after: update,
    summary: `Logged a client update for ${handoff.client.name}`,
  };
}

export function addNote(handoff: Handoff, command: Command<'add_note'>, ctx: CommandContext): Outcome {
  if (hasId(handoff.notes, command.id)) return idTaken('note', command.id);
  if (handoff.notes.length >= LIMITS.notes) return full('notes', LIMITS.notes);
  const note: Note = { id: command.id, body: command.body, by: ctx.actor, at: ctx.now };
  return { patch: { notes: [...handoff.notes, note] }, kind: 'note_added', field: 'notes', before: null, after: note, summary: 'Added a note' };
}

export function addChecklistItem(handoff: Handoff, command: Command<'add_checklist_item'>): Outcome {
  if (hasId(handoff.checklist, command.id)) return idTaken('checklist item', command.id);
  if (handoff.checklist.length >= LIMITS.checklist) return full('checklist items', LIMITS.checklist);
  const item: ChecklistItem = { id: command.id, text: command.text, done: false };
  return {
    patch: { checklist: [...handoff.checklist, item] },
    kind: 'checklist_changed',
    field: 'checklist',
    before: null,
    after: item,
    summary: `Added checklist item "${item.text}"`,
  };
}

export function toggleChecklistItem(handoff: Handoff, command: Command<'toggle_checklist_item'>): Outcome {
  const item = handoff.checklist.find((candidate) => candidate.id === command.itemId);
  if (item === undefined) return notFound(`This handoff has no checklist item with id "${command.itemId}"`);
  if (item.done === command.done) return nothingChanged(`"${item.text}" is already ${item.done ? 'done' : 'not done'}`);
  const after: ChecklistItem = { ...item, done: command.done };
  return {
    patch: { checklist: handoff.checklist.map((candidate) => (candidate.id === item.id ? after : candidate)) },
    kind: 'checklist_changed',
    field: `checklist.${item.id}`,
    before: item,
    after,
    summary: `${command.done ? 'Checked' : 'Unchecked'} "${item.text}"`,
  };
}

export function removeChecklistItem(handoff: Handoff, command: Command<'remove_checklist_item'>): Outcome {
  const item = handoff.checklist.find((candidate) => candidate.id === command.itemId);
  if (item === undefined) return notFound(`This handoff has no checklist item with id "${command.itemId}"`);
  return {
    patch: { checklist: handoff.checklist.filter((candidate) => candidate.id !== item.id) },
    kind: 'checklist_changed',
    field: `checklist.${item.id}`,
    before: item,
    after: null,
    summary: `Removed checklist item "${item.text}"`,
  };
}

export function resolveQuestion(handoff: Handoff, command: Command<'resolve_question'>, ctx: CommandContext): Outcome {
  const question = handoff.openQuestions.find((candidate) => candidate.id === command.questionId);
  if (question === undefined) return notFound(`This handoff has no open question with id "${command.questionId}"`);
  if (question.resolvedAt !== null) return nothingChanged(`the question "${question.text}" is already resolved`);
  const after = { ...question, resolvedAt: ctx.now };
  return {
    patch: { openQuestions: handoff.openQuestions.map((candidate) => (candidate.id === question.id ? after : candidate)) },
    kind: 'question_resolved',
    field: `openQuestions.${question.id}`,
    before: question,
    after,
    summary: `Resolved the question "${question.text}"`,
  };
}

export function raiseException(handoff: Handoff, command: Command<'raise_exception'>, ctx: CommandContext): Outcome {
  if (hasId(handoff.exceptions, command.id)) return idTaken('exception', command.id);
  const duplicate = handoff.exceptions.find(
    (exception) => exception.resolvedAt === null && exception.kind === command.kind && exception.message === command.message,
  );
  if (duplicate !== undefined) return nothingChanged(`the same ${command.kind} exception is already open on this handoff`);
  if (handoff.exceptions.length >= LIMITS.exceptions) return full('exceptions', LIMITS.exceptions);
  const exception: HandoffException = {
    id: command.id,
    kind: command.kind,
    message: command.message,
    raisedAt: ctx.now,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  return {
    patch: { exceptions: [...handoff.exceptions, exception] },
    kind: 'exception_raised',
    field: `exceptions.${exception.id}`,
    before: null,
    after: exception,
    summary: `Exception raised (${exception.kind}): ${exception.message}`,
  };
}

export function resolveException(handoff: Handoff, command: Command<'resolve_exception'>, ctx: CommandContext): Outcome {
  const exception = handoff.exceptions.find((candidate) => candidate.id === command.exceptionId);
  if (exception === undefined) return notFound(`This handoff has no exception with id "${command.exceptionId}"`);
  if (exception.resolvedAt !== null) return nothingChanged(`that ${exception.kind} exception is already resolved`);
  const after: HandoffException = { ...exception, resolvedAt: ctx.now, resolvedBy: ctx.actor, resolution: command.resolution };
  return {
    patch: { exceptions: handoff.exceptions.map((candidate) => (candidate.id === exception.id ? after : candidate)) },
    kind: 'exception_resolved',
    field: `exceptions.${exception.id}`,
    before: exception,
    after,
    summary: `Resolved the ${exception.kind} exception: ${command.resolution}`,
  };
}
