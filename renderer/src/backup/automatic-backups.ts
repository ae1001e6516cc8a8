import { backupError, type BackupResult } from '../../../shared/backup/errors';
import type { BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';
import { recordDailyBackup } from './backup-freshness';
import type { BackupsDb, SnapshotRow } from './backups-db';
import { packText, payloadSize, unpackText } from './compression';
import { exportWorkspace } from './export-workspace';
import { restoreWorkspace, type RestoreSummary } from './restore-workspace';
import type { WorkspaceFingerprint } from './workspace-fingerprint';

export const DEFAULT_KEEP_DAYS = 7;
export const BEFORE_RESTORE_ID = 'before-restore';

export type AutomaticBackupInfo = Omit<SnapshotRow, 'payload'>;

export interface AutomaticBackupOptions {
  appVersion: string;
  now?: Date;
  /** How many daily backups to keep (the newest days). */
  keepDays?: number;
  kind?: SnapshotRow['kind'];
  /**
   * For a daily backup taken by the schedule: the workspace fingerprint read
   * just before the export, and when that run started (epoch ms), saved with
   * the backup so the next start can tell whether it is still current.
   */
  fingerprint?: { value: WorkspaceFingerprint; startedAt: number };
}

/** The local calendar day of `at`, e.g. "2026-11-24": one daily backup per day the user sees. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The id of the daily backup of `at`'s local day. */
export function dailyBackupId(at: Date): string {
  return `daily-${localDay(at)}`;
}

function info(row: SnapshotRow): AutomaticBackupInfo {
  const { payload: _payload, ...rest } = row;
  return rest;
}

async function guarded<T>(what: string, work: () => Promise<T>): Promise<BackupResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: backupError('DB_FAILED', `${what}: ${toDataError(error).message}`) };
  }
}

/**
 * Takes today's automatic backup (replacing an earlier one from today) and
 * deletes daily backups beyond the newest `keepDays` days. With kind
 * 'before-restore' it keeps the workspace as it was just before a restore.
 */
export async function takeAutomaticBackup(db: BatonDb, backups: BackupsDb, options: AutomaticBackupOptions): Promise<BackupResult<AutomaticBackupInfo>> {
  const now = options.now ?? new Date();
  const kind = options.kind ?? 'daily';
  const exported = await exportWorkspace(db, { appVersion: options.appVersion, now });
  if (!exported.ok) return exported;
  const payload = await packText(exported.value.text);
  const row: SnapshotRow = {
    id: kind === 'daily' ? dailyBackupId(now) : BEFORE_RESTORE_ID,
    kind,
    takenAt: now.toISOString(),
    appVersion: options.appVersion,
    schemaVersion: db.verno,
    counts: exported.value.counts,
    payload,
    storedSize: payloadSize(payload),
  };
  const keepDays = Math.max(1, options.keepDays ?? DEFAULT_KEEP_DAYS);
  return guarded('The automatic backup was not saved', () =>
    backups.transaction('rw', backups.snapshots, backups.meta, async () => {
      await backups.snapshots.put(row);
      const dailyIds = (await backups.snapshots.where('kind').equals('daily').primaryKeys()).map(String).sort().reverse();
      await backups.snapshots.bulkDelete(dailyIds.slice(keepDays));
      if (kind === 'daily' && options.fingerprint) await recordDailyBackup(backups, row.id, options.fingerprint.value, options.fingerprint.startedAt);
      return info(row);
    }),
  );
}

/** Automatic backups, newest first, without their contents. */
export function listAutomaticBackups(backups: BackupsDb): Promise<BackupResult<AutomaticBackupInfo[]>> {
  return guarded('The automatic backups could not be listed', async () => {
    const rows = await backups.snapshots.orderBy('takenAt').reverse().toArray();
    return rows.map(info);
  });
}

export function deleteAutomaticBackup(backups: BackupsDb, id: string): Promise<BackupResult<void>> {
  return guarded('The automatic backup could not be deleted', () => backups.snapshots.delete(id));
}

/** The backup file text of an automatic backup. */
export async function readAutomaticBackup(backups: BackupsDb, id: string): Promise<BackupResult<string>> {
  const read = await guarded('The automatic backup could not be read', () => backups.snapshots.get(id));
  if (!read.ok) return read;
  if (!read.value) return { ok: false, error: backupError('NOT_FOUND', 'That automatic backup no longer exists (it was deleted or expired).') };
  try {
    return { ok: true, value: await unpackText(read.value.payload) };
  } catch {
    return { ok: false, error: backupError('NOT_JSON', 'That automatic backup is damaged (it cannot be decompressed), so it cannot be restored. Pick another one.') };
  }
}

/** Restores an automatic backup, checked exactly like a file the user picked. */
export async function restoreAutomaticBackup(db: BatonDb, backups: BackupsDb, id: string): Promise<BackupResult<RestoreSummary>> {
  const text = await readAutomaticBackup(backups, id);
  if (!text.ok) return text;
  return restoreWorkspace(db, text.value);
}
