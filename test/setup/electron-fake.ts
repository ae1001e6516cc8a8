/**
 * A recording stand-in for the parts of `electron` Baton's main process and
 * preload use. `test/setup/electron-mock.ts` installs it for every Node-side
 * test; a test reaches the instance its modules see with `getElectronFake()`
 * and inspects what was called (window options, handlers, menu template, …)
 * or drives it (emit a navigation, click a notification, turn encryption off).
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a listener receives for cancellable events (`will-navigate`, …). */
export interface FakeEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(fields: Partial<FakeEvent> = {}): FakeEvent {
  const event: FakeEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...fields,
  };
  return event;
}

type WindowOpenHandler = (details: { url: string; disposition: string }) => { action: 'deny' | 'allow' };
type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, origin: string, details: unknown) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: vi.fn((listener: HeadersListener) => {
      this.headersListener = listener;
    }),
  };
  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler;
  });
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly send = vi.fn((channel: string, payload: unknown) => {
    this.sent.push({ channel, payload });
  });
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  readonly openDevTools = vi.fn();
  readonly toggleDevTools = vi.fn();
  readonly focus = vi.fn();
  readonly isDestroyed = vi.fn(() => false);
  readonly getURL = vi.fn(() => this.url);
  constructor(readonly session: FakeSession) {
    super();
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  static fromWebContents(webContents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((window) => window.webContents === webContents) ?? null;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...FakeBrowserWindow.instances];
  }

  readonly webContents: FakeWebContents;
  bounds: Rect;
  maximized = false;
  minimized = false;
  destroyed = false;
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url;
  });
  readonly loadFile = vi.fn(async (file: string) => {
    this.webContents.url = `file://${file}`;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  readonly close = vi.fn(() => {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  });

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }, session: FakeSession) {
    super();
    this.webContents = new FakeWebContents(session);
    const num = (key: string, fallback: number): number => {
      const value = options[key];
      return typeof value === 'number' ? value : fallback;
    };
    this.bounds = { x: num('x', 0), y: num('y', 0), width: num('width', 800), height: num('height', 600) };
    FakeBrowserWindow.instances.push(this);
  }

  getBounds(): Rect {
    return { ...this.bounds };
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeNotification extends EventEmitter {
  static readonly instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  readonly show = vi.fn();
  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
    FakeNotification.instances.push(this);
  }
}

const FAKE_CIPHER_PREFIX = Buffer.from('fake-v10:');

/** Builds a fresh fake `electron` module; state lives on the returned objects. */
export function createElectronMock() {
  const defaultSession = new FakeSession();
  const paths = new Map<string, string>();

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    name: 'Baton',
    singleInstanceLock: true,
    badgeCount: 0,
    getPath: vi.fn((name: string) => {
      const path = paths.get(name);
      if (path === undefined) throw new Error(`Failed to get '${name}' path (set it with setPath in the test)`);
      return path;
    }),
    setPath: vi.fn((name: string, path: string) => {
      paths.set(name, path);
    }),
    getName: vi.fn(() => 'Baton'),
    getVersion: vi.fn(() => '0.1.0'),
    getAppPath: vi.fn(() => '/opt/baton/resources/app.asar'),
    whenReady: vi.fn(async () => undefined),
    quit: vi.fn(),
    exit: vi.fn(),
    focus: vi.fn(),
    requestSingleInstanceLock: vi.fn((): boolean => app.singleInstanceLock),
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
    setAppUserModelId: vi.fn(),
    setBadgeCount: vi.fn((count: number) => {
      app.badgeCount = count;
      return true;
    }),
  });

  const ipcMain = {
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcMain.handlers.delete(channel);
    }),
    on: vi.fn(),
  };

  const ipcRendererEmitter = new EventEmitter();
  const ipcRenderer = {
    emitter: ipcRendererEmitter,
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      ipcRendererEmitter.on(channel, listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      ipcRendererEmitter.removeListener(channel, listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      contextBridge.exposed.set(key, api);
    }),
  };

  const safeStorage = {
    available: true,
    isEncryptionAvailable: vi.fn(() => safeStorage.available),
    // Reversible but not plain text, so a test can prove nothing readable hits disk.
    encryptString: vi.fn((plain: string): Buffer => {
      if (!safeStorage.available) throw new Error('Encryption is not available.');
      const bytes = Buffer.from(plain, 'utf8').map((byte) => byte ^ 0xa5);
      return Buffer.concat([FAKE_CIPHER_PREFIX, bytes]);
    }),
    decryptString: vi.fn((cipher: Buffer): string => {
      if (!safeStorage.available) throw new Error('Decryption is not available.');
      if (!cipher.subarray(0, FAKE_CIPHER_PREFIX.length).equals(FAKE_CIPHER_PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(cipher.subarray(FAKE_CIPHER_PREFIX.length).map((byte) => byte ^ 0xa5)).toString('utf8');
    }),
  };

  const shell = { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async () => '') };

  const Menu = {
    applicationMenu: null as unknown,
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn((menu: unknown) => {
      Menu.applicationMenu = menu;
    }),
  };

  const dialog = {
    /** Index of the button the fake user clicks. */
    nextResponse: 0,
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: dialog.nextResponse, checkboxChecked: false })),
    showErrorBox: vi.fn(),
  };

  const net = { online: true, isOnline: vi.fn(() => net.online) };
  const powerMonitor = new EventEmitter();
  const screen = {
    displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getAllDisplays: vi.fn(() => screen.displays),
    getPrimaryDisplay: vi.fn(() => screen.displays[0]),
  };

  const BrowserWindow = class extends FakeBrowserWindow {
    constructor(options: Record<string, unknown> = {}) {
      super(options, defaultSession);
    }
  };

  const session = { defaultSession };

  /** Forget recorded windows and notifications between tests. */
  function reset(): void {
    FakeBrowserWindow.instances.length = 0;
    FakeNotification.instances.length = 0;
    FakeNotification.supported = true;
    ipcMain.handlers.clear();
    contextBridge.exposed.clear();
    ipcRendererEmitter.removeAllListeners();
    safeStorage.available = true;
    net.online = true;
    dialog.nextResponse = 0;
    app.isPackaged = false;
    app.singleInstanceLock = true;
    app.removeAllListeners();
    powerMonitor.removeAllListeners();
    Menu.applicationMenu = null;
    vi.clearAllMocks();
  }

  const electron = {
    app,
    BrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge,
    safeStorage,
    shell,
    Notification: FakeNotification,
    Menu,
    session,
    net,
    dialog,
    powerMonitor,
    screen,
    reset,
  };
  return { default: electron, ...electron };
}

export type ElectronFake = ReturnType<typeof createElectronMock>['default'];

/** The fake the code under test sees when it imports `electron`. */
export async function getElectronFake(): Promise<ElectronFake> {
  const module = (await import('electron')) as unknown as { default: ElectronFake };
  return module.default;
}
