import { Dexie } from 'dexie';
import { runCommand } from '../data/commands';
import { saveSettings } from '../data/settings';
import { must, seededWorkspace } from '../../../test/support/backup-workspace';
import { openBackupsDb } from './backups-db';
import { freshDbName } from '../../../test/support/db-fixtures';
import { touchesBackedUpTable } from './backup-freshness';
import { watchWorkspaceChanges } from './workspace-changes';

describe('watching the workspace for changes', () => {
  it('a committed write to a backed-up table marks it dirty, once, until marked clean', async () => {
    const db = await seededWorkspace('watch');
    const becameDirty = vi.fn();
    const watch = watchWorkspaceChanges(db.name, becameDirty);
    try {
      expect(watch.isDirty()).toBe(false);
      must(await runCommand(db, 'h-real-1', { type: 'set_title', title: 'Renamed' }, 'local-user'));
      expect(watch.isDirty()).toBe(true);
      await saveSettings(db, { theme: 'light' });
      expect(becameDirty).toHaveBeenCalledTimes(1);

      watch.markClean();
      expect(watch.isDirty()).toBe(false);
      await db.syncMeta.put({ key: 'cursor-test', value: 1 });
      expect(watch.isDirty()).toBe(true);
      expect(becameDirty).toHaveBeenCalledTimes(2);
    } finally {
      watch.stop();
    }
  });

  it('ignores other databases, the undo table, and everything after stop', async () => {
    const db = await seededWorkspace('watch-other');
    const other = await seededWorkspace('watch-unrelated');
    const backups = openBackupsDb(freshDbName('watch-backups'));
    const watch = watchWorkspaceChanges(db.name);
    await other.handoffs.update('h-real-1', { title: 'Elsewhere' });
    await backups.meta.put({ key: 'x', value: 1 });
    await db.undo.clear();
    expect(watch.isDirty()).toBe(false);
    watch.stop();
    await db.handoffs.update('h-real-1', { title: 'After stop' });
    expect(watch.isDirty()).toBe(false);
  });

  it('counts writes other windows report (Dexie re-fires them locally as the same event)', async () => {
    const watch = watchWorkspaceChanges('baton-elsewhere');
    try {
      Dexie.on('storagemutated').fire({ 'idb://baton-elsewhere/outbox/status': [] as never });
      expect(watch.isDirty()).toBe(true);
    } finally {
      watch.stop();
    }
  });

  it('reads table names from Dexie’s mutated-part keys exactly', () => {
    expect(touchesBackedUpTable({ 'idb://baton/handoffs/': [] as never }, 'baton')).toBe(true);
    expect(touchesBackedUpTable({ 'idb://baton/events/at': [] as never }, 'baton')).toBe(true);
    expect(touchesBackedUpTable({ 'idb://baton/undo/': [] as never }, 'baton')).toBe(false);
    expect(touchesBackedUpTable({ 'idb://baton-backups/snapshots/': [] as never }, 'baton')).toBe(false);
    expect(touchesBackedUpTable({ 'idb://baton2/handoffs/': [] as never }, 'baton')).toBe(false);
  });
});
