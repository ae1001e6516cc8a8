import type { BatonDb } from '../data/db';
import { useUi } from '../store/ui-store';
import { startAutomaticBackups, type AutomaticBackupSchedule } from './backup-schedule';
import type { BackupsDb } from './backups-db';
import { defaultBackupsDb } from './default-backups-db';
import { ensurePersistentStorage, type PersistableStorage } from './persistent-storage';
import { loadAppVersion } from './use-app-version';

export interface BackupServiceOptions {
  backups?: BackupsDb;
  storage?: PersistableStorage;
  /** Where a failed automatic backup is reported (a toast by default). */
  onError?: (message: string) => void;
  /** Timing and where backups run (tests shorten the first delay; the app uses the defaults). */
  schedule?: Pick<AutomaticBackupSchedule, 'firstDelayMs' | 'intervalMs' | 'whenIdle' | 'run' | 'onRun'>;
}

/**
 * Called once at app start (main.tsx): asks once for persistent storage, then
 * keeps today's automatic backup current — a minute after start and on each
 * hourly check, only when the workspace changed, in a Web Worker.
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
    stop = startAutomaticBackups(db, backups, { ...options.schedule, appVersion, onError });
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
