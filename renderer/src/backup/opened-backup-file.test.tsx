import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OpenedBackupFile } from '../../../shared/ipc/backup-channels';
import { buildBatonApi } from '../../../shared/ipc/build-api';
import { DbProvider } from '../data/db-context';
import { freshDbName, makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { useUi } from '../store/ui-store';
import { renderApp } from '../../../test/support/render-app';
import { must, seededWorkspace, snapshotTables } from '../../../test/support/backup-workspace';
import { openBackupsDb } from './backups-db';
import { BackupPanel } from './BackupPanel';
import { exportWorkspace } from './export-workspace';
import { createOpenedBackupMailbox, type OpenedBackupMailbox } from './opened-backup-file';

const refusal: OpenedBackupFile = {
  ok: false,
  fileName: 'huge.batonbackup',
  code: 'TOO_LARGE',
  message: '“huge.batonbackup” is 90 MB, more than the 64 MB Baton opens from a double-click. Restore it from Settings → Back up / Restore → Restore from a file… instead.',
};

describe('the opened-backup mailbox', () => {
  it('keeps a file until a consumer attaches, hands it over once, and holds later ones after detaching', () => {
    const mailbox = createOpenedBackupMailbox();
    const received: string[] = [];
    mailbox.deliver({ ok: true, fileName: 'first.batonbackup', text: '{}' });
    const detach = mailbox.consume((file) => received.push(file.fileName));
    mailbox.deliver(refusal);
    detach();
    mailbox.deliver({ ok: true, fileName: 'later.batonbackup', text: '{}' });
    expect(received).toEqual(['first.batonbackup', 'huge.batonbackup']);
    expect(mailbox.consume((file) => received.push(file.fileName))).toBeTypeOf('function');
    expect(received).toEqual(['first.batonbackup', 'huge.batonbackup', 'later.batonbackup']);
  });
});

async function renderPanel(mailbox: OpenedBackupMailbox) {
  const db = await seededWorkspace('opened');
  const user = userEvent.setup();
  render(
    <DbProvider db={db}>
      <BackupPanel backups={openBackupsDb(freshDbName('opened-backups'))} storage={{ persist: async () => true, persisted: async () => true }} mailbox={mailbox} />
    </DbProvider>,
  );
  await screen.findByText(/Persistent: the system will not clear/);
  return { db, user };
}

describe('BackupPanel with a backup file opened from the OS', () => {
  it('asks before replacing the workspace, with the file preselected and Cancel focused; restores only on confirmation', async () => {
    const mailbox = createOpenedBackupMailbox();
    const source = await seededWorkspace('opened-source');
    const text = must(await exportWorkspace(source, { appVersion: 'test' })).value.text;
    // The file came before the panel was there (Settings was closed).
    mailbox.deliver({ ok: true, fileName: 'friday.batonbackup', text });
    const { db, user } = await renderPanel(mailbox);
    await db.handoffs.update('h-real-1', { title: 'Edited since the backup' });
    const before = await snapshotTables(db);

    const confirm = await screen.findByRole('alertdialog');
    expect(confirm).toHaveTextContent(/Replace this workspace with friday\.batonbackup/);
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(await snapshotTables(db)).toEqual(before);

    await user.click(within(confirm).getByRole('button', { name: 'Replace workspace' }));
    expect(await screen.findByText(/Restored \d+ handoffs, .* from friday\.batonbackup/)).toBeInTheDocument();
    expect((await db.handoffs.get('h-real-1'))?.title).toBe('Spring sale — landing page 🚀');
  });

  it('cancelling leaves the workspace as it was', async () => {
    const mailbox = createOpenedBackupMailbox();
    const { db, user } = await renderPanel(mailbox);
    const text = must(await exportWorkspace(db, { appVersion: 'test' })).value.text;
    await db.handoffs.update('h-real-1', { title: 'Kept' });
    const before = await snapshotTables(db);
    act(() => mailbox.deliver({ ok: true, fileName: 'monday.batonbackup', text }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await snapshotTables(db)).toEqual(before);
  });

  it('shows why the desktop host refused the file, and offers nothing to restore', async () => {
    const mailbox = createOpenedBackupMailbox();
    await renderPanel(mailbox);
    act(() => mailbox.deliver(refusal));
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal.ok ? '' : refusal.message);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('checks the text like a picked file: a damaged one gets the specific problem', async () => {
    const mailbox = createOpenedBackupMailbox();
    await renderPanel(mailbox);
    act(() => mailbox.deliver({ ok: true, fileName: 'cut.batonbackup', text: '{"format":"baton-backup",' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not valid JSON/);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});

describe('the app and the desktop host', () => {
  afterEach(() => {
    delete window.baton;
  });

  /** A host whose `backup.takeOpenedFile` answers from `files`; every other channel answers NO_HOST. */
  function installHost(files: OpenedBackupFile[]) {
    let takes = 0;
    const listeners = new Set<(payload: unknown) => void>();
    window.baton = buildBatonApi(
      async (channel) => {
        if (channel !== 'backup.takeOpenedFile') return { ok: false, error: { code: 'NO_HOST', message: `${channel}: not in this test` } };
        takes += 1;
        return { ok: true, value: { file: files.shift() ?? null } };
      },
      (event, listener) => {
        if (event !== 'backup.fileOpened') return () => undefined;
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    );
    return {
      files,
      takes: () => takes,
      ring: () => act(() => listeners.forEach((listener) => listener({}))),
    };
  }

  it('takes a file waiting at start and one the host rings for later, opening Settings to confirm each', async () => {
    const source = await seededWorkspace('opened-app');
    const text = must(await exportWorkspace(source, { appVersion: 'test' })).value.text;
    const host = installHost([{ ok: true, fileName: 'launch.batonbackup', text }]);
    const { user } = await renderApp({ templates: [makeTemplate()], handoffs: [makeHandoff()] });

    const first = await screen.findByRole('alertdialog');
    expect(useUi.getState().view).toBe('settings');
    expect(first).toHaveTextContent(/Replace this workspace with launch\.batonbackup/);
    await user.click(within(first).getByRole('button', { name: 'Cancel' }));

    act(() => useUi.getState().setView('board'));
    host.ring();
    await waitFor(() => expect(host.takes()).toBe(2));
    // That take found nothing (a ring whose file was already taken): the board stays.
    expect(useUi.getState().view).toBe('board');

    host.files.push({ ok: true, fileName: 'later.batonbackup', text });
    host.ring();
    expect(await screen.findByRole('alertdialog')).toHaveTextContent(/Replace this workspace with later\.batonbackup/);
    expect(useUi.getState().view).toBe('settings');
    expect(host.takes()).toBe(3);
  });
});
