import { BACKUP_FILE_EXTENSION, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, type BackupTableName } from './format';

export interface BackupHeaderInput {
  /** The Dexie schema version of the database the rows were read from. */
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
}

/**
 * Serializes rows read from the workspace into a backup file. The rows are
 * written as stored (they were validated when they were written), so a
 * restore gives back exactly what was there.
 */
export function writeBackup(header: BackupHeaderInput, tables: { [T in BackupTableName]: readonly unknown[] }): string {
  const ordered = Object.fromEntries(BACKUP_TABLES.map((table) => [table, tables[table]]));
  return JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: header.schemaVersion,
    exportedAt: header.exportedAt,
    appVersion: header.appVersion,
    tables: ordered,
  });
}

/** "baton-2026-11-24-0930.batonbackup" (UTC), so backups sort by name in a folder. */
export function backupFileName(at: Date): string {
  const iso = at.toISOString();
  return `baton-${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${BACKUP_FILE_EXTENSION}`;
}
