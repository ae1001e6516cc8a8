import type { z } from 'zod';
import { HandoffSchema, type Handoff } from '../../../shared/domain/handoff';
import { HandoffEventSchema, type HandoffEvent } from '../../../shared/domain/history';
import { OutboxEntrySchema, type OutboxEntry } from '../../../shared/sync/outbox';
import type { BatonDb } from './db';
import type { DomainError } from '../../../shared/domain/errors';
import { DataErrorAbort, DomainRefusal, dataError, toDataError, validationError, type DataError } from './data-errors';
import type { OutboxRequest } from '../../../shared/sync/outbox-rules';

/** The syncMeta key of the outbox sequence counter. */
export const OUTBOX_SEQ_KEY = 'outboxSeq';

/** The ISO time of a change; an invalid clock value is refused (typed) rather than thrown. */
export function isoTime(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new DataErrorAbort(dataError('VALIDATION_FAILED', 'The time of the change is not a valid date.'));
  return now.toISOString();
}

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * Parses `value` with `schema` or aborts the surrounding transaction with a
 * VALIDATION_FAILED error: nothing invalid reaches disk, and nothing else of
 * the change is written either.
 */
export function validOrAbort<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DataErrorAbort(validationError(what, parsed.error));
  return parsed.data;
}

export function validHandoff(value: unknown): Handoff {
  return validOrAbort(HandoffSchema, value, 'handoff');
}

export function validEvent(value: unknown): HandoffEvent {
  return validOrAbort(HandoffEventSchema, value, 'history event');
}

/** Reads the outbox counter; must run inside the transaction that writes the entries. */
export async function readSeq(db: BatonDb): Promise<number> {
  const row = await db.syncMeta.get(OUTBOX_SEQ_KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

export type { OutboxRequest } from '../../../shared/sync/outbox-rules';

/**
 * Appends outbox entries with consecutive `seq` numbers, bumping the counter in
 * syncMeta in the same transaction, so a crash can never reuse or skip a number.
 */
export async function appendOutbox(db: BatonDb, requests: readonly OutboxRequest[], at: string): Promise<OutboxEntry[]> {
  if (requests.length === 0) return [];
  let seq = await readSeq(db);
  const entries = requests.map((request) => {
    seq += 1;
    return validOrAbort(
      OutboxEntrySchema,
      {
        id: newId(),
        seq,
        handoffId: request.handoffId,
        kind: request.kind,
        refId: request.refId ?? null,
        createdAt: at,
        attempts: 0,
        lastError: null,
        status: 'pending',
      },
      'outbox entry',
    );
  });
  await Promise.all([db.outbox.bulkAdd(entries), db.syncMeta.put({ key: OUTBOX_SEQ_KEY, value: seq })]);
  return entries;
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: DomainError | DataError };

/**
 * Runs `work` (usually one transaction) and turns anything it throws — domain
 * refusals, validation aborts, Dexie and IndexedDB errors — into a typed error value.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: err instanceof DomainRefusal ? err.error : toDataError(err) };
  }
}

/**
 * For APIs that resolve with a plain value (settings, workspace setup): any
 * failure rejects with a `DataErrorAbort` carrying a typed error, never a raw
 * Dexie or IndexedDB exception.
 */
export async function orTypedError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof DataErrorAbort ? err : new DataErrorAbort(toDataError(err));
  }
}
