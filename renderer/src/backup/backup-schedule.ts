import { whenIdle } from '../ui/when-idle';
import type { BatonDb } from '../data/db';
import { DEFAULT_KEEP_DAYS } from './automatic-backups';
import { noteWorkspaceChanged, planScheduledRun } from './backup-freshness';
import { workerFailure, type BackupWorkerResponse } from './backup-protocol';
import { createBackupRunner, type BackupJobRunner } from './backup-runner';
import type { BackupsDb } from './backups-db';
import type { ScheduledBackupOutcome } from './scheduled-backup';
import { watchWorkspaceChanges } from './workspace-changes';

/** Long enough for the board's first paint and the first minute of work to go undisturbed. */
export const FIRST_BACKUP_DELAY_MS = 60_000;
export const BACKUP_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface AutomaticBackupSchedule {
  appVersion: string;
  keepDays?: number;
  /** How long after start the first backup waits before asking for an idle moment (default a minute). */
  firstDelayMs?: number;
  /** How often to check whether the workspace changed and needs backing up again (default hourly). */
  intervalMs?: number;
  /** Runs `task` when the app is idle (requestIdleCallback in the browser). */
  whenIdle?: (task: () => void) => void;
  /** Where a backup runs: a Web Worker where there is one (see backup-runner.ts). */
  run?: BackupJobRunner;
  onError?: (message: string) => void;
  /** Told what each run did (taken, or skipped as unchanged). */
  onRun?: (outcome: ScheduledBackupOutcome) => void;
}

function defaultWhenIdle(task: () => void): void {
  whenIdle(task, 60_000);
}

/**
 * Keeps today's automatic backup following the day's work without getting in
 * its way: the first run waits a minute and for an idle moment, and backs up
 * only if the workspace differs from today's backup (or changed meanwhile);
 * each interval after that backs up only if something was written since the
 * last run. The work itself runs off the main thread. Returns the stop function.
 */
export function startAutomaticBackups(db: BatonDb, backups: BackupsDb, schedule: AutomaticBackupSchedule): () => void {
  const whenIdle = schedule.whenIdle ?? defaultWhenIdle;
  const run = schedule.run ?? createBackupRunner(db, backups);
  const watch = watchWorkspaceChanges(db.name, () => {
    // Remembered across restarts, so a change made in the last minutes before closing is backed up at the next start.
    // Losing this note only costs that certainty; the fingerprint check still runs, so it is not reported.
    void noteWorkspaceChanged(backups, Date.now()).catch(() => undefined);
  });
  let stopped = false;
  let firstRunStarted = false;
  let running = false;

  const backUp = async (onlyIfChanged: boolean): Promise<void> => {
    if (stopped || running) return;
    running = true;
    // Clean from here on: a write committed while this backup runs marks the workspace dirty again.
    watch.markClean();
    const job = { appVersion: schedule.appVersion, keepDays: schedule.keepDays ?? DEFAULT_KEEP_DAYS, startedAt: new Date().toISOString(), onlyIfChanged };
    let result: BackupWorkerResponse;
    try {
      result = await run(job);
    } catch (error) {
      // Runners answer failures as results; this only guards the schedule against one that throws.
      result = workerFailure(error instanceof Error ? error.message : String(error));
    } finally {
      running = false;
    }
    if (result.ok) {
      schedule.onRun?.(result.value);
      return;
    }
    watch.markDirty();
    schedule.onError?.(result.error.message);
  };

  const firstTimer = setTimeout(() => {
    whenIdle(() => {
      firstRunStarted = true;
      void backUp(planScheduledRun('first', watch.isDirty()) === 'compare-then-export');
    });
  }, schedule.firstDelayMs ?? FIRST_BACKUP_DELAY_MS);
  const checkTimer = setInterval(() => {
    if (!firstRunStarted || planScheduledRun('later', watch.isDirty()) === 'skip') return;
    whenIdle(() => {
      // Asked again: a backup that ran meanwhile may have covered the change.
      if (planScheduledRun('later', watch.isDirty()) === 'export') void backUp(false);
    });
  }, schedule.intervalMs ?? BACKUP_CHECK_INTERVAL_MS);

  return () => {
    stopped = true;
    clearTimeout(firstTimer);
    clearInterval(checkTimer);
    watch.stop();
  };
}
