import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { getElectronFake, type ElectronFake } from '../../test/setup/electron-fake';
import { contract } from '../../shared/ipc/contract';
import { createHandlers } from './create-handlers';
import { memoryHostDeps } from '../../test/host/memory-deps';
import { registerIpcHandlers } from './register';

const location = { kind: 'dev-server', url: 'http://127.0.0.1:5173/' } as const;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('registerIpcHandlers', () => {
  let electron: ElectronFake;
  let mainWindow: BrowserWindow;

  beforeEach(async () => {
    electron = await getElectronFake();
    electron.reset();
    mainWindow = new electron.BrowserWindow({}) as unknown as BrowserWindow;
    registerIpcHandlers({ handlers: createHandlers(memoryHostDeps()), contract, getMainWindow: () => mainWindow, location, logger: silent });
  });

  function invoke(channel: string, sender: unknown, frameUrl: string | undefined, payload: unknown): Promise<unknown> {
    const handler = electron.ipcMain.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    const event = { sender, senderFrame: frameUrl === undefined ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
    return Promise.resolve(handler(event, payload));
  }

  it('registers exactly the contract channels', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('answers calls from the main window showing the app', async () => {
    await expect(invoke('online.status', mainWindow.webContents, 'http://127.0.0.1:5173/index.html', {})).resolves.toEqual({
      ok: true,
      value: { online: true },
    });
  });

  it('refuses calls from another window', async () => {
    const other = new electron.BrowserWindow({});
    await expect(invoke('app.info', other.webContents, 'http://127.0.0.1:5173/', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it.each(['https://evil.example/', 'http://127.0.0.1:5174/', 'file:///tmp/x.html', undefined])('refuses calls from a frame at %s', async (url) => {
    await expect(invoke('app.info', mainWindow.webContents, url, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses calls once the main window is gone', async () => {
    electron.ipcMain.handlers.clear();
    registerIpcHandlers({ handlers: createHandlers(memoryHostDeps()), contract, getMainWindow: () => null, location, logger: silent });
    await expect(invoke('app.info', mainWindow.webContents, 'http://127.0.0.1:5173/', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('unregisters every channel', () => {
    electron.ipcMain.handlers.clear();
    const unregister = registerIpcHandlers({ handlers: createHandlers(memoryHostDeps()), contract, getMainWindow: () => mainWindow, location, logger: silent });
    unregister();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
