import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOpenedBackupFile } from './read-opened-backup';

describe('readOpenedBackupFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-opened-'));
  });

  it('reads a backup file as text, without a byte-order mark', async () => {
    const path = join(dir, 'friday.batonbackup');
    writeFileSync(path, '\uFEFF{"format":"baton-backup"}');
    expect(await readOpenedBackupFile(path)).toEqual({ ok: true, fileName: 'friday.batonbackup', text: '{"format":"baton-backup"}' });
  });

  it.skipIf(process.platform === 'win32')('follows a link to a backup file', async () => {
    writeFileSync(join(dir, 'real.batonbackup'), '{}');
    symlinkSync(join(dir, 'real.batonbackup'), join(dir, 'link.batonbackup'));
    expect(await readOpenedBackupFile(join(dir, 'link.batonbackup'))).toMatchObject({ ok: true, text: '{}' });
  });

  it('refuses another extension without reading it', async () => {
    const path = join(dir, 'passwords.txt');
    writeFileSync(path, 'secret');
    expect(await readOpenedBackupFile(path)).toEqual({
      ok: false,
      fileName: 'passwords.txt',
      code: 'NOT_A_BACKUP_FILE',
      message: '“passwords.txt” is not a Baton backup: Baton opens only .batonbackup files.',
    });
  });

  it('refuses a folder named like a backup', async () => {
    mkdirSync(join(dir, 'folder.batonbackup'));
    expect(await readOpenedBackupFile(join(dir, 'folder.batonbackup'))).toMatchObject({ ok: false, code: 'NOT_A_FILE' });
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe before opening it (opening one would wait forever)', async () => {
    const path = join(dir, 'pipe.batonbackup');
    execFileSync('mkfifo', [path]);
    expect(await readOpenedBackupFile(path)).toMatchObject({ ok: false, code: 'NOT_A_FILE' });
  });

  it('refuses a file over the limit, pointing at Settings', async () => {
    const path = join(dir, 'huge.batonbackup');
    writeFileSync(path, 'x'.repeat(3 * 1024));
    const result = await readOpenedBackupFile(path, 2 * 1024);
    expect(result).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(result.ok ? '' : result.message).toBe(
      '“huge.batonbackup” is 3 KB, more than the 2 KB Baton opens from a double-click. Restore it from Settings → Back up / Restore → Restore from a file… instead.',
    );
  });

  it('reads a file exactly at the limit', async () => {
    const path = join(dir, 'edge.batonbackup');
    writeFileSync(path, 'y'.repeat(2048));
    expect(await readOpenedBackupFile(path, 2048)).toMatchObject({ ok: true, text: 'y'.repeat(2048) });
  });

  it('refuses a file that is not UTF-8 text', async () => {
    const path = join(dir, 'binary.batonbackup');
    writeFileSync(path, Buffer.from([0x7b, 0xff, 0xfe, 0x00]));
    expect(await readOpenedBackupFile(path)).toMatchObject({ ok: false, code: 'NOT_A_BACKUP_FILE', message: expect.stringContaining('not text') });
  });

  it('says a missing file no longer exists', async () => {
    expect(await readOpenedBackupFile(join(dir, 'gone.batonbackup'))).toEqual({
      ok: false,
      fileName: 'gone.batonbackup',
      code: 'UNREADABLE',
      message: 'Baton could not open “gone.batonbackup”: it no longer exists.',
    });
  });
});
