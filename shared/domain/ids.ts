import { z } from 'zod';

/** Record ids are opaque non-empty strings (UUIDs for records Baton creates). */
export const IdSchema = z.string().trim().min(1, 'An id cannot be empty').max(200, 'An id is at most 200 characters');

/** An owner id: a HubSpot owner id once connected, a local id before that. */
export const OwnerIdSchema = IdSchema;
export type OwnerId = z.infer<typeof OwnerIdSchema>;

/** Timestamps are ISO-8601 strings with an offset, so they sort and survive JSON. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true, message: 'Expected an ISO 8601 date-time, e.g. 2026-11-24T09:00:00Z' });
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** Criterion ids double as HubSpot property names, so they are snake_case. */
export const CriterionIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'A criterion id is snake_case: a lower-case letter, then letters, digits or _ (at most 63)');
