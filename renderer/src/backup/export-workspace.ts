import { backupError, type BackupResult } from '../../../shared/backup/errors';
import { countRows, type BackupCounts } from '../../../shared/backup/format';
import { backupFileName, writeBackup } from '../../../shared/backup/write-backup';
import type { BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';
import type { OutboxEntry } from '../../../shared/sync/outbox';
import { pruneChangeLog, readWorkspaceSnapshot, type SnapshotOptions } from './workspace-snapshot';

export interface ExportOptions {
  appVersion: string;
  now?: Date;
  snapshot?: SnapshotOptions;
}

export interface WorkspaceExport {
  /** The backup file's text (JSON). */
  text: string;
  /** A suggested file name, e.g. "baton-2026-11-24-0930.batonbackup". */
  fileName: string;
  counts: BackupCounts;
}

/** The outbox in the order it is sent (its rows are stored by id). */
function bySeq(rows: unknown[]): OutboxEntry[] {
  return (rows as OutboxEntry[]).sort((a, b) => a.seq - b.seq);
}

/**
 * Reads the whole workspace as it was at one moment (a consistent snapshot
 * even while the user, sync or another window writes; see
 * workspace-snapshot.ts) and serializes it as a backup.
 */
export async function exportWorkspace(db: BatonDb, options: ExportOptions): Promise<BackupResult<WorkspaceExport>> {
  const now = options.now ?? new Date();
  try {
    const rows = await readWorkspaceSnapshot(db, options.snapshot);
    const tables = { ...rows, outbox: bySeq(rows.outbox) };
    // The snapshot no longer needs the older changes; failing to forget them costs only space.
    await pruneChangeLog(db, now.getTime()).catch(() => undefined);
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
