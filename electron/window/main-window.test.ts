import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeEvent, FakeBrowserWindow, getElectronFake, type ElectronFake } from '../../test/setup/electron-fake';
import { CONTENT_SECURITY_POLICY } from './csp';
import { createMainWindow } from './main-window';

const location = { kind: 'file', indexHtml: '/opt/baton/resources/app.asar/dist/index.html' } as const;

describe('createMainWindow', () => {
  let electron: ElectronFake;
  let dir: string;
  let openExternal: ReturnType<typeof vi.fn<(url: string) => void>>;
  const warnings: string[] = [];
  const logger = { info: () => undefined, warn: (message: string) => warnings.push(message), error: () => undefined };

  function open(): FakeBrowserWindow {
    createMainWindow({ preloadPath: '/opt/baton/preload.cjs', location, boundsFile: join(dir, 'window-state.json'), logger, openExternal });
    const window = FakeBrowserWindow.instances.at(-1);
    if (window === undefined) throw new Error('no window created');
    return window;
  }

  beforeEach(async () => {
    electron = await getElectronFake();
    electron.reset();
    dir = mkdtempSync(join(tmpdir(), 'baton-window-'));
    openExternal = vi.fn<(url: string) => void>();
    warnings.length = 0;
  });

  it('runs the renderer isolated, sandboxed and without Node', () => {
    const { options } = open();
    expect(options.webPreferences).toEqual(
      expect.objectContaining({
        preload: '/opt/baton/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
      }),
    );
  });

  it('loads the built renderer from file when packaged', () => {
    const window = open();
    expect(window.loadFile).toHaveBeenCalledWith(location.indexHtml);
    expect(window.loadURL).not.toHaveBeenCalled();
  });

  it('adds the CSP header to every response, replacing any other', () => {
    open();
    const listener = electron.session.defaultSession.headersListener;
    expect(listener).not.toBeNull();
    const callback = vi.fn();
    listener?.({ url: 'file:///x', responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Other': ['1'] } });
  });

  it('denies every permission request and check but clipboard writes from the app', () => {
    open();
    const session = electron.session.defaultSession;
    const appPage = 'file:///opt/baton/resources/app.asar/dist/index.html';
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'midi', 'unknown']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, { requestingUrl: appPage });
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.({}, permission, 'file://', {})).toBe(false);
    }
    const fromApp = vi.fn();
    session.permissionRequestHandler?.({}, 'clipboard-sanitized-write', fromApp, { requestingUrl: appPage });
    expect(fromApp).toHaveBeenCalledWith(true);
    const fromElsewhere = vi.fn();
    session.permissionRequestHandler?.({}, 'clipboard-sanitized-write', fromElsewhere, { requestingUrl: 'https://evil.example/' });
    expect(fromElsewhere).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('cancels navigation and redirects away from the app, sending https links to the OS', () => {
    const { webContents } = open();
    const inside = fakeEvent({ url: 'file:///opt/baton/resources/app.asar/dist/index.html#/board' });
    webContents.emit('will-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);

    const external = fakeEvent({ url: 'https://example.com/brief' });
    webContents.emit('will-navigate', external);
    expect(external.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/brief');

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://evil.example/']) {
      const event = fakeEvent({ url });
      webContents.emit('will-navigate', event);
      expect(event.defaultPrevented).toBe(true);
    }
    const redirect = fakeEvent({ url: 'https://example.com/' });
    webContents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('never opens new windows; allowed links go to the OS instead', () => {
    const { webContents } = open();
    const handler = webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of ['https://example.com', 'mailto:pm@example.com', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'about:blank']) {
      expect(handler?.({ url, disposition: 'new-window' })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com', 'mailto:pm@example.com']);
  });

  it('refuses webviews', () => {
    const { webContents } = open();
    const event = fakeEvent();
    webContents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('remembers its bounds across launches', () => {
    const first = open();
    first.setBounds({ x: 100, y: 80, width: 1000, height: 700 });
    first.close();
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: false });
    const second = open();
    expect(second.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
  });

  it('opens at the default size when the saved bounds are corrupt or off-screen', () => {
    writeFileSync(join(dir, 'window-state.json'), '{"x": 1, "y":');
    expect(open().options).toMatchObject({ width: 1280, height: 820 });
    expect(open().options.x).toBeUndefined();
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ x: 5000, y: 5000, width: 1000, height: 700, maximized: false }));
    expect(open().options.x).toBeUndefined();
    expect(warnings.some((message) => message.includes('not valid JSON'))).toBe(true);
    expect(warnings.some((message) => message.includes('off every display'))).toBe(true);
  });
});

describe('createMainWindow in development', () => {
  it('loads the dev server and uses the dev CSP there', async () => {
    const electron = await getElectronFake();
    electron.reset();
    const dir = mkdtempSync(join(tmpdir(), 'baton-window-dev-'));
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    createMainWindow({
      preloadPath: '/p.cjs',
      location: { kind: 'dev-server', url: 'http://127.0.0.1:5173/' },
      boundsFile: join(dir, 'w.json'),
      logger: silent,
      openExternal: () => undefined,
    });
    const window = FakeBrowserWindow.instances.at(-1);
    expect(window?.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173/');
    const callback = vi.fn();
    electron.session.defaultSession.headersListener?.({ url: 'http://127.0.0.1:5173/' }, callback);
    expect(callback.mock.calls[0]?.[0]).toMatchObject({ responseHeaders: { 'Content-Security-Policy': [expect.stringContaining("'unsafe-inline'")] } });
  });
});
