import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, OwnerIdSchema } from './ids';
import { OnBehalfOfSchema } from './on-behalf';

export const EVENT_KINDS = [
  'created',
  'transition',
  'accepted',
  'bounced',
  'field_changed',
  'criterion_changed',
  'approval_added',
  'approval_revoked',
  'link_added',
  'link_removed',
  'checklist_changed',
  'client_update_logged',
  'note_added',
  'question_resolved',
  'exception_raised',
  'exception_resolved',
  'merge_decision',
  'archived',
  'restored',
  'undo',
] as const;
export const EventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKindSchema>;

/**
 * One change to one handoff: who, when, what, before and after. Every change
 * emits exactly one event; nothing is overwritten without a trace.
 */
export const HandoffEventSchema = z.object({
  id: IdSchema,
  handoffId: IdSchema,
  kind: EventKindSchema,
  actor: OwnerIdSchema,
  at: IsoDateTimeSchema,
  /** The field or sub-record that changed, e.g. "receiver", "criteria.assets_link". */
  field: z.string().max(200).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** One human sentence, e.g. "Moved from In progress to Ready for handoff". */
  summary: z.string().max(2000),
  /** The act was done for this person, for this reason (accept, bounce, approve, revoke). */
  onBehalfOf: OnBehalfOfSchema.optional(),
});
export type HandoffEvent = z.infer<typeof HandoffEventSchema>;
