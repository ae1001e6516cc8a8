import { z } from 'zod';
import { StageIdsSchema } from '../sync/protocol';
import { RecordTypeSchema, StageClosureSchema } from './record-type';

/**
 * Where a workspace's handoffs live in HubSpot: the record type and the
 * pipeline with one stage per handoff state. `ownPipeline` is true for the
 * "Handoffs" pipeline Baton created, false for an existing pipeline the user
 * mapped. Workspaces provisioned before this choice existed are "deals,
 * Baton's own pipeline".
 */
export const HubSpotSetupSchema = z.object({
  recordType: RecordTypeSchema,
  pipelineId: z.string().min(1),
  stageIds: StageIdsSchema,
  ownPipeline: z.boolean(),
});
export type HubSpotSetup = z.infer<typeof HubSpotSetupSchema>;

/** The person's choice on the setup screen. */
export const SetupChoiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('create'), recordType: RecordTypeSchema }).strict(),
  z
    .object({ mode: z.literal('map'), recordType: RecordTypeSchema, pipelineId: z.string().min(1).max(100), stageIds: StageIdsSchema })
    .strict()
    .refine((choice) => new Set(Object.values(choice.stageIds)).size === Object.keys(choice.stageIds).length, {
      message: 'Map each handoff state to a different stage, so Baton can tell the states apart.',
      path: ['stageIds'],
    }),
]);
export type SetupChoice = z.infer<typeof SetupChoiceSchema>;

export const PipelineStageOptionSchema = z.object({
  id: z.string(),
  label: z.string(),
  closure: StageClosureSchema,
});
export type PipelineStageOption = z.infer<typeof PipelineStageOptionSchema>;

export const PipelineOptionSchema = z.object({
  id: z.string(),
  label: z.string(),
  stages: z.array(PipelineStageOptionSchema),
  /** Baton's own "Handoffs" pipeline (set up earlier or from another desktop). */
  isBatonPipeline: z.boolean(),
});
export type PipelineOption = z.infer<typeof PipelineOptionSchema>;

/** What the connected portal offers, per record type. */
export const RecordTypeOptionSchema = z.object({
  recordType: RecordTypeSchema,
  /** Scopes this record type needs that the token lacks (empty: usable). */
  missingScopes: z.array(z.string()),
  /** The record type's pipelines; empty when the scopes are missing. */
  pipelines: z.array(PipelineOptionSchema),
});
export type RecordTypeOption = z.infer<typeof RecordTypeOptionSchema>;

export const SetupOptionsSchema = z.object({
  recordTypes: z.array(RecordTypeOptionSchema),
  /** The setup in use for this portal, or null when none was chosen yet. */
  current: HubSpotSetupSchema.nullable(),
});
export type SetupOptions = z.infer<typeof SetupOptionsSchema>;
