import { Dexie, type Table } from 'dexie';
import type { BackupCounts } from '../../../shared/backup/format';
import type { StoredPayload } from './compression';

export const BACKUPS_DB_NAME = 'baton-backups';

/** One automatic backup: a whole backup file kept inside the browser profile. */
export interface SnapshotRow {
  /** `daily-YYYY-MM-DD` (one per local day) or `before-restore` (the workspace just before the last restore). */
  id: string;
  kind: 'daily' | 'before-restore';
  takenAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: BackupCounts;
  /** The backup file (gzip where the platform can), restorable like a file the user picked. */
  payload: StoredPayload;
  /** Size of the stored payload in bytes (characters when uncompressed). */
  storedSize: number;
}

export interface BackupsMetaRow {
  key: string;
  value: unknown;
}

/**
 * Automatic backups live in their own database, so restoring or damaging the
 * workspace database never takes its backups with it.
 */
export class BackupsDb extends Dexie {
  declare snapshots: Table<SnapshotRow, string>;
  declare meta: Table<BackupsMetaRow, string>;

  constructor(name: string = BACKUPS_DB_NAME) {
    super(name);
    // Only ever append versions (same rule as the workspace database).
    this.version(1).stores({ snapshots: 'id, kind, takenAt', meta: 'key' });
  }
}

export function openBackupsDb(name: string = BACKUPS_DB_NAME): BackupsDb {
  return new BackupsDb(name);
}
