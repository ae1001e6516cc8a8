import { applyCommand, createHandoff as buildHandoff, type NewHandoffInput } from '../../../shared/domain/commands';
import { HandoffCommandSchema, type HandoffCommand } from '../../../shared/domain/command-schema';
import { domainError, validationError } from '../../../shared/domain/errors';
import type { Handoff } from '../../../shared/domain/handoff';
import type { BatonDb } from './db';
import { dataError, DataErrorAbort, DomainRefusal } from './data-errors';
import { rankAtEnd } from './column-ranks';
import { changeTables, loadTemplateVersion, writeChange } from './change-writer';
import { outboxFor, outboxForCreate } from '../../../shared/sync/outbox-rules';
import { planUndo } from './undo-plan';
import { attempt, isoTime, newId } from './write-support';
import { toWriteOutcome, type WriteOutcome } from './write-outcome';
import { loadPeople } from './settings';

export { undoLast, peekUndo } from './undo';

export type { WriteError, WriteOutcome } from './write-outcome';

/** What `createHandoff` takes: the domain input, with the template version defaulting to the latest. */
export type CreateHandoffInput = Omit<NewHandoffInput, 'templateVersion'> & { templateVersion?: number; id?: string };

export { toWriteOutcome } from './write-outcome';

/**
 * A move without a rank lands at the end of its new column, so it never
 * keeps the rank it had in the old one and collides with a neighbour.
 */
async function withRank(db: BatonDb, handoff: Handoff, command: HandoffCommand): Promise<HandoffCommand> {
  if (command.type !== 'move' || command.rank !== undefined || command.to === handoff.state) return command;
  return { ...command, rank: await rankAtEnd(db, command.to) };
}

/**
 * Applies one command to one handoff in ONE rw transaction: reads the handoff
 * and its template version, runs the pure domain `applyCommand` (the gate),
 * and writes record + event + outbox (+ undo slot) together, or nothing.
 */
export async function runCommand(db: BatonDb, handoffId: string, command: HandoffCommand, actor: string, now: Date = new Date()): Promise<WriteOutcome> {
  const parsed = HandoffCommandSchema.safeParse(command);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error, 'Command') };
  const result = await attempt(() => {
    const at = isoTime(now);
    return db.transaction('rw', changeTables(db), async () => {
      const before = await db.handoffs.get(handoffId);
      if (!before) throw new DomainRefusal(domainError('NOT_FOUND', `There is no handoff with id "${handoffId}" (it may have been removed).`));
      const [template, effective, people] = await Promise.all([
        loadTemplateVersion(db, before.templateId, before.templateVersion),
        withRank(db, before, parsed.data),
        loadPeople(db),
      ]);
      const applied = applyCommand(before, effective, { template, actor, now: at, newId, people });
      if (!applied.ok) throw new DomainRefusal(applied.error);
      return writeChange(db, {
        after: applied.handoff,
        event: applied.event,
        outbox: outboxFor(before, applied.handoff, effective),
        undo: planUndo(before, applied.handoff, effective),
        command: effective,
      });
    });
  });
  return toWriteOutcome(result);
}

async function latestTemplateVersion(db: BatonDb, templateId: string): Promise<number> {
  const versions = await db.templates.where('id').equals(templateId).toArray();
  const latest = versions.find((template) => template.latest === 1) ?? versions.at(-1);
  if (!latest) throw new DataErrorAbort(dataError('TEMPLATE_NOT_FOUND', `There is no template "${templateId}" in this workspace.`));
  return latest.version;
}

/**
 * Creates a handoff on the template version named in `input` (or the latest
 * version when `templateVersion` is omitted), at the end of its column unless a
 * rank is given, with its `created` event and outbox entries in one transaction.
 */
export async function createHandoff(db: BatonDb, input: CreateHandoffInput, actor: string, now: Date = new Date()): Promise<WriteOutcome> {
  const result = await attempt(() => {
    const at = isoTime(now);
    return db.transaction('rw', changeTables(db), async () => {
      const { id: requestedId, ...rest } = input;
      const templateVersion = rest.templateVersion ?? (await latestTemplateVersion(db, rest.templateId));
      const template = await loadTemplateVersion(db, rest.templateId, templateVersion);
      const id = requestedId ?? newId();
      if (await db.handoffs.get(id)) throw new DomainRefusal(domainError('CONFLICT', `A handoff with id "${id}" already exists.`));
      const rank = rest.rank ?? (await rankAtEnd(db, rest.state ?? 'IN_PROGRESS'));
      const built = buildHandoff({ ...rest, templateVersion, rank }, { template, actor, now: at, newId, id, people: await loadPeople(db) });
      if (!built.ok) throw new DomainRefusal(built.error);
      return writeChange(db, { after: built.handoff, event: built.event, outbox: outboxForCreate(built.handoff), undo: null });
    });
  });
  return toWriteOutcome(result);
}
