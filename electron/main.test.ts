import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract } from '../shared/ipc/contract';
import { FakeBrowserWindow, getElectronFake } from '../test/setup/electron-fake';

describe('main (wiring)', () => {
  it('starts with one secure window, every IPC channel, the menu and the about panel', async () => {
    const electron = await getElectronFake();
    electron.reset();
    const dir = mkdtempSync(join(tmpdir(), 'baton-main-'));
    electron.app.setPath('userData', join(dir, 'user-data'));
    electron.app.setPath('logs', join(dir, 'logs'));
    const before = {
      uncaught: process.listeners('uncaughtException'),
      rejection: process.listeners('unhandledRejection'),
    };
    try {
      await import('./main');
      await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
      const [window] = FakeBrowserWindow.instances;
      expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      expect(String(window?.options.webPreferences?.preload)).toMatch(/preload\.cjs$/);
      expect(window?.loadFile).toHaveBeenCalledWith(expect.stringMatching(/dist[/\\]index\.html$/));
      expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
      expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
      expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith(expect.objectContaining({ applicationName: 'Baton', applicationVersion: '0.1.0' }));
      expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();

      // A call from the window reaches the real handler table.
      const handler = electron.ipcMain.handlers.get('app.info');
      const event = { sender: window?.webContents, senderFrame: { url: window?.webContents.url } };
      await expect(Promise.resolve(handler?.(event, {}))).resolves.toMatchObject({ ok: true, value: { name: 'Baton', version: '0.1.0' } });
    } finally {
      electron.app.emit('before-quit');
      for (const listener of process.listeners('uncaughtException')) if (!before.uncaught.includes(listener)) process.off('uncaughtException', listener);
      for (const listener of process.listeners('unhandledRejection')) if (!before.rejection.includes(listener)) process.off('unhandledRejection', listener);
    }
  });
});
