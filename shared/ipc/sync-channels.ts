import { z } from 'zod';
import { channel } from './channel';
import { TemplateSchema } from '../domain/template';
import {
  ConnectionInfoSchema,
  HubSpotOwnerSchema,
  ProvisionResultSchema,
  PullRequestSchema,
  PullResultSchema,
  PushRequestSchema,
  PushResultSchema,
} from '../sync/protocol';
import { HubSpotSetupSchema, SetupChoiceSchema, SetupOptionsSchema } from '../hubspot/setup';

const NoArgs = z.object({}).strict();

/**
 * HubSpot connection and sync channels. Failures are thrown by the handlers as
 * `IpcError` with a `SyncErrorCode` (HUBSPOT_AUTH, HUBSPOT_SCOPE, OFFLINE,
 * NOT_CONNECTED, SYNC_BUSY, …) and a human message; per-entry push failures are
 * values inside the acks. The token goes in once (connect) and never comes back out.
 */
export const syncChannels = {
  'hubspot.connect': channel({
    description: 'Verify a HubSpot token with real calls (account details + owners), then store it in the secret store.',
    request: z.object({ token: z.string().trim().min(1, 'Paste your HubSpot token').max(2000, 'A HubSpot token is at most 2,000 characters') }).strict(),
    response: ConnectionInfoSchema,
  }),
  'hubspot.status': channel({
    description: 'Whether a token is stored, and the account it belongs to (looked up when online).',
    request: NoArgs,
    response: z.object({ connected: z.boolean(), connection: ConnectionInfoSchema.nullable() }),
  }),
  'hubspot.disconnect': channel({
    description: 'Forget the stored token.',
    request: NoArgs,
    response: z.object({ connected: z.literal(false) }),
  }),
  'hubspot.setupOptions': channel({
    description: "What setup can offer in the connected portal: per record type (tickets, deals) the scopes the token lacks, or its pipelines with each stage's open/closed meaning; and the setup in use.",
    request: z.object({ portalId: z.number().int().positive().optional() }).strict(),
    response: SetupOptionsSchema,
  }),
  'hubspot.provision': channel({
    description: 'Create (idempotently) the baton property group and one property per criterion on the chosen record type, and Baton\'s own Handoffs pipeline or the mapping onto an existing one.',
    // portalId: the portal the workspace is linked to; set up nothing in another one (PORTAL_MISMATCH).
    // choice: absent means "the setup in use" (for a workspace set up before the choice existed: deals, Baton's own pipeline).
    request: z.object({ templates: z.array(TemplateSchema).max(500), portalId: z.number().int().positive().optional(), choice: SetupChoiceSchema.optional() }).strict(),
    response: ProvisionResultSchema.extend({ setup: HubSpotSetupSchema }),
  }),
  'hubspot.owners': channel({
    description: 'The HubSpot owners of the connected account (for sender / receiver pickers).',
    request: NoArgs,
    response: z.object({ owners: z.array(HubSpotOwnerSchema) }),
  }),
  'sync.pull': channel({
    description: 'Deals changed in HubSpot since the cursor (all Handoffs deals when the cursor is null), plus the new cursor.',
    // Strict here, like every request schema: an unknown key is a caller bug and gets BAD_REQUEST, not silently dropped.
    request: PullRequestSchema.strict(),
    response: PullResultSchema,
  }),
  'sync.push': channel({
    description: 'Push handoffs to HubSpot; answers one ack (ok / retry / failed) per outbox entry.',
    request: PushRequestSchema.strict(),
    response: PushResultSchema,
  }),
};
