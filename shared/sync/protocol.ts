import { z } from 'zod';
import { HandoffSchema } from '../domain/handoff';
import { TemplateSchema } from '../domain/template';
import { HANDOFF_STATES } from '../domain/states';
import { IdSchema } from '../domain/ids';
import { OutboxEntrySchema } from './outbox';
import { CarriedEventSchema } from './carrier';
import { TeamRecordSchema } from './team-carrier';
import { OwnerSchema, WorkingHoursSchema } from '../domain/settings';

/**
 * The wire protocol between the renderer (which owns the data) and the main
 * process (which owns the token and every HubSpot call). Everything that
 * crosses IPC for sync is defined here once.
 */

export const SYNC_ERROR_CODES = [
  /** The token is missing, wrong, expired or revoked (401). */
  'HUBSPOT_AUTH',
  /** The token lacks a scope; `scope` names it when HubSpot did (403). */
  'HUBSPOT_SCOPE',
  /** HubSpot throttled us and a retry did not help, or the daily limit is used up. */
  'HUBSPOT_RATE_LIMIT',
  /** HubSpot answered 5xx / 423 / 477 or the connection dropped, after retries. */
  'HUBSPOT_UNAVAILABLE',
  /** HubSpot answered something that does not match what its API documents. */
  'HUBSPOT_BAD_RESPONSE',
  /** HubSpot refused the data (400 / 409 / a per-input batch error). */
  'HUBSPOT_VALIDATION',
  /** The deal no longer exists in HubSpot (404). */
  'HUBSPOT_NOT_FOUND',
  /** HubSpot refused to create a pipeline (the account's tier allows no more): map an existing one instead. */
  'PIPELINE_REFUSED',
  /** The machine is offline. */
  'OFFLINE',
  /** No token is stored: connect first. */
  'NOT_CONNECTED',
  /** The Handoffs pipeline / properties are not provisioned yet. */
  'NOT_PROVISIONED',
  /** Another sync run is in progress; try again when it finishes. */
  'SYNC_BUSY',
  /** The stored token belongs to another HubSpot portal than the one the workspace is linked to. */
  'PORTAL_MISMATCH',
  /** The request sent over IPC was malformed. */
  'BAD_REQUEST',
  /** Anything else; the message says what. */
  'INTERNAL',
] as const;
export const SyncErrorCodeSchema = z.enum(SYNC_ERROR_CODES);
export type SyncErrorCode = z.infer<typeof SyncErrorCodeSchema>;

/** An error that crosses the IPC boundary: a code, a human message, and what HubSpot told us. */
export const SyncErrorSchema = z.object({
  code: SyncErrorCodeSchema,
  message: z.string(),
  /** HTTP status when the error came from HubSpot. */
  status: z.number().int().nullable().default(null),
  /** HubSpot's correlation id, for support requests. */
  correlationId: z.string().nullable().default(null),
  /** The missing scope for HUBSPOT_SCOPE, when HubSpot named it. */
  scope: z.string().nullable().default(null),
  /** Extra detail (validation path, policy name, …) for the log and the details view. */
  detail: z.string().nullable().default(null),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

/** Helper for building errors without repeating the nullable defaults. */
export function syncError(code: SyncErrorCode, message: string, extra: Partial<Omit<SyncError, 'code' | 'message'>> = {}): SyncError {
  return {
    code,
    message,
    status: extra.status ?? null,
    correlationId: extra.correlationId ?? null,
    scope: extra.scope ?? null,
    detail: extra.detail ?? null,
  };
}

/** HubSpot stage id for each handoff state in the Handoffs pipeline. */
export const StageIdsSchema = z.object(
  Object.fromEntries(HANDOFF_STATES.map((state) => [state, z.string().min(1)])) as Record<(typeof HANDOFF_STATES)[number], z.ZodString>,
);
export type StageIds = z.infer<typeof StageIdsSchema>;

/** The mapped deal property values as last synced (the "base" of the three-way merge). */
export const SyncBaseSchema = z.record(z.string(), z.string().nullable());
export type SyncBase = z.infer<typeof SyncBaseSchema>;

/** Where an incremental pull resumes: the newest `hs_lastmodifieddate` (epoch ms) seen. */
export const SyncCursorSchema = z.object({
  lastModifiedMs: z.number().int().nonnegative(),
});
export type SyncCursor = z.infer<typeof SyncCursorSchema>;

export const PropertyHistoryEntrySchema = z.object({
  value: z.string().nullable(),
  timestamp: z.string(),
});
export type PropertyHistoryEntry = z.infer<typeof PropertyHistoryEntrySchema>;

/** One deal as HubSpot holds it now. */
export const RemoteDealSchema = z.object({
  dealId: z.string().min(1),
  /** The `baton_id` property (the handoff id), null for deals created in HubSpot. */
  batonId: z.string().nullable(),
  properties: z.record(z.string(), z.string().nullable()),
  /** Newest first, as HubSpot returns it; mapped properties only. */
  history: z.record(z.string(), z.array(PropertyHistoryEntrySchema)),
  /** True when the deal was deleted (archived) in HubSpot. */
  archived: z.boolean(),
  /** `hs_lastmodifieddate` as ISO 8601. */
  updatedAt: z.string(),
});
export type RemoteDeal = z.infer<typeof RemoteDealSchema>;

export const PullRequestSchema = z.object({
  /** null for the initial sync: every deal in the Handoffs pipeline. */
  cursor: SyncCursorSchema.nullable(),
  /** Deal ids the renderer knows; the ones gone from HubSpot come back archived. */
  knownDealIds: z.array(z.string().min(1)).max(100_000).default([]),
  /** Templates in use, so their criterion properties are pulled too. */
  templates: z.array(TemplateSchema).max(500).default([]),
  /**
   * The HubSpot portal (hub id) the workspace is linked to. When given, the
   * host refuses with PORTAL_MISMATCH unless the token belongs to that portal:
   * deal ids and bases from one portal must never be used in another.
   */
  portalId: z.number().int().positive().optional(),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;
export type PullRequestInput = z.input<typeof PullRequestSchema>;

export const PullResultSchema = z.object({
  deals: z.array(RemoteDealSchema),
  cursor: SyncCursorSchema,
  stageIds: StageIdsSchema,
  pipelineId: z.string(),
});
export type PullResult = z.infer<typeof PullResultSchema>;

/** One handoff to push, with the outbox entries its current record covers. */
export const PushItemSchema = z.object({
  handoff: HandoffSchema,
  template: TemplateSchema,
  /** The mapped values as last synced; null when never synced. */
  base: SyncBaseSchema.nullable(),
  dealId: z.string().min(1).nullable(),
  entries: z.array(OutboxEntrySchema).min(1).max(1000),
  /** The handoff's history with recipes: written to the deal as its Baton record (carrier.ts) so every desktop gets the whole handoff. */
  log: z.array(CarriedEventSchema).max(50_000).optional(),
});
export type PushItem = z.infer<typeof PushItemSchema>;
export type PushItemInput = z.input<typeof PushItemSchema>;

/** How the deal's timeline notes name people and tell times: the workspace's People and its working-hours zone. */
export const ReadableSchema = z.object({
  people: z.array(OwnerSchema).max(10_000),
  timeZone: WorkingHoursSchema.shape.timeZone,
});
export type Readable = z.infer<typeof ReadableSchema>;

export const PushRequestSchema = z.object({
  items: z.array(PushItemSchema).max(5000),
  /** The team's templates and roles to write to the team record (team-carrier.ts), when this desktop has what HubSpot lacks. */
  team: TeamRecordSchema.optional(),
  /** Without it, notes name people as HubSpot's owner list does and tell UTC times. */
  readable: ReadableSchema.optional(),
  /**
   * The HubSpot portal (hub id) the workspace is linked to. When given, the
   * host refuses with PORTAL_MISMATCH unless the token belongs to that portal:
   * deal ids and bases from one portal must never be used in another.
   */
  portalId: z.number().int().positive().optional(),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;
export type PushRequestInput = z.input<typeof PushRequestSchema>;

export const PushAckSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    entryId: IdSchema,
    handoffId: IdSchema,
    dealId: z.string(),
    /** The values now in HubSpot: store as the handoff's new base. */
    newBase: SyncBaseSchema,
  }),
  /** Transient: the entry stays pending and is retried on the next run. */
  z.object({ status: z.literal('retry'), entryId: IdSchema, handoffId: IdSchema, error: SyncErrorSchema }),
  /** Permanent: raise SYNC_FAILED on the card; never blocks the queue. */
  z.object({ status: z.literal('failed'), entryId: IdSchema, handoffId: IdSchema, error: SyncErrorSchema }),
]);
export type PushAck = z.infer<typeof PushAckSchema>;

/** How writing the team record went: `retry` keeps it for the next run, `failed` (too large) says why. */
export const TeamPushAckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok') }),
  z.object({ status: z.literal('retry'), error: SyncErrorSchema }),
  z.object({ status: z.literal('failed'), error: SyncErrorSchema }),
]);
export type TeamPushAck = z.infer<typeof TeamPushAckSchema>;

export const PushResultSchema = z.object({ acks: z.array(PushAckSchema), team: TeamPushAckSchema.optional() });
export type PushResult = z.infer<typeof PushResultSchema>;

export const SYNC_PHASES = ['connecting', 'provisioning', 'pulling', 'pushing', 'done', 'error'] as const;
export const SyncProgressSchema = z.object({
  phase: z.enum(SYNC_PHASES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  message: z.string(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

export const HubSpotOwnerSchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  userId: z.number().int().nullable(),
  archived: z.boolean(),
});
export type HubSpotOwner = z.infer<typeof HubSpotOwnerSchema>;

export const ConnectionInfoSchema = z.object({
  portalId: z.number().int(),
  uiDomain: z.string().nullable(),
  accountType: z.string().nullable(),
  timeZone: z.string().nullable(),
  /** The owner the token's user maps to, when one could be found. */
  ownerCount: z.number().int().nonnegative(),
});
export type ConnectionInfo = z.infer<typeof ConnectionInfoSchema>;

export const ProvisionResultSchema = z.object({
  pipelineId: z.string(),
  stageIds: StageIdsSchema,
  /** Human names of what this run created, e.g. "property baton_id". Empty on a re-run. */
  created: z.array(z.string()),
  /** What already existed and was left alone. */
  existing: z.array(z.string()),
});
export type ProvisionResult = z.infer<typeof ProvisionResultSchema>;
