import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contract } from '../shared/ipc/contract';
import { fakeEvent, FakeBrowserWindow, getElectronFake, type ElectronFake } from '../test/setup/electron-fake';

describe('main (wiring)', () => {
  let electron: ElectronFake;
  let dir: string;
  const before = {
    uncaught: process.listeners('uncaughtException'),
    rejection: process.listeners('unhandledRejection'),
  };

  /** Calls a channel the way the window does, through the registered ipcMain handler. */
  async function callFromWindow(channel: string, request: unknown): Promise<unknown> {
    const [window] = FakeBrowserWindow.instances;
    const handler = electron.ipcMain.handlers.get(channel);
    const event = { sender: window?.webContents, senderFrame: { url: window?.webContents.url } };
    return handler?.(event, request);
  }

  beforeAll(async () => {
    electron = await getElectronFake();
    electron.reset();
    dir = mkdtempSync(join(tmpdir(), 'baton-main-'));
    electron.app.setPath('userData', join(dir, 'user-data'));
    electron.app.setPath('logs', join(dir, 'logs'));
    // Windows and Linux: a double-clicked backup launches Baton with its path.
    writeFileSync(join(dir, 'launch.batonbackup'), '{"from":"launch"}');
    const argv = process.argv;
    process.argv = [...argv, join(dir, 'launch.batonbackup')];
    try {
      await import('./main');
    } finally {
      process.argv = argv;
    }
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  });

  afterAll(() => {
    electron.app.emit('before-quit');
    for (const listener of process.listeners('uncaughtException')) if (!before.uncaught.includes(listener)) process.off('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!before.rejection.includes(listener)) process.off('unhandledRejection', listener);
  });

  it('starts with one secure window, every IPC channel, the menu and the about panel', async () => {
    const [window] = FakeBrowserWindow.instances;
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(window?.options.webPreferences?.preload)).toMatch(/preload\.cjs$/);
    expect(window?.loadFile).toHaveBeenCalledWith(expect.stringMatching(/dist[/\\]index\.html$/));
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(electron.app.setAboutPanelOptions).toHaveBeenCalledWith(expect.objectContaining({ applicationName: 'Baton', applicationVersion: '0.1.0' }));
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();

    // A call from the window reaches the real handler table.
    await expect(Promise.resolve(callFromWindow('app.info', {}))).resolves.toMatchObject({ ok: true, value: { name: 'Baton', version: '0.1.0' } });
  });

  it('hands backup files the OS opens to the renderer: at launch, from macOS open-file, from a second launch', async () => {
    const take = () => callFromWindow('backup.takeOpenedFile', {});
    const rings = () => FakeBrowserWindow.instances[0]?.webContents.sent.filter(({ channel }) => channel === 'baton:event:backup.fileOpened').length ?? 0;

    // The launch file may have arrived before the window listened: the renderer takes it when it starts.
    await vi.waitFor(async () => expect(await take()).toEqual({ ok: true, value: { file: { ok: true, fileName: 'launch.batonbackup', text: '{"from":"launch"}' } } }));
    expect(await take()).toEqual({ ok: true, value: { file: null } });

    writeFileSync(join(dir, 'finder.batonbackup'), '{"from":"finder"}');
    const openFile = fakeEvent();
    const ringsBefore = rings();
    electron.app.emit('open-file', openFile, join(dir, 'finder.batonbackup'));
    expect(openFile.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(rings()).toBe(ringsBefore + 1));
    expect(await take()).toEqual({ ok: true, value: { file: { ok: true, fileName: 'finder.batonbackup', text: '{"from":"finder"}' } } });

    writeFileSync(join(dir, 'second.batonbackup'), '{"from":"second"}');
    electron.app.emit('second-instance', {}, ['/opt/Baton/baton', '--allow-file-access-from-files', 'second.batonbackup'], dir);
    await vi.waitFor(() => expect(rings()).toBe(ringsBefore + 2));
    expect(await take()).toMatchObject({ ok: true, value: { file: { ok: true, fileName: 'second.batonbackup' } } });
    expect(FakeBrowserWindow.instances[0]?.focus).toHaveBeenCalled();

    // A refused file still rings: the renderer tells the user why.
    electron.app.emit('open-file', fakeEvent(), join(dir, 'notes.txt'));
    await vi.waitFor(() => expect(rings()).toBe(ringsBefore + 3));
    expect(await take()).toMatchObject({ ok: true, value: { file: { ok: false, fileName: 'notes.txt', code: 'NOT_A_BACKUP_FILE' } } });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});
