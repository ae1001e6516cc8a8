import { z } from 'zod';
import type { BackupsDb } from './backups-db';
import { WorkspaceFingerprintSchema, sameFingerprint, type WorkspaceFingerprint } from './workspace-fingerprint';

/**
 * What Baton remembers (in the backups database, so it survives restarts)
 * to tell whether the newest daily backup still matches the workspace:
 * - which daily backup the last automatic run saved, and the workspace
 *   fingerprint read just before its export;
 * - when a change was last seen that no automatic backup holds yet (the
 *   running app notes each one; a finished backup clears the ones it covers).
 */
const LAST_DAILY_KEY = 'automaticBackup.lastDaily';
const CHANGED_AT_KEY = 'automaticBackup.workspaceChangedAt';

const LastDailySchema = z.object({ snapshotId: z.string(), fingerprint: WorkspaceFingerprintSchema });
export type LastDailyBackup = z.infer<typeof LastDailySchema>;

export interface BackupFreshness {
  lastDaily: LastDailyBackup | null;
  /** Epoch ms of a change not yet backed up, or null. */
  changedAt: number | null;
}

/** Remembers that the workspace changed at `at` (epoch ms). */
export async function noteWorkspaceChanged(backups: BackupsDb, at: number): Promise<void> {
  await backups.meta.put({ key: CHANGED_AT_KEY, value: at });
}

/** Unreadable rows (an older Baton, damage) read as "unknown", which makes the next start back up. */
export async function readBackupFreshness(backups: BackupsDb): Promise<BackupFreshness> {
  const [lastDaily, changedAt] = await backups.meta.bulkGet([LAST_DAILY_KEY, CHANGED_AT_KEY]);
  const parsedLast = LastDailySchema.safeParse(lastDaily?.value);
  return {
    lastDaily: parsedLast.success ? parsedLast.data : null,
    // A note that is not a time still says "something changed".
    changedAt: changedAt === undefined ? null : typeof changedAt.value === 'number' ? changedAt.value : Number.POSITIVE_INFINITY,
  };
}

/**
 * True when the daily backup `snapshotId` exists, is the one the last
 * automatic run saved, nothing was noted as changed since, and the workspace
 * fingerprint is the same as when it was taken.
 */
export function dailyBackupIsCurrent(freshness: BackupFreshness, snapshotId: string, snapshotExists: boolean, now: WorkspaceFingerprint): boolean {
  const last = freshness.lastDaily;
  return snapshotExists && freshness.changedAt === null && last !== null && last.snapshotId === snapshotId && sameFingerprint(last.fingerprint, now);
}

/**
 * Inside the transaction that saves daily backup `snapshotId` (which must
 * include `backups.meta`): records its fingerprint and clears the change note
 * when the change was seen before the backup started reading. A change seen
 * later (at or after `startedAt`) may be missing from it, so its note stays.
 */
export async function recordDailyBackup(backups: BackupsDb, snapshotId: string, fingerprint: WorkspaceFingerprint, startedAt: number): Promise<void> {
  await backups.meta.put({ key: LAST_DAILY_KEY, value: { snapshotId, fingerprint } satisfies LastDailyBackup });
  const changed = await backups.meta.get(CHANGED_AT_KEY);
  // Baton only ever writes a number here; anything else cannot be dated and is cleared by this backup.
  if (changed !== undefined && (typeof changed.value !== 'number' || changed.value < startedAt)) await backups.meta.delete(CHANGED_AT_KEY);
}
