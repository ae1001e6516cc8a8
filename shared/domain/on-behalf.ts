import { z } from 'zod';
import { OwnerIdSchema } from './ids';

/**
 * "On behalf of": a PM acting for an absent receiver or role-holder. The
 * person acted for and a reason are both required, so the override is always
 * an explicit, recorded act (history, card, HubSpot note) and never a quiet one.
 */
export const OnBehalfOfSchema = z.strictObject({
  person: OwnerIdSchema,
  reason: z.string().trim().min(1, 'Acting on behalf of someone needs a reason').max(2000, 'A reason is at most 2,000 characters'),
});
export type OnBehalfOf = z.infer<typeof OnBehalfOfSchema>;
