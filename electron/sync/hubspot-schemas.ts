import { z } from 'zod';

/**
 * What Baton expects HubSpot to answer. Responses are parsed with these before
 * anything is trusted; a mismatch is HUBSPOT_BAD_RESPONSE. Unknown keys are
 * ignored (HubSpot adds fields), missing or mistyped ones are not.
 */

const Properties = z.record(z.string(), z.string().nullable());

const Paging = z.object({ next: z.object({ after: z.string() }).optional() }).optional();

export const AccountDetailsSchema = z.object({
  portalId: z.number().int(),
  accountType: z.string().optional(),
  timeZone: z.string().optional(),
  uiDomain: z.string().optional(),
});
export type AccountDetails = z.infer<typeof AccountDetailsSchema>;

export const OwnerSchema = z.object({
  id: z.string(),
  email: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  userId: z.number().int().nullish(),
  archived: z.boolean().optional(),
});
export const OwnersPageSchema = z.object({ results: z.array(OwnerSchema), paging: Paging });

export const PropertySchema = z.object({
  name: z.string(),
  type: z.string(),
  fieldType: z.string().optional(),
  groupName: z.string().optional(),
  description: z.string().optional(),
  hasUniqueValue: z.boolean().optional(),
  archived: z.boolean().optional(),
});
export type HubSpotProperty = z.infer<typeof PropertySchema>;
export const PropertiesSchema = z.object({ results: z.array(PropertySchema) });

export const GroupSchema = z.object({ name: z.string(), label: z.string().optional() });
export const GroupsSchema = z.object({ results: z.array(GroupSchema) });

export const StageSchema = z.object({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  archived: z.boolean().optional(),
});
export const PipelineSchema = z.object({
  id: z.string(),
  label: z.string(),
  stages: z.array(StageSchema),
  archived: z.boolean().optional(),
});
export type HubSpotPipeline = z.infer<typeof PipelineSchema>;
export const PipelinesSchema = z.object({ results: z.array(PipelineSchema) });

const HistoryEntrySchema = z.object({ value: z.string().nullable().optional(), timestamp: z.string() });

export const CrmObjectSchema = z.object({
  id: z.string(),
  properties: Properties,
  propertiesWithHistory: z.record(z.string(), z.array(HistoryEntrySchema)).optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean().optional(),
  objectWriteTraceId: z.string().optional(),
  new: z.boolean().optional(),
});
export type CrmObject = z.infer<typeof CrmObjectSchema>;

export const BatchErrorSchema = z.object({
  status: z.string().optional(),
  category: z.string().optional(),
  message: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
export type BatchError = z.infer<typeof BatchErrorSchema>;

export const BatchResultSchema = z.object({
  status: z.string().optional(),
  results: z.array(CrmObjectSchema),
  numErrors: z.number().optional(),
  errors: z.array(BatchErrorSchema).optional(),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

export const SearchResultSchema = z.object({
  total: z.number().int().nonnegative(),
  results: z.array(CrmObjectSchema),
  paging: Paging,
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const AnySchema = z.unknown();

const ObjectId = z.union([z.string(), z.number().int()]).transform(String);
export const AssociationBatchSchema = z.object({
  results: z.array(z.object({ from: z.object({ id: ObjectId }), to: z.array(z.object({ toObjectId: ObjectId })), paging: Paging })),
});

/** `POST /oauth/v2/private-apps/get/access-token-info`: who the token acts for and what it may do. */
export const TokenInfoSchema = z.object({ hubId: z.number().int().optional(), scopes: z.array(z.string()) });
