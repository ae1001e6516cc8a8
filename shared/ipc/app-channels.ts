import { z } from 'zod';
import { channel } from './channel';
import { IdSchema } from '../domain/ids';

/** Channels that need no argument take an empty object, like the sync channels. */
const NoArgs = z.object({}).strict();

export const PlatformSchema = z.enum(['darwin', 'win32', 'linux']);

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: PlatformSchema,
  arch: z.string(),
  /** Runtime versions, shown in "About" and attached to bug reports. */
  versions: z.object({ electron: z.string(), chrome: z.string(), node: z.string() }),
  packaged: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const LogLevelSchema = z.enum(['info', 'warn', 'error']);

export const appChannels = {
  'app.info': channel({
    description: 'Name, version, platform and runtime versions of the desktop host (no paths, no user data).',
    request: NoArgs,
    response: AppInfoSchema,
  }),
  'app.openExternal': channel({
    description: 'Open an https: or mailto: link in the default browser/mail app after the user confirms; other schemes are refused.',
    request: z.object({ url: z.string().min(1, 'A URL is required').max(4096, 'A URL is at most 4096 characters') }).strict(),
    response: z.object({ opened: z.boolean() }),
  }),
  'notifications.show': channel({
    description: 'Show an OS notification, e.g. for a handoff that landed in the user’s queue; a click emits `notification.clicked`.',
    request: z
      .object({
        title: z.string().trim().min(1, 'A notification needs a title').max(200),
        body: z.string().max(1000),
        handoffId: IdSchema.optional(),
      })
      .strict(),
    response: z.object({ shown: z.boolean() }),
  }),
  'online.status': channel({
    description: 'Whether the host believes it can reach the network (OS view plus recent request outcomes).',
    request: NoArgs,
    response: z.object({ online: z.boolean() }),
  }),
  'log.write': channel({
    description:
      'Write a renderer error or warning to the main log; tokens and e-mail addresses are redacted. ' +
      'A message over 4,000 characters is refused; `data` over about 8 KB serialized is clipped, with a marker saying so.',
    request: z
      .object({
        level: LogLevelSchema,
        message: z.string().min(1).max(4000),
        data: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    response: z.object({ written: z.literal(true) }),
  }),
  'window.setBadgeCount': channel({
    description: 'Show a count (e.g. handoffs waiting for the user) on the dock/taskbar icon; 0 clears it.',
    request: z.object({ count: z.number().int().min(0).max(9999) }).strict(),
    response: z.object({ shown: z.boolean() }),
  }),
};
