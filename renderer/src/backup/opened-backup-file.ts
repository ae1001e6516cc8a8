import { useEffect } from 'react';
import { backupError, type BackupError } from '../../../shared/backup/errors';
import { backupChannels, type OpenedBackupFile } from '../../../shared/ipc/backup-channels';
import { callHostResult, hasHost, onHostEvent } from '../api/baton';
import { useUi } from '../store/ui-store';

type Consumer = (file: OpenedBackupFile) => void;

/**
 * Hands a backup file the OS opened (double-click, Open With) to the Back up
 * / Restore panel. The panel may not be mounted when the file comes (Settings
 * closed, or still loading), so the newest file waits here until it is; each
 * file is handed over once, so reopening Settings does not ask again.
 */
export interface OpenedBackupMailbox {
  deliver(file: OpenedBackupFile): void;
  /** Receive files from now on, starting with one that is waiting. Returns the detach. */
  consume(consumer: Consumer): () => void;
}

export function createOpenedBackupMailbox(): OpenedBackupMailbox {
  let waiting: OpenedBackupFile | null = null;
  let current: Consumer | null = null;
  return {
    deliver(file) {
      if (current === null) waiting = file;
      else current(file);
    },
    consume(consumer) {
      current = consumer;
      const file = waiting;
      waiting = null;
      if (file !== null) consumer(file);
      return () => {
        if (current === consumer) current = null;
      };
    },
  };
}

/** The app's one mailbox: filled by `useOpenedBackupFiles`, emptied by the BackupPanel. */
export const openedBackups = createOpenedBackupMailbox();

/** Why main refused the file, in the panel's error shape (the message is main's sentence). */
export function openedFileError(file: Extract<OpenedBackupFile, { ok: false }>): BackupError {
  return backupError(file.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'NOT_A_BACKUP', file.message);
}

/**
 * Takes the file the desktop host holds, if any, and opens Settings, where
 * the Back up / Restore panel asks the user to confirm: nothing is restored
 * without that. A failed call (an older host without the channel) or an
 * answer of the wrong shape just means no file.
 */
export async function takeOpenedBackupFile(mailbox: OpenedBackupMailbox = openedBackups): Promise<void> {
  const result = await callHostResult('backup.takeOpenedFile', {});
  if (!result.ok) return;
  // Main validated the answer; checked again because a stand-in host may answer anything.
  const answer = backupChannels['backup.takeOpenedFile'].response.safeParse(result.value);
  if (!answer.success || answer.data.file === null) return;
  useUi.getState().setView('settings');
  mailbox.deliver(answer.data.file);
}

/**
 * Mount once. Takes a backup file the OS opened when the app starts (the
 * double-click may have launched it, before anything listened) and each
 * time the host rings `backup.fileOpened`.
 */
export function useOpenedBackupFiles(): void {
  useEffect(() => {
    if (!hasHost()) return undefined;
    void takeOpenedBackupFile();
    return onHostEvent('backup.fileOpened', () => void takeOpenedBackupFile());
  }, []);
}
