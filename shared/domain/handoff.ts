import { z } from 'zod';
import { HandoffStateSchema } from './states';
import { CriterionIdSchema, IdSchema, IsoDateTimeSchema, OwnerIdSchema } from './ids';
import { SafeUrlSchema } from './links';
import { OnBehalfOfSchema } from './on-behalf';

export const ClientSchema = z.object({
  name: z.string().trim().min(1, 'A handoff needs a client name').max(200),
  hubspotCompanyId: z.string().max(50).nullable().default(null),
  hubspotDealId: z.string().max(50).nullable().default(null),
});
export type Client = z.infer<typeof ClientSchema>;

export const NextActionSchema = z.object({
  text: z.string().trim().min(1, 'A next action needs a description').max(500),
  dueAt: IsoDateTimeSchema,
});
export type NextAction = z.infer<typeof NextActionSchema>;

export const ContextLinkSchema = z.object({
  id: IdSchema,
  label: z.string().trim().max(200).default(''),
  url: SafeUrlSchema,
  addedAt: IsoDateTimeSchema,
  addedBy: OwnerIdSchema,
});
export type ContextLink = z.infer<typeof ContextLinkSchema>;

/** Ad-hoc checklist items a user adds to one handoff (template checklists are criteria). */
export const ChecklistItemSchema = z.object({
  id: IdSchema,
  text: z.string().trim().min(1, 'A checklist item needs text').max(500),
  done: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** The recorded state of a manually-ticked criterion (checklist kind). */
export const CriterionResultSchema = z.object({
  met: z.boolean(),
  by: OwnerIdSchema,
  at: IsoDateTimeSchema,
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const ApprovalSchema = z.object({
  id: IdSchema,
  /** The criterion this approval satisfies. */
  criterionId: CriterionIdSchema,
  role: z.string().min(1).max(100),
  by: OwnerIdSchema,
  at: IsoDateTimeSchema,
  /** Given by `by` for someone holding the role, with a reason. */
  onBehalfOf: OnBehalfOfSchema.optional(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

/** A logged update to the client: satisfies "client notified", becomes a HubSpot note. */
export const ClientUpdateSchema = z.object({
  id: IdSchema,
  body: z.string().trim().min(1, 'A client update needs text').max(10_000),
  by: OwnerIdSchema,
  at: IsoDateTimeSchema,
});
export type ClientUpdate = z.infer<typeof ClientUpdateSchema>;

/** A bounce-back reason: a re-ask the sender must answer. */
export const OpenQuestionSchema = z.object({
  id: IdSchema,
  text: z.string().trim().min(1, 'A bounce needs a reason').max(2000),
  askedBy: OwnerIdSchema,
  askedAt: IsoDateTimeSchema,
  resolvedAt: IsoDateTimeSchema.nullable().default(null),
});
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

export const NoteSchema = z.object({
  id: IdSchema,
  body: z.string().trim().min(1, 'A note needs text').max(10_000),
  by: OwnerIdSchema,
  at: IsoDateTimeSchema,
});
export type Note = z.infer<typeof NoteSchema>;

/**
 * What went wrong on a handoff. DEAL_LEFT_PIPELINE: its HubSpot deal was moved to
 * another pipeline, so sync no longer sees it (raised and cleared by a pull).
 */
export const EXCEPTION_KINDS = ['GATE_BYPASSED', 'SYNC_FAILED', 'SLA_BREACHED', 'NEXT_ACTION_OVERDUE', 'DEAL_LEFT_PIPELINE'] as const;
export const ExceptionKindSchema = z.enum(EXCEPTION_KINDS);
export type ExceptionKind = z.infer<typeof ExceptionKindSchema>;

export const HandoffExceptionSchema = z.object({
  id: IdSchema,
  kind: ExceptionKindSchema,
  message: z.string().min(1).max(2000),
  raisedAt: IsoDateTimeSchema,
  resolvedAt: IsoDateTimeSchema.nullable().default(null),
  resolvedBy: OwnerIdSchema.nullable().default(null),
  resolution: z.string().max(2000).nullable().default(null),
});
export type HandoffException = z.infer<typeof HandoffExceptionSchema>;

export const HandoffSchema = z.object({
  id: IdSchema,
  title: z.string().trim().min(1, 'A handoff needs a title').max(300, 'A title is at most 300 characters'),
  client: ClientSchema,
  templateId: IdSchema,
  templateVersion: z.number().int().positive(),
  state: HandoffStateSchema,
  /** Sort key within the column (fractional ranks keep a reorder to one write). */
  rank: z.number().finite(),
  sender: OwnerIdSchema.nullable(),
  receiver: OwnerIdSchema.nullable(),
  nextAction: NextActionSchema.nullable(),
  links: z.array(ContextLinkSchema).max(200),
  checklist: z.array(ChecklistItemSchema).max(500),
  /** Results of checklist-kind criteria, keyed by criterion id. */
  criteria: z.record(CriterionIdSchema, CriterionResultSchema),
  approvals: z.array(ApprovalSchema).max(200),
  clientUpdates: z.array(ClientUpdateSchema).max(1000),
  /** Values of HubSpot properties mirrored for hubspot_property criteria. */
  hubspotProperties: z.record(z.string(), z.string().nullable()),
  openQuestions: z.array(OpenQuestionSchema).max(1000),
  notes: z.array(NoteSchema).max(5000),
  exceptions: z.array(HandoffExceptionSchema).max(1000),
  bounceCount: z.number().int().nonnegative(),
  /** When the handoff entered its current state: the clock for SLAs. */
  stateEnteredAt: IsoDateTimeSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  archivedAt: IsoDateTimeSchema.nullable(),
  /** Increments on every local change; sync compares it with the last-synced version. */
  version: z.number().int().nonnegative(),
});
export type Handoff = z.infer<typeof HandoffSchema>;

type StartingRecords = Pick<
  Handoff,
  'links' | 'checklist' | 'criteria' | 'approvals' | 'clientUpdates' | 'hubspotProperties' | 'openQuestions' | 'notes' | 'exceptions' | 'bounceCount' | 'archivedAt'
>;

/** What every new handoff starts with, however it was made (created here or imported from HubSpot): no proof, no history of re-asks. */
export function startingRecords(): StartingRecords {
  return {
    links: [],
    checklist: [],
    criteria: {},
    approvals: [],
    clientUpdates: [],
    hubspotProperties: {},
    openQuestions: [],
    notes: [],
    exceptions: [],
    bounceCount: 0,
    archivedAt: null,
  };
}
