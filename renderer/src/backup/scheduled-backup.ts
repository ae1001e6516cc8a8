import { backupError, type BackupResult } from '../../../shared/backup/errors';
import type { BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';
import { dailyBackupId, takeAutomaticBackup, type AutomaticBackupInfo } from './automatic-backups';
import { dailyBackupIsCurrent, readBackupFreshness } from './backup-freshness';
import type { BackupsDb } from './backups-db';
import { readWorkspaceFingerprint, type WorkspaceFingerprint } from './workspace-fingerprint';

/** One run of the automatic backup schedule (what the main thread asks the backup worker to do). */
export interface ScheduledBackupJob {
  appVersion: string;
  keepDays: number;
  /** When the run started (ISO 8601): the backup's time and day; changes seen from then on stay noted. */
  startedAt: string;
  /** At app start: skip the export when today's backup already matches the workspace. */
  onlyIfChanged: boolean;
}

export type ScheduledBackupOutcome = { status: 'taken'; backup: AutomaticBackupInfo } | { status: 'unchanged'; backupId: string };

async function todaysBackupIsCurrent(backups: BackupsDb, id: string, fingerprint: WorkspaceFingerprint): Promise<boolean> {
  try {
    const [freshness, existing] = await Promise.all([readBackupFreshness(backups), backups.snapshots.where('id').equals(id).count()]);
    return dailyBackupIsCurrent(freshness, id, existing > 0, fingerprint);
  } catch {
    // Cannot tell: back up. If the backups database is really broken, saving reports why.
    return false;
  }
}

/**
 * Takes the daily automatic backup — unless `onlyIfChanged` and today's
 * backup already holds this workspace. The fingerprint is read BEFORE the
 * export, so a write landing between the two makes the stored fingerprint
 * older than the backup: the next start backs up again rather than missing it.
 */
export async function runScheduledBackup(db: BatonDb, backups: BackupsDb, job: ScheduledBackupJob): Promise<BackupResult<ScheduledBackupOutcome>> {
  const now = new Date(job.startedAt);
  let fingerprint: WorkspaceFingerprint;
  try {
    fingerprint = await readWorkspaceFingerprint(db);
  } catch (error) {
    return { ok: false, error: backupError('DB_FAILED', `The backup could not be made: ${toDataError(error).message}`) };
  }
  const id = dailyBackupId(now);
  if (job.onlyIfChanged && (await todaysBackupIsCurrent(backups, id, fingerprint))) return { ok: true, value: { status: 'unchanged', backupId: id } };
  const taken = await takeAutomaticBackup(db, backups, {
    appVersion: job.appVersion,
    now,
    keepDays: job.keepDays,
    fingerprint: { value: fingerprint, startedAt: now.getTime() },
  });
  return taken.ok ? { ok: true, value: { status: 'taken', backup: taken.value } } : taken;
}
