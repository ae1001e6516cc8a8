import { runCommand } from '../data/commands';
import { saveSettings } from '../data/settings';
import { freshDbName } from '../../../test/support/db-fixtures';
import { deleteAutomaticBackup } from './automatic-backups';
import { must, seededWorkspace } from '../../../test/support/backup-workspace';
import { noteWorkspaceChanged, readBackupFreshness } from './backup-freshness';
import { openBackupsDb } from './backups-db';
import { runScheduledBackup, type ScheduledBackupJob } from './scheduled-backup';

const MORNING = new Date(2026, 10, 24, 9, 0, 0);
const NOON = new Date(2026, 10, 24, 12, 0, 0);

function job(at: Date, onlyIfChanged: boolean): ScheduledBackupJob {
  return { appVersion: '0.1.0', keepDays: 7, startedAt: at.toISOString(), onlyIfChanged };
}

async function setUp(label: string) {
  const db = await seededWorkspace(label);
  const backups = openBackupsDb(freshDbName(`${label}-backups`));
  const first = must(await runScheduledBackup(db, backups, job(MORNING, false))).value;
  expect(first).toMatchObject({ status: 'taken', backup: { id: 'daily-2026-11-24', takenAt: MORNING.toISOString() } });
  return { db, backups };
}

async function takenAtOfToday(backups: ReturnType<typeof openBackupsDb>): Promise<string | undefined> {
  return (await backups.snapshots.get('daily-2026-11-24'))?.takenAt;
}

describe('the scheduled backup at start', () => {
  it('does not export again when today’s backup already holds the workspace', async () => {
    const { db, backups } = await setUp('sched-same');
    const outcome = must(await runScheduledBackup(db, backups, job(NOON, true))).value;
    expect(outcome).toEqual({ status: 'unchanged', backupId: 'daily-2026-11-24' });
    expect(await takenAtOfToday(backups)).toBe(MORNING.toISOString());
  });

  it('backs up a workspace that changed since (a handoff edit, a deleted handoff)', async () => {
    const { db, backups } = await setUp('sched-changed');
    must(await runCommand(db, 'h-real-1', { type: 'set_title', title: 'Changed after the backup' }, 'local-user'));
    expect(must(await runScheduledBackup(db, backups, job(NOON, true))).value.status).toBe('taken');
    expect(await takenAtOfToday(backups)).toBe(NOON.toISOString());

    const before = await db.handoffs.count();
    await db.handoffs.delete('h-real-2');
    const later = new Date(2026, 10, 24, 13, 0, 0);
    expect(must(await runScheduledBackup(db, backups, job(later, true))).value).toMatchObject({ status: 'taken', backup: { counts: { handoffs: before - 1 } } });
  });

  it('backs up a change made while no window watched, even one that changes no count or time (a settings value)', async () => {
    const { db, backups } = await setUp('sched-unwatched');
    await saveSettings(db, { theme: 'light' });
    expect(must(await runScheduledBackup(db, backups, job(NOON, true))).value.status).toBe('taken');
    expect(must(await runScheduledBackup(db, backups, job(new Date(2026, 10, 24, 13, 0, 0), true))).value.status).toBe('unchanged');
  });

  it('backs up a change the app noted, and that backup covers the note', async () => {
    const { db, backups } = await setUp('sched-noted');
    await saveSettings(db, { theme: 'light' });
    await noteWorkspaceChanged(backups, MORNING.getTime() + 1);
    expect(must(await runScheduledBackup(db, backups, job(NOON, true))).value.status).toBe('taken');
    // That backup covers the note, so the next start has nothing to do.
    expect((await readBackupFreshness(backups)).changedAt).toBeNull();
    expect(must(await runScheduledBackup(db, backups, job(new Date(2026, 10, 24, 13, 0, 0), true))).value.status).toBe('unchanged');
  });

  it('keeps a change noted after the backup started reading (it may be missing from it)', async () => {
    const { db, backups } = await setUp('sched-late-note');
    await noteWorkspaceChanged(backups, NOON.getTime());
    must(await runScheduledBackup(db, backups, job(NOON, false)));
    expect((await readBackupFreshness(backups)).changedAt).toBe(NOON.getTime());
    expect(must(await runScheduledBackup(db, backups, job(new Date(2026, 10, 24, 13, 0, 0), true))).value.status).toBe('taken');
  });

  it('backs up on a new day, and when today’s backup was deleted', async () => {
    const { db, backups } = await setUp('sched-new-day');
    const tomorrow = new Date(2026, 10, 25, 9, 0, 0);
    expect(must(await runScheduledBackup(db, backups, job(tomorrow, true))).value).toMatchObject({ status: 'taken', backup: { id: 'daily-2026-11-25' } });
    must(await deleteAutomaticBackup(backups, 'daily-2026-11-25'));
    expect(must(await runScheduledBackup(db, backups, job(new Date(2026, 10, 25, 10, 0, 0), true))).value.status).toBe('taken');
  });

  it('backs up when what it remembers is unreadable', async () => {
    const { db, backups } = await setUp('sched-damaged');
    await backups.meta.put({ key: 'automaticBackup.lastDaily', value: { snapshotId: 'daily-2026-11-24', fingerprint: 'garbage' } });
    expect(must(await runScheduledBackup(db, backups, job(NOON, true))).value.status).toBe('taken');
  });

  it('reports a workspace it cannot read as a backup that could not be made, and saves nothing', async () => {
    const { db, backups } = await setUp('sched-closed');
    db.close();
    const result = await runScheduledBackup(db, backups, job(NOON, false));
    expect(!result.ok && result.error).toMatchObject({ code: 'DB_FAILED', message: expect.stringMatching(/^The backup could not be made: /) });
    expect(await takenAtOfToday(backups)).toBe(MORNING.toISOString());
  });
});
