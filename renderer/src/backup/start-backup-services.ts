import type { BatonDb } from '../data/db';
import { useUi } from '../store/ui-store';
import { startAutomaticBackups } from './automatic-backups';
import type { BackupsDb } from './backups-db';
import { defaultBackupsDb } from './default-backups-db';
import { ensurePersistentStorage, type PersistableStorage } from './persistent-storage';
import { loadAppVersion } from './use-app-version';

export interface BackupServiceOptions {
  backups?: BackupsDb;
  storage?: PersistableStorage;
  /** Where a failed automatic backup is reported (a toast by default). */
  onError?: (message: string) => void;
}

/**
 * Called once at app start (main.tsx): asks once for persistent storage, then
 * takes today's automatic backup and keeps it current while the app is idle.
 * Returns the stop function.
 */
export function startBackupServices(db: BatonDb, options: BackupServiceOptions = {}): () => void {
  const backups = options.backups ?? defaultBackupsDb();
  const onError = options.onError ?? ((message: string) => useUi.getState().pushToast({ message, tone: 'error', undoable: false }));
  let stop: (() => void) | null = null;
  let stopped = false;
  void ensurePersistentStorage(backups, options.storage).catch(() => undefined);
  void loadAppVersion().then((appVersion) => {
    if (stopped) return;
    stop = startAutomaticBackups(db, backups, { appVersion, onError });
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
