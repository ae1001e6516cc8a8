import { backupError, type BackupResult } from '../../../shared/backup/errors';
import { countRows, type BackupContents, type BackupCounts } from '../../../shared/backup/format';
import { readBackup } from '../../../shared/backup/read-backup';
import type { BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';
import { LATEST_SCHEMA_VERSION } from '../data/migrations';
import { WORKSPACE_INITIALIZED_KEY } from '../data/workspace';

export interface RestoreSummary {
  counts: BackupCounts;
  exportedAt: string;
  appVersion: string;
  /** The database schema the backup was taken from (older ones were upgraded on the way in). */
  sourceSchemaVersion: number;
}

/** Checks a backup file without touching the workspace (for "Restore this backup from …?" confirmations). */
export function inspectBackup(fileText: string): BackupResult<BackupContents> {
  return readBackup(fileText, LATEST_SCHEMA_VERSION);
}

/**
 * Replaces the whole workspace with a checked backup in ONE rw transaction:
 * either every table holds the backup's rows afterwards, or (a failure
 * anywhere, e.g. a full disk) the workspace is exactly as it was. Undo slots
 * are cleared: they describe changes to the data being replaced.
 */
export async function restoreContents(db: BatonDb, contents: BackupContents): Promise<BackupResult<RestoreSummary>> {
  const { tables } = contents;
  try {
    await db.transaction('rw', db.allTables, async () => {
      await Promise.all(db.allTables.map((table) => table.clear()));
      await db.handoffs.bulkAdd(tables.handoffs);
      await db.templates.bulkAdd(tables.templates);
      await db.events.bulkAdd(tables.events);
      await db.outbox.bulkAdd(tables.outbox);
      await db.settings.bulkAdd(tables.settings);
      await db.syncState.bulkAdd(tables.syncState);
      await db.syncMeta.bulkAdd(tables.syncMeta);
      // A restored workspace is set up: the first-run demo must not be added on top of it.
      if (!tables.syncMeta.some((row) => row.key === WORKSPACE_INITIALIZED_KEY)) {
        await db.syncMeta.put({ key: WORKSPACE_INITIALIZED_KEY, value: new Date().toISOString() });
      }
    });
  } catch (error) {
    return {
      ok: false,
      error: backupError('DB_FAILED', `The backup was not restored and your workspace is unchanged: ${toDataError(error).message}`),
    };
  }
  return {
    ok: true,
    value: {
      counts: countRows(tables),
      exportedAt: contents.exportedAt,
      appVersion: contents.appVersion,
      sourceSchemaVersion: contents.sourceSchemaVersion,
    },
  };
}

/**
 * Restores a backup file: validates EVERYTHING first (JSON, header, versions,
 * every row, rows against each other), upgrading rows from an older schema,
 * and only then replaces the workspace in one transaction. A bad file gets a
 * specific error and loses nothing already saved.
 */
export async function restoreWorkspace(db: BatonDb, fileText: string): Promise<BackupResult<RestoreSummary>> {
  const contents = inspectBackup(fileText);
  if (!contents.ok) return contents;
  return restoreContents(db, contents.value);
}
