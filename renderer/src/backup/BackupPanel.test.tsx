import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DbProvider } from '../data/db-context';
import type { BatonDb } from '../data/db';
import { freshDbName } from '../../../test/support/db-fixtures';
import { openBackupsDb, type BackupsDb } from './backups-db';
import { BackupPanel } from './BackupPanel';
import { exportWorkspace } from './export-workspace';
import { takeAutomaticBackup } from './automatic-backups';
import { must, seededWorkspace, snapshotTables } from '../../../test/support/backup-workspace';

async function setup(): Promise<{ db: BatonDb; backups: BackupsDb; user: ReturnType<typeof userEvent.setup> }> {
  const db = await seededWorkspace('panel');
  const backups = openBackupsDb(freshDbName('panel-backups'));
  const user = userEvent.setup();
  render(
    <DbProvider db={db}>
      <BackupPanel backups={backups} storage={{ persist: async () => true, persisted: async () => true }} />
    </DbProvider>,
  );
  await screen.findByText(/Persistent: the system will not clear/);
  return { db, backups, user };
}

function backupFile(text: string, name = 'baton-2026-11-24-1000.batonbackup'): File {
  return new File([text], name, { type: 'application/json' });
}

describe('BackupPanel', () => {
  it('refuses a damaged file with the specific problem and changes nothing', async () => {
    const { db, user } = await setup();
    const before = await snapshotTables(db);
    await user.upload(screen.getByLabelText('Backup file to restore'), backupFile('{"format":"baton-backup","formatVersion":1,'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not valid JSON/);
    expect(screen.queryByRole('button', { name: 'Replace workspace' })).not.toBeInTheDocument();
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('lists the damaged rows of a hand-edited file', async () => {
    const { db, user } = await setup();
    const document = JSON.parse(must(await exportWorkspace(db, { appVersion: 'test' })).value.text) as { tables: { handoffs: Record<string, unknown>[] } };
    for (const handoff of document.tables.handoffs) handoff['state'] = 'SHIPPED';
    await user.upload(screen.getByLabelText('Backup file to restore'), backupFile(JSON.stringify(document)));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getAllByRole('listitem').length).toBe(document.tables.handoffs.length);
    expect(alert).toHaveTextContent(/handoffs row 1 \(id "[^"]+"\): state:/);
  });

  it('restores a good file after confirmation, keeping the previous workspace as an automatic backup', async () => {
    const { db, backups, user } = await setup();
    const text = must(await exportWorkspace(db, { appVersion: 'test' })).value.text;
    const expected = await snapshotTables(db);
    await db.handoffs.update('h-real-1', { title: 'Edited after the backup' });

    await user.upload(screen.getByLabelText('Backup file to restore'), backupFile(text));
    const confirm = await screen.findByRole('alertdialog');
    expect(confirm).toHaveTextContent(/Replace this workspace with baton-2026-11-24-1000\.batonbackup/);
    await user.click(within(confirm).getByRole('button', { name: 'Replace workspace' }));

    expect(await screen.findByText(/Restored \d+ handoffs/)).toBeInTheDocument();
    expect(await snapshotTables(db)).toEqual({ ...expected, undo: [] });
    await within(await screen.findByRole('list', { name: 'Automatic backups' })).findByText(/Before the last restore/);
    expect(await backups.snapshots.get('before-restore')).toBeDefined();
  });

  it('restores and deletes automatic backups from the list', async () => {
    const { db, backups, user } = await setup();
    must(await takeAutomaticBackup(db, backups, { appVersion: 'test', now: new Date('2026-11-23T12:00:00Z') }));
    const expected = await snapshotTables(db);
    await db.handoffs.update('h-real-1', { title: 'Edited after the automatic backup' });

    const list = await screen.findByRole('list', { name: 'Automatic backups' });
    await user.click(within(list).getByRole('button', { name: /^Restore the backup of / }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace workspace' }));
    expect(await screen.findByText(/^Restored \d+ handoffs, .* from the automatic backup of /)).toBeInTheDocument();
    expect(await snapshotTables(db)).toEqual({ ...expected, undo: [] });

    const daily = within(await screen.findByRole('list', { name: 'Automatic backups' }))
      .getAllByRole('listitem')
      .find((item) => item.textContent?.startsWith('Daily'));
    if (!daily) throw new Error('no daily backup listed');
    await user.click(within(daily).getByRole('button', { name: /^Delete the backup of / }));
    await vi.waitFor(async () => expect(await backups.snapshots.where('kind').equals('daily').count()).toBe(0));
  });
});
