import { z } from 'zod';
import type { ObservabilitySet } from 'dexie';
import { BACKUP_TABLES } from '../../../shared/backup/format';
import type { BackupsDb } from './backups-db';
import { WorkspaceFingerprintSchema, type WorkspaceFingerprint } from './workspace-fingerprint';

/**
 * The one place that answers "does today's automatic backup still hold the
 * workspace?". Three kinds of evidence feed it, each for what the others miss:
 * - the running app's watch (workspace-changes.ts): a committed write to a
 *   backed-up table, seen as it happens — the answer during a session;
 * - the change note kept below: the same fact remembered across restarts, so a
 *   change made just before closing is backed up at the next start;
 * - the workspace fingerprint (workspace-fingerprint.ts): for changes made
 *   while no Baton window was watching. It holds the newest change-log key,
 *   which every committed write to a backed-up table advances, so no change
 *   escapes it (before the change log it compared row counts and newest
 *   times, and missed a settings value or an outbox status changed while
 *   nothing watched).
 *
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

const BACKED_UP_TABLES: ReadonlySet<string> = new Set(BACKUP_TABLES);

/**
 * True when a committed write (Dexie's `storagemutated` parts, keyed
 * `idb://<db>/<table>/<index>`) touched a table of database `dbName` that
 * backups hold. Writes to `undo` (not backed up) and to the backups database
 * itself (a backup's own writes) are not changes of the workspace.
 */
export function touchesBackedUpTable(parts: ObservabilitySet, dbName: string): boolean {
  const prefix = `idb://${dbName}/`;
  return Object.keys(parts).some((part) => {
    if (!part.startsWith(prefix)) return false;
    const rest = part.slice(prefix.length);
    const slash = rest.indexOf('/');
    return BACKED_UP_TABLES.has(slash === -1 ? rest : rest.slice(0, slash));
  });
}

/** What a scheduled run does: nothing, compare the workspace with today's backup first, or export right away. */
export type ScheduledRunPlan = 'skip' | 'compare-then-export' | 'export';

/**
 * The running app's part of the answer. A write seen this session means the
 * backup is stale: export without comparing. Without one, the first run of a
 * session still compares (the workspace may have changed while no window
 * watched), and later runs have nothing to do.
 */
export function planScheduledRun(run: 'first' | 'later', changedThisSession: boolean): ScheduledRunPlan {
  if (changedThisSession) return 'export';
  return run === 'first' ? 'compare-then-export' : 'skip';
}

function sameFingerprint(a: WorkspaceFingerprint, b: WorkspaceFingerprint): boolean {
  return (
    a.schemaVersion === b.schemaVersion &&
    a.lastChange === b.lastChange &&
    a.newestHandoffUpdate === b.newestHandoffUpdate &&
    a.newestEventAt === b.newestEventAt &&
    a.newestOutboxSeq === b.newestOutboxSeq
  );
}

/**
 * The comparison of a 'compare-then-export' run (in the backup worker):
 * true when the daily backup `snapshotId` exists, is the one the last
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
