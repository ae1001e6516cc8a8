import { z } from 'zod';
import { HandoffStateSchema } from './states';
import { CriterionIdSchema, IdSchema, OwnerIdSchema } from './ids';
import { SafeUrlSchema } from './links';
import { OnBehalfOfSchema } from './on-behalf';
import {
  ChecklistItemSchema,
  ClientSchema,
  ClientUpdateSchema,
  ExceptionKindSchema,
  HandoffSchema,
  NextActionSchema,
  NoteSchema,
  OpenQuestionSchema,
} from './handoff';

/**
 * Everything a person or the sync service can do to one handoff, as data. Each
 * command is a strict object: an unknown key is an error, not silently dropped.
 * Field rules come from the handoff schema so they are defined once.
 */
const RankSchema = z.number({ error: 'A rank must be a number' }).finite('A rank must be a finite number');
const ReasonSchema = OpenQuestionSchema.shape.text;
const HubspotPropertyNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,99}$/, 'A HubSpot property name is lower-case snake_case (at most 100 characters)');

export const MoveCommandSchema = z.strictObject({ type: z.literal('move'), to: HandoffStateSchema, rank: RankSchema.optional() });
/** `onBehalfOf`: a PM acting for the receiver or role-holder, with a required reason (see authority.ts). */
export const AcceptCommandSchema = z.strictObject({ type: z.literal('accept'), onBehalfOf: OnBehalfOfSchema.optional() });
export const BounceCommandSchema = z.strictObject({ type: z.literal('bounce'), reason: ReasonSchema, onBehalfOf: OnBehalfOfSchema.optional() });
export const ReopenCommandSchema = z.strictObject({
  type: z.literal('reopen'),
  reason: z.string().trim().min(1, 'A reopen needs a reason').max(2000, 'A reason is at most 2,000 characters'),
});
export const ReorderCommandSchema = z.strictObject({ type: z.literal('reorder'), rank: RankSchema });
export const SetTitleCommandSchema = z.strictObject({ type: z.literal('set_title'), title: HandoffSchema.shape.title });
export const SetClientCommandSchema = z.strictObject({ type: z.literal('set_client'), client: ClientSchema.strict() });
export const SetSenderCommandSchema = z.strictObject({ type: z.literal('set_sender'), sender: OwnerIdSchema.nullable() });
export const SetReceiverCommandSchema = z.strictObject({ type: z.literal('set_receiver'), receiver: OwnerIdSchema.nullable() });
export const SetNextActionCommandSchema = z.strictObject({
  type: z.literal('set_next_action'),
  nextAction: NextActionSchema.strict().nullable(),
});
export const AddLinkCommandSchema = z.strictObject({
  type: z.literal('add_link'),
  link: z.strictObject({ id: IdSchema, label: z.string().trim().max(200, 'A link label is at most 200 characters').default(''), url: SafeUrlSchema }),
});
export const RemoveLinkCommandSchema = z.strictObject({ type: z.literal('remove_link'), linkId: IdSchema });
export const SetCriterionCommandSchema = z.strictObject({ type: z.literal('set_criterion'), criterionId: CriterionIdSchema, met: z.boolean() });
export const ApproveCommandSchema = z.strictObject({ type: z.literal('approve'), criterionId: CriterionIdSchema, onBehalfOf: OnBehalfOfSchema.optional() });
export const RevokeApprovalCommandSchema = z.strictObject({ type: z.literal('revoke_approval'), approvalId: IdSchema, onBehalfOf: OnBehalfOfSchema.optional() });
export const LogClientUpdateCommandSchema = z.strictObject({
  type: z.literal('log_client_update'),
  id: IdSchema,
  body: ClientUpdateSchema.shape.body,
});
export const AddNoteCommandSchema = z.strictObject({ type: z.literal('add_note'), id: IdSchema, body: NoteSchema.shape.body });
export const AddChecklistItemCommandSchema = z.strictObject({
  type: z.literal('add_checklist_item'),
  id: IdSchema,
  text: ChecklistItemSchema.shape.text,
});
export const ToggleChecklistItemCommandSchema = z.strictObject({ type: z.literal('toggle_checklist_item'), itemId: IdSchema, done: z.boolean() });
export const RemoveChecklistItemCommandSchema = z.strictObject({ type: z.literal('remove_checklist_item'), itemId: IdSchema });
export const ResolveQuestionCommandSchema = z.strictObject({ type: z.literal('resolve_question'), questionId: IdSchema });
export const RaiseExceptionCommandSchema = z.strictObject({
  type: z.literal('raise_exception'),
  id: IdSchema,
  kind: ExceptionKindSchema,
  message: z.string().trim().min(1, 'An exception needs a message').max(2000, 'An exception message is at most 2,000 characters'),
});
export const ResolveExceptionCommandSchema = z.strictObject({
  type: z.literal('resolve_exception'),
  exceptionId: IdSchema,
  resolution: z.string().trim().min(1, 'Resolving an exception needs a note saying how').max(2000, 'A resolution is at most 2,000 characters'),
});
export const SetHubspotPropertyCommandSchema = z.strictObject({
  type: z.literal('set_hubspot_property'),
  property: HubspotPropertyNameSchema,
  value: z.string().max(65_536, 'A HubSpot property value is at most 65,536 characters').nullable(),
});
export const ArchiveCommandSchema = z.strictObject({ type: z.literal('archive') });
export const RestoreCommandSchema = z.strictObject({ type: z.literal('restore') });

const COMMAND_SCHEMAS = [
  MoveCommandSchema,
  AcceptCommandSchema,
  BounceCommandSchema,
  ReopenCommandSchema,
  ReorderCommandSchema,
  SetTitleCommandSchema,
  SetClientCommandSchema,
  SetSenderCommandSchema,
  SetReceiverCommandSchema,
  SetNextActionCommandSchema,
  AddLinkCommandSchema,
  RemoveLinkCommandSchema,
  SetCriterionCommandSchema,
  ApproveCommandSchema,
  RevokeApprovalCommandSchema,
  LogClientUpdateCommandSchema,
  AddNoteCommandSchema,
  AddChecklistItemCommandSchema,
  ToggleChecklistItemCommandSchema,
  RemoveChecklistItemCommandSchema,
  ResolveQuestionCommandSchema,
  RaiseExceptionCommandSchema,
  ResolveExceptionCommandSchema,
  SetHubspotPropertyCommandSchema,
  ArchiveCommandSchema,
  RestoreCommandSchema,
] as const;

export const HANDOFF_COMMAND_TYPES = COMMAND_SCHEMAS.map((schema) => schema.shape.type.value);

export const HandoffCommandSchema = z.discriminatedUnion('type', COMMAND_SCHEMAS, {
  error: (issue) => {
    if (issue.code === 'invalid_union') return `Unknown command type; expected one of: ${HANDOFF_COMMAND_TYPES.join(', ')}`;
    if (issue.code === 'invalid_type') return 'A command is an object with a "type", e.g. { "type": "accept" }';
    return undefined;
  },
});
export type HandoffCommand = z.infer<typeof HandoffCommandSchema>;
export type HandoffCommandType = HandoffCommand['type'];
