import { backupError, type BackupResult } from '../../../shared/backup/errors';
import { countRows, type BackupCounts } from '../../../shared/backup/format';
import { backupFileName, writeBackup } from '../../../shared/backup/write-backup';
import type { BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';

export interface ExportOptions {
  appVersion: string;
  now?: Date;
}

export interface WorkspaceExport {
  /** The backup file's text (JSON). */
  text: string;
  /** A suggested file name, e.g. "baton-2026-11-24-0930.batonbackup". */
  fileName: string;
  counts: BackupCounts;
}

/** The tables a backup holds, read together. */
export function backupTables(db: BatonDb) {
  return [db.handoffs, db.templates, db.events, db.outbox, db.settings, db.syncState, db.syncMeta];
}

/**
 * Reads the whole workspace in ONE read transaction (a consistent snapshot
 * even while sync or another window writes) and serializes it as a backup.
 */
export async function exportWorkspace(db: BatonDb, options: ExportOptions): Promise<BackupResult<WorkspaceExport>> {
  const now = options.now ?? new Date();
  try {
    const tables = await db.transaction('r', backupTables(db), async () => ({
      handoffs: await db.handoffs.toArray(),
      templates: await db.templates.toArray(),
      events: await db.events.toArray(),
      outbox: await db.outbox.orderBy('seq').toArray(),
      settings: await db.settings.toArray(),
      syncState: await db.syncState.toArray(),
      syncMeta: await db.syncMeta.toArray(),
    }));
    const text = writeBackup({ schemaVersion: db.verno, appVersion: options.appVersion, exportedAt: now.toISOString() }, tables);
    return { ok: true, value: { text, fileName: backupFileName(now), counts: countRows(tables) } };
  } catch (error) {
    return { ok: false, error: backupError('DB_FAILED', `The backup could not be made: ${toDataError(error).message}`) };
  }
}

/** The export as a downloadable file. */
export function backupBlob(text: string): Blob {
  return new Blob([text], { type: 'application/json' });
}
