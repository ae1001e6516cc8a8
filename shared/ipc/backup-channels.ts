import { z } from 'zod';
import { channel } from './channel';

/**
 * Why the desktop host refused a `.batonbackup` file the OS asked it to open
 * (double-click, "Open with", drag onto the dock icon). The file never reaches
 * the renderer then; the message says what to do.
 */
export const OPENED_BACKUP_REFUSALS = ['NOT_A_BACKUP_FILE', 'NOT_A_FILE', 'TOO_LARGE', 'UNREADABLE'] as const;
export const OpenedBackupRefusalSchema = z.enum(OPENED_BACKUP_REFUSALS);
export type OpenedBackupRefusal = z.infer<typeof OpenedBackupRefusalSchema>;

/** A backup file opened from the OS, as main read it: its text, or why it was refused. */
export const OpenedBackupFileSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), fileName: z.string().min(1), text: z.string() }),
  z.object({ ok: z.literal(false), fileName: z.string(), code: OpenedBackupRefusalSchema, message: z.string() }),
]);
export type OpenedBackupFile = z.infer<typeof OpenedBackupFileSchema>;

export const backupChannels = {
  'backup.takeOpenedFile': channel({
    description:
      'The backup file the OS most recently asked Baton to open, read and checked by main, or null; taking it clears it. ' +
      'The renderer asks when it starts and whenever `backup.fileOpened` rings, then lets the user confirm the restore.',
    request: z.object({}).strict(),
    response: z.object({ file: OpenedBackupFileSchema.nullable() }),
  }),
};
