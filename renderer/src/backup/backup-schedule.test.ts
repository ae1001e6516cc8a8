import { runCommand } from '../data/commands';
import { freshDbName } from '../../../test/support/db-fixtures';
import { must, seededWorkspace } from '../../../test/support/backup-workspace';
import { readBackupFreshness } from './backup-freshness';
import { workerFailure } from './backup-protocol';
import { createBackupRunner, type BackupJobRunner } from './backup-runner';
import { startAutomaticBackups } from './backup-schedule';
import { openBackupsDb } from './backups-db';
import type { ScheduledBackupJob, ScheduledBackupOutcome } from './scheduled-backup';

const APP = { appVersion: '0.1.0' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A schedule whose idle moments the test hands out, with a runner that records each job. */
async function scheduled(label: string, run?: BackupJobRunner) {
  const db = await seededWorkspace(label);
  const backups = openBackupsDb(freshDbName(`${label}-backups`));
  const idle: (() => void)[] = [];
  const jobs: ScheduledBackupJob[] = [];
  const outcomes: ScheduledBackupOutcome[] = [];
  const errors: string[] = [];
  const inThread = createBackupRunner(db, backups, { startWorker: () => null });
  const stop = startAutomaticBackups(db, backups, {
    ...APP,
    whenIdle: (task) => idle.push(task),
    run: (job) => {
      jobs.push(job);
      return (run ?? inThread)(job);
    },
    onRun: (outcome) => outcomes.push(outcome),
    onError: (message) => errors.push(message),
  });
  /** Runs the idle tasks handed out so far and waits for the backups they started. */
  const idleNow = async (): Promise<void> => {
    const settledBefore = outcomes.length + errors.length;
    const started = jobs.length;
    for (const task of idle.splice(0)) task();
    await vi.waitFor(() => expect(outcomes.length + errors.length).toBe(settledBefore + jobs.length - started));
  };
  return { db, backups, jobs, outcomes, errors, idle, idleNow, stop };
}

describe('the automatic backup schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves the first minute alone, then backs up once the app is idle', async () => {
    const s = await scheduled('schedule-first');
    vi.advanceTimersByTime(MINUTE - 1);
    expect(s.idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(s.idle).toHaveLength(1);
    expect(s.jobs).toHaveLength(0);
    await s.idleNow();
    expect(s.jobs).toMatchObject([{ onlyIfChanged: true }]);
    expect(s.outcomes).toMatchObject([{ status: 'taken' }]);
    expect(await s.backups.snapshots.count()).toBe(1);
    s.stop();
  });

  it('at start, does not re-export a workspace today’s backup already holds', async () => {
    const s = await scheduled('schedule-restart');
    vi.advanceTimersByTime(MINUTE);
    await s.idleNow();
    const firstTakenAt = (await s.backups.snapshots.toArray())[0]?.takenAt;
    s.stop();

    // The app starts again on the same workspace, unchanged.
    const outcomes: ScheduledBackupOutcome[] = [];
    const idle: (() => void)[] = [];
    const stop = startAutomaticBackups(s.db, s.backups, { ...APP, whenIdle: (task) => idle.push(task), run: createBackupRunner(s.db, s.backups, { startWorker: () => null }), onRun: (o) => outcomes.push(o) });
    vi.advanceTimersByTime(MINUTE);
    for (const task of idle.splice(0)) task();
    await vi.waitFor(() => expect(outcomes).toHaveLength(1));
    expect(outcomes[0]?.status).toBe('unchanged');
    expect((await s.backups.snapshots.toArray())[0]?.takenAt).toBe(firstTakenAt);
    stop();
  });

  it('hourly, backs up only after a write; a clean workspace is left alone', async () => {
    const s = await scheduled('schedule-hourly');
    vi.advanceTimersByTime(MINUTE);
    await s.idleNow();
    expect(s.jobs).toHaveLength(1);

    vi.advanceTimersByTime(3 * HOUR);
    expect(s.idle).toHaveLength(0);
    expect(s.jobs).toHaveLength(1);

    must(await runCommand(s.db, 'h-real-1', { type: 'set_title', title: 'Edited at work' }, 'local-user'));
    vi.advanceTimersByTime(HOUR);
    await s.idleNow();
    expect(s.jobs.slice(1)).toMatchObject([{ onlyIfChanged: false }]);
    expect(s.outcomes[1]).toMatchObject({ status: 'taken' });

    vi.advanceTimersByTime(2 * HOUR);
    expect(s.idle).toHaveLength(0);
    expect(s.jobs).toHaveLength(2);
    s.stop();
  });

  it('a write during the first minute skips the comparison; the write is remembered until a backup holds it', async () => {
    const s = await scheduled('schedule-early-write');
    must(await runCommand(s.db, 'h-real-1', { type: 'set_title', title: 'Edited right away' }, 'local-user'));
    await vi.waitFor(async () => expect((await readBackupFreshness(s.backups)).changedAt).not.toBeNull());
    vi.advanceTimersByTime(MINUTE);
    await s.idleNow();
    expect(s.jobs).toMatchObject([{ onlyIfChanged: false }]);
    expect((await readBackupFreshness(s.backups)).changedAt).toBeNull();
    s.stop();
  });

  it('a failed backup is reported and tried again at the next check', async () => {
    let fail = true;
    const s = await scheduled('schedule-fail', async (job) => (fail ? workerFailure('the disk is full.') : createBackupRunner(s.db, s.backups, { startWorker: () => null })(job)));
    vi.advanceTimersByTime(MINUTE);
    await s.idleNow();
    expect(s.errors).toEqual(['The backup could not be made: the disk is full.']);

    fail = false;
    vi.advanceTimersByTime(HOUR);
    await s.idleNow();
    expect(s.outcomes).toMatchObject([{ status: 'taken' }]);
    s.stop();
  });

  it('does nothing once stopped', async () => {
    const s = await scheduled('schedule-stop');
    s.stop();
    must(await runCommand(s.db, 'h-real-1', { type: 'set_title', title: 'After stop' }, 'local-user'));
    vi.advanceTimersByTime(5 * HOUR);
    expect(s.idle).toHaveLength(0);
    expect(s.jobs).toHaveLength(0);
  });
});
