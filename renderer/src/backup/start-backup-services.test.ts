import { freshDbName } from '../../../test/support/db-fixtures';
import { seededWorkspace } from '../../../test/support/backup-workspace';
import { openBackupsDb } from './backups-db';
import { startBackupServices } from './start-backup-services';

describe('startBackupServices', () => {
  it('asks for persistent storage and takes today’s backup (browser build: version "browser")', async () => {
    const db = await seededWorkspace('services');
    const backups = openBackupsDb(freshDbName('services-backups'));
    const storage = { persist: vi.fn(async () => true), persisted: vi.fn(async () => true) };
    const errors: string[] = [];
    // No Worker in jsdom: this also covers the same-thread fallback end to end.
    const stop = startBackupServices(db, { backups, storage, onError: (message) => errors.push(message), schedule: { firstDelayMs: 0 } });
    await vi.waitFor(async () => expect(await backups.snapshots.count()).toBe(1));
    stop();
    const [snapshot] = await backups.snapshots.toArray();
    expect(snapshot).toMatchObject({ kind: 'daily', appVersion: 'browser', counts: { handoffs: await db.handoffs.count() } });
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([]);
  });

  it('reports a backup that cannot be taken', async () => {
    const db = await seededWorkspace('services-fail');
    db.close();
    const errors: string[] = [];
    const stop = startBackupServices(db, { backups: openBackupsDb(freshDbName('services-fail-backups')), onError: (message) => errors.push(message), schedule: { firstDelayMs: 0 } });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    stop();
    expect(errors[0]).toMatch(/^The backup could not be made: /);
  });
});
