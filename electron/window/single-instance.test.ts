import type { BrowserWindow } from 'electron';
import { getElectronFake, type ElectronFake } from '../../test/setup/electron-fake';
import { claimSingleInstance } from './single-instance';

describe('claimSingleInstance', () => {
  let electron: ElectronFake;
  beforeEach(async () => {
    electron = await getElectronFake();
    electron.reset();
  });

  it('quits a second instance', () => {
    electron.app.singleInstanceLock = false;
    expect(claimSingleInstance(() => null)).toBe(false);
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('brings the first instance window forward when a second one starts', () => {
    const window = new electron.BrowserWindow({});
    window.minimized = true;
    expect(claimSingleInstance(() => window as unknown as BrowserWindow)).toBe(true);
    expect(electron.app.quit).not.toHaveBeenCalled();
    electron.app.emit('second-instance', {}, ['baton', 'backup.batonbackup'], '/home');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('hands the second launch’s command line and directory to the first instance', () => {
    const launches: [readonly string[], string][] = [];
    expect(claimSingleInstance(() => null, (argv, workingDirectory) => launches.push([argv, workingDirectory]))).toBe(true);
    electron.app.emit('second-instance', {}, ['baton', 'backup.batonbackup'], '/home/pm');
    expect(launches).toEqual([[['baton', 'backup.batonbackup'], '/home/pm']]);
  });
});
