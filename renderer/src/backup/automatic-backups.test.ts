import { runCommand } from '../data/commands';
import { freshDbName } from '../../../test/support/db-fixtures';
import {
  BEFORE_RESTORE_ID,
  deleteAutomaticBackup,
  listAutomaticBackups,
  readAutomaticBackup,
  restoreAutomaticBackup,
  takeAutomaticBackup,
} from './automatic-backups';
import { openBackupsDb } from './backups-db';
import { exportWorkspace } from './export-workspace';
import { must, seededWorkspace, snapshotTables } from '../../../test/support/backup-workspace';
import { describePersistState, ensurePersistentStorage } from './persistent-storage';

const APP = { appVersion: '0.1.0' };

function day(n: number): Date {
  return new Date(2026, 10, n, 12, 0, 0);
}

describe('automatic backups', () => {
  it('keep one backup per day and only the newest N days', async () => {
    const db = await seededWorkspace();
    const backups = openBackupsDb(freshDbName('backups'));
    for (let n = 1; n <= 10; n += 1) must(await takeAutomaticBackup(db, backups, { ...APP, now: day(n), keepDays: 7 }));
    must(await takeAutomaticBackup(db, backups, { ...APP, now: new Date(2026, 10, 10, 18, 0, 0), keepDays: 7 }));
    const list = must(await listAutomaticBackups(backups)).value;
    expect(list.map((b) => b.id)).toEqual(['2026-11-10', '2026-11-09', '2026-11-08', '2026-11-07', '2026-11-06', '2026-11-05', '2026-11-04'].map((d) => `daily-${d}`));
    expect(list[0]?.takenAt).toBe(new Date(2026, 10, 10, 18, 0, 0).toISOString());
    expect(list[0]?.counts.handoffs).toBe(await db.handoffs.count());
    expect(list[0]).not.toHaveProperty('text');
  });

  it('restore the workspace as it was, and can be deleted', async () => {
    const db = await seededWorkspace();
    const backups = openBackupsDb(freshDbName('backups'));
    must(await takeAutomaticBackup(db, backups, { ...APP, now: day(20) }));
    const before = await snapshotTables(db);
    must(await runCommand(db, 'h-real-1', { type: 'set_title', title: 'Changed later' }, 'local-user'));

    must(await takeAutomaticBackup(db, backups, { ...APP, now: day(21), kind: 'before-restore' }));
    must(await restoreAutomaticBackup(db, backups, 'daily-2026-11-20'));
    expect(await snapshotTables(db)).toEqual({ ...before, undo: [] });
    // The pre-restore backup brings the later change back.
    must(await restoreAutomaticBackup(db, backups, BEFORE_RESTORE_ID));
    expect((await db.handoffs.get('h-real-1'))?.title).toBe('Changed later');

    must(await deleteAutomaticBackup(backups, 'daily-2026-11-20'));
    const missing = await restoreAutomaticBackup(db, backups, 'daily-2026-11-20');
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('are stored compressed, and a damaged one is refused with the reason', async () => {
    const db = await seededWorkspace();
    const backups = openBackupsDb(freshDbName('backups'));
    const taken = must(await takeAutomaticBackup(db, backups, { ...APP, now: day(22) })).value;
    const exported = must(await exportWorkspace(db, APP)).value.text;
    const row = await backups.snapshots.get(taken.id);
    expect(row?.payload.kind).toBe('gzip');
    expect(taken.storedSize).toBeLessThan(exported.length / 3);
    expect(must(await readAutomaticBackup(backups, taken.id)).value.length).toBeGreaterThan(taken.storedSize);

    if (row?.payload.kind === 'gzip') await backups.snapshots.update(taken.id, { payload: { kind: 'gzip', bytes: row.payload.bytes.slice(0, 40) } });
    const before = await snapshotTables(db);
    const damaged = await restoreAutomaticBackup(db, backups, taken.id);
    expect(!damaged.ok && damaged.error).toMatchObject({ code: 'NOT_JSON', message: expect.stringContaining('damaged') });
    expect(await snapshotTables(db)).toEqual(before);
  });
});

describe('persistent storage', () => {
  it('is asked for once, then only queried', async () => {
    const backups = openBackupsDb(freshDbName('backups'));
    const storage = { persist: vi.fn(async () => true), persisted: vi.fn(async () => true) };
    const first = await ensurePersistentStorage(backups, storage, new Date('2026-11-24T10:00:00Z'));
    const second = await ensurePersistentStorage(backups, storage);
    expect(first).toEqual({ state: 'persisted', askedAt: '2026-11-24T10:00:00.000Z' });
    expect(second).toEqual(first);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(storage.persisted).toHaveBeenCalledTimes(1);
  });

  it('reports a refusal and a missing API in words', async () => {
    const backups = openBackupsDb(freshDbName('backups'));
    const refused = await ensurePersistentStorage(backups, { persist: async () => false, persisted: async () => false });
    expect(describePersistState(refused)).toMatch(/may clear/);
    const none = await ensurePersistentStorage(backups, undefined);
    expect(none.state).toBe('unsupported');
  });
});
