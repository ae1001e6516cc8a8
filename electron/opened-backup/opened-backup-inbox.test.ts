import type { OpenedBackupFile } from '../../shared/ipc/backup-channels';
import { createOpenedBackupInbox } from './opened-backup-inbox';

const file = (fileName: string): OpenedBackupFile => ({ ok: true, fileName, text: `{"name":"${fileName}"}` });

describe('the opened-backup inbox', () => {
  it('keeps a file that arrives before anyone listens until the renderer takes it, once', async () => {
    const inbox = createOpenedBackupInbox(async (path) => file(path));
    await inbox.open('launch.batonbackup');
    expect(inbox.take()).toEqual(file('launch.batonbackup'));
    expect(inbox.take()).toBeNull();
  });

  it('rings listeners on every arrival, refusals included, until they unsubscribe', async () => {
    const refusal: OpenedBackupFile = { ok: false, fileName: 'x.txt', code: 'NOT_A_BACKUP_FILE', message: 'no' };
    const inbox = createOpenedBackupInbox(async (path) => (path === 'x.txt' ? refusal : file(path)));
    const heard: OpenedBackupFile[] = [];
    const stop = inbox.onArrival((arrived) => heard.push(arrived));
    await inbox.open('a.batonbackup');
    await inbox.open('x.txt');
    stop();
    await inbox.open('b.batonbackup');
    expect(heard).toEqual([file('a.batonbackup'), refusal]);
    expect(inbox.take()).toEqual(file('b.batonbackup'));
  });

  it('keeps the file opened last, even when an earlier, larger one finishes reading later', async () => {
    const reads = new Map<string, (file: OpenedBackupFile) => void>();
    const inbox = createOpenedBackupInbox((path) => new Promise((resolve) => reads.set(path, resolve)));
    const heard: string[] = [];
    inbox.onArrival((arrived) => heard.push(arrived.fileName));
    const first = inbox.open('big.batonbackup');
    const second = inbox.open('small.batonbackup');
    reads.get('small.batonbackup')?.(file('small.batonbackup'));
    await second;
    reads.get('big.batonbackup')?.(file('big.batonbackup'));
    await first;
    expect(heard).toEqual(['small.batonbackup']);
    expect(inbox.take()).toEqual(file('small.batonbackup'));
  });
});
