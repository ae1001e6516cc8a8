import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from '../domain/ids';

/**
 * What a local change asks the sync service to do in HubSpot. Entries are
 * written in the same Dexie transaction as the change itself; the push reads
 * the handoff's current state, so several entries for one handoff coalesce
 * into one upsert.
 */
export const OUTBOX_KINDS = [
  /** Upsert the handoff's deal (stage, owners, criteria properties). */
  'upsert_handoff',
  /** Log a client update as a note on the deal (`refId` = client update id). */
  'log_client_update',
  /** Create, update or complete the receiver's next-action task. */
  'sync_next_action_task',
  /** Log a handoff receipt (acceptance) as a note on the deal. */
  'log_handoff_receipt',
  /** Log a bounce (who, when, the reason's words) as a note on the deal (`refId` = the open question it raised). */
  'log_bounce',
  /** Log a hand-over (to whom, the context links, the next action) as a note on the deal. */
  'log_hand_over',
  /** Archive the deal (the handoff was archived locally). */
  'archive_handoff',
] as const;
export const OutboxKindSchema = z.enum(OUTBOX_KINDS);
export type OutboxKind = z.infer<typeof OutboxKindSchema>;

export const OutboxEntrySchema = z.object({
  /** Unique id; also the `objectWriteTraceId` that matches batch errors back. */
  id: IdSchema,
  /** Monotonic order of creation within this workspace. */
  seq: z.number().int().nonnegative(),
  handoffId: IdSchema,
  kind: OutboxKindSchema,
  /** The sub-record the entry is about (client update id, …), if any. */
  refId: IdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().max(2000).nullable(),
  /** `failed` entries stopped retrying; they raise a SYNC_FAILED exception on their card. */
  status: z.enum(['pending', 'failed']),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
