import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from '../../../shared/domain/ids';

/**
 * What Baton tells the current user about, each once:
 * - `queue`: a handoff became IN_HANDOFF with them as receiver;
 * - `bounced`: a handoff they sent was bounced back to them;
 * - `sla`: one of the handoffs they must act on is about to pass (or passed) its SLA;
 * - `exception`: an exception was raised on a handoff they send or receive;
 * - `accepted`: a handoff they sent was accepted by its receiver (on another desktop).
 */
export const NOTIFICATION_KINDS = ['queue', 'bounced', 'sla', 'exception', 'accepted'] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  queue: 'Handed to me',
  bounced: 'Bounced back to me',
  sla: 'SLA warnings',
  exception: 'Exceptions on my handoffs',
  accepted: 'Accepted by the receiver',
};

export const NotificationItemSchema = z.object({
  /** The detection key: one notification per key, ever. */
  id: z.string().min(1).max(400),
  kind: NotificationKindSchema,
  handoffId: IdSchema,
  title: z.string().max(200),
  body: z.string().max(1000),
  at: IsoDateTimeSchema,
  read: z.boolean(),
  /** Whom it was for: the centre shows only the current user's items after "I am" changes. */
  for: z.string().max(200).optional(),
});
export type NotificationItem = z.infer<typeof NotificationItemSchema>;

/** Most recent notifications the centre keeps; older ones fall off. */
export const MAX_NOTIFICATION_ITEMS = 200;
/** Detection keys remembered; far more than a person has open at once. */
export const MAX_SEEN_KEYS = 5000;

export const NotificationLogSchema = z.object({
  /** False until the first detection, which records what already exists without announcing it. */
  baselined: z.boolean(),
  seen: z.array(z.string()).max(MAX_SEEN_KEYS),
  /** Newest first. */
  items: z.array(NotificationItemSchema).max(MAX_NOTIFICATION_ITEMS),
});
export type NotificationLog = z.infer<typeof NotificationLogSchema>;

export const EMPTY_LOG: NotificationLog = { baselined: false, seen: [], items: [] };

// `exception` and `accepted` came later: settings saved before them read as not muted.
export const MuteSettingsSchema = z.object({
  queue: z.boolean(),
  bounced: z.boolean(),
  sla: z.boolean(),
  exception: z.boolean().default(false),
  accepted: z.boolean().default(false),
});
export type MuteSettings = z.infer<typeof MuteSettingsSchema>;

export const NO_MUTES: MuteSettings = { queue: false, bounced: false, sla: false, exception: false, accepted: false };

/** syncMeta keys (a key/value table: no schema change needed). */
export const NOTIFICATION_LOG_KEY = 'notifications.log';
export const NOTIFICATION_MUTE_KEY = 'notifications.mute';
