import type { OpenedBackupFile } from '../../shared/ipc/backup-channels';

/**
 * Holds the backup file the OS most recently asked Baton to open until the
 * renderer takes it. The renderer pulls (at start, and when the arrival
 * listener rings it) rather than main pushing the text, so a file that
 * arrives before the window is listening — a double-click that launched the
 * app — is not lost, and no file is handed over twice.
 */
export interface OpenedBackupInbox {
  /** Checks and reads the file at `path`; it replaces any file not yet taken. */
  open(path: string): Promise<void>;
  /** The file waiting for the renderer, once; null when there is none. */
  take(): OpenedBackupFile | null;
  /** Called after each file is read (refusals too: the user should hear why). Returns the unsubscribe. */
  onArrival(listener: (file: OpenedBackupFile) => void): () => void;
}

export function createOpenedBackupInbox(read: (path: string) => Promise<OpenedBackupFile>): OpenedBackupInbox {
  let waiting: OpenedBackupFile | null = null;
  let latestRequest = 0;
  const listeners = new Set<(file: OpenedBackupFile) => void>();

  return {
    async open(path) {
      latestRequest += 1;
      const request = latestRequest;
      const file = await read(path);
      // Two files opened in quick succession: the one the user opened last wins, whichever read finished first.
      if (request !== latestRequest) return;
      waiting = file;
      for (const listener of listeners) listener(file);
    },
    take() {
      const file = waiting;
      waiting = null;
      return file;
    },
    onArrival(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
