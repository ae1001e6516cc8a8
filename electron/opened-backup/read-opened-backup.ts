import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BACKUP_FILE_EXTENSION } from '../../shared/backup/format';
import type { OpenedBackupFile, OpenedBackupRefusal } from '../../shared/ipc/backup-channels';

/**
 * The largest backup Baton takes from the OS. Lower than what "Restore from a
 * file…" reads (MAX_BACKUP_CHARS): this text crosses IPC as one string, and
 * Electron's IPC fails on strings near V8's 512 MB limit (two bytes a
 * character once the text holds any non-Latin-1 letter). A handoff
 * workspace is a few megabytes; the message points bigger files at Settings.
 */
export const MAX_OPENED_BACKUP_BYTES = 64 * 1024 * 1024;

function size(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= MB ? `${Math.ceil(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function refused(fileName: string, code: OpenedBackupRefusal, message: string): OpenedBackupFile {
  return { ok: false, fileName, code, message };
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it no longer exists';
  if (code === 'EACCES' || code === 'EPERM') return 'Baton is not allowed to read it';
  return typeof code === 'string' ? `the system answered ${code}` : 'the system refused';
}

/**
 * Checks and reads a file the OS asked Baton to open. Only regular
 * `.batonbackup` files up to the size limit are read: a folder, a device or
 * a named pipe (which would block the read forever) is refused before it is
 * opened, and the size is checked again on the open file, so one swapped in
 * between the checks is caught too. The text must be UTF-8, as Baton writes
 * it. Never throws: every refusal is a value with a sentence for the user.
 */
export async function readOpenedBackupFile(path: string, maxBytes = MAX_OPENED_BACKUP_BYTES): Promise<OpenedBackupFile> {
  const fileName = basename(path);
  if (!fileName.toLowerCase().endsWith(BACKUP_FILE_EXTENSION)) {
    return refused(fileName, 'NOT_A_BACKUP_FILE', `“${fileName}” is not a Baton backup: Baton opens only ${BACKUP_FILE_EXTENSION} files.`);
  }
  const tooLarge = (bytes: number) =>
    refused(
      fileName,
      'TOO_LARGE',
      `“${fileName}” is ${size(bytes)}, more than the ${size(maxBytes)} Baton opens from a double-click. ` +
        'Restore it from Settings → Back up / Restore → Restore from a file… instead.',
    );
  const notAFile = refused(fileName, 'NOT_A_FILE', `“${fileName}” is not a regular file (a folder or a device), so Baton did not open it.`);

  try {
    const before = await stat(path);
    if (!before.isFile()) return notAFile;
    if (before.size > maxBytes) return tooLarge(before.size);

    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return notAFile;
      if (info.size > maxBytes) return tooLarge(info.size);
      // One byte more than the file claims: filling it means the file grew while being read.
      const buffer = Buffer.alloc(info.size + 1);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled === buffer.length) {
          return refused(fileName, 'UNREADABLE', `“${fileName}” changed while Baton was reading it. Open it again once it is saved.`);
        }
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, filled));
      } catch {
        return refused(fileName, 'NOT_A_BACKUP_FILE', `“${fileName}” is not a Baton backup: it is not text.`);
      }
      return { ok: true, fileName, text };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return refused(fileName, 'UNREADABLE', `Baton could not open “${fileName}”: ${reason(error)}.`);
  }
}
