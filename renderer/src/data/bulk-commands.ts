import { applyCommand } from '../../../shared/domain/commands';
import { HandoffCommandSchema, type HandoffCommand } from '../../../shared/domain/command-schema';
import { domainError, validationError, type DomainError } from '../../../shared/domain/errors';
import type { Handoff } from '../../../shared/domain/handoff';
import { templateKey } from '../../../shared/domain/template';
import { withoutLatestFlag, type BatonDb } from './db';
import { dataError, DataErrorAbort, DomainRefusal } from './data-errors';
import { changeTables, writeChange } from './change-writer';
import { rankAtEnd } from './column-ranks';
import { outboxFor } from './outbox-rules';
import { RANK_STEP } from './ranks';
import { attempt, isoTime, newId } from './write-support';
import type { WriteError } from './commands';
import { loadPeople } from './settings';

export interface BulkFailure {
  handoffId: string;
  error: DomainError;
}

export type BulkOutcome = { ok: true; handoffs: Handoff[] } | { ok: false; error: WriteError; failures: BulkFailure[] };

/**
 * Applies the same command (archive, move, set receiver…) to many handoffs in
 * ONE transaction: handoffs and their template versions are read in two bulk
 * reads, each card goes through the gate, and either every card changes (each
 * with its own event and outbox entries) or none does and every refusal is
 * reported. Moves without a rank append the cards to the target column in the
 * order given. Bulk changes do not take the undo slots.
 */
export async function runBulkCommand(db: BatonDb, handoffIds: readonly string[], command: HandoffCommand, actor: string, now: Date = new Date()): Promise<BulkOutcome> {
  const parsed = HandoffCommandSchema.safeParse(command);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error, 'Command'), failures: [] };
  const ids = [...new Set(handoffIds)];
  const failures: BulkFailure[] = [];
  const result = await attempt(() => {
    const at = isoTime(now);
    return db.transaction('rw', changeTables(db), async () => {
      const found = await db.handoffs.bulkGet(ids);
      const handoffs = found.filter((handoff): handoff is Handoff => handoff !== undefined);
      ids.filter((_, index) => found[index] === undefined).forEach((handoffId) => {
        failures.push({ handoffId, error: domainError('NOT_FOUND', `There is no handoff with id "${handoffId}".`) });
      });
      const keys = [...new Map(handoffs.map((h) => [templateKey(h.templateId, h.templateVersion), [h.templateId, h.templateVersion] as [string, number]])).values()];
      const templates = new Map(
        (await db.templates.bulkGet(keys)).flatMap((stored) => (stored ? [[templateKey(stored.id, stored.version), withoutLatestFlag(stored)] as const] : [])),
      );
      const people = await loadPeople(db);
      let nextRank = parsed.data.type === 'move' && parsed.data.rank === undefined ? await rankAtEnd(db, parsed.data.to) : null;
      const written: Handoff[] = [];
      for (const before of handoffs) {
        const template = templates.get(templateKey(before.templateId, before.templateVersion));
        if (!template) {
          throw new DataErrorAbort(dataError('TEMPLATE_NOT_FOUND', `Template "${before.templateId}" version ${before.templateVersion} of "${before.title}" is missing.`));
        }
        let effective = parsed.data;
        if (effective.type === 'move' && nextRank !== null && effective.to !== before.state) {
          effective = { ...effective, rank: nextRank };
          nextRank += RANK_STEP;
        }
        const applied = applyCommand(before, effective, { template, actor, now: at, newId, people });
        if (!applied.ok) {
          failures.push({ handoffId: before.id, error: applied.error });
          continue;
        }
        if (failures.length === 0) {
          written.push(await writeChange(db, { after: applied.handoff, event: applied.event, outbox: outboxFor(before, applied.handoff, effective), undo: null, command: effective }));
        }
      }
      const first = failures[0];
      if (first) {
        const summary = failures.length === 1 ? first.error.message : `${failures.length} of ${ids.length} handoffs cannot take this change; nothing was changed. First: ${first.error.message}`;
        throw new DomainRefusal({ ...first.error, message: summary });
      }
      return written;
    });
  });
  return result.ok ? { ok: true, handoffs: result.value } : { ok: false, error: result.error, failures };
}
