import { backupPathFromArgv } from './backup-path-from-argv';

describe('backupPathFromArgv', () => {
  it('finds the backup a packaged launch was given', () => {
    expect(backupPathFromArgv(['/opt/Baton/baton', '/home/pm/Downloads/baton-2026-11-24.batonbackup'], '/home/pm')).toBe(
      '/home/pm/Downloads/baton-2026-11-24.batonbackup',
    );
  });

  it('skips the executable, the development app path and Chromium switches', () => {
    const argv = ['/usr/bin/electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1', 'work.BATONBACKUP'];
    expect(backupPathFromArgv(argv, '/home/pm/projects')).toBe('/home/pm/projects/work.BATONBACKUP');
  });

  it('resolves a relative path against the launching directory (a second instance’s, not ours)', () => {
    expect(backupPathFromArgv(['baton', '../shared/friday.batonbackup'], '/home/pm/desk')).toBe('/home/pm/shared/friday.batonbackup');
  });

  it('answers null when no backup was given', () => {
    expect(backupPathFromArgv(['/opt/Baton/baton'], '/')).toBeNull();
    expect(backupPathFromArgv(['/opt/Baton/baton', 'notes.txt', '--flag.batonbackup'], '/')).toBeNull();
    // The executable itself is never taken for a backup, whatever it is called.
    expect(backupPathFromArgv(['/tmp/evil.batonbackup'], '/')).toBeNull();
  });
});
