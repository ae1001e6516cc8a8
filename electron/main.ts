import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { contract } from '../shared/ipc/contract';
import { configureAboutPanel } from './about-panel';
import { readAppInfo } from './host/app-info';
import { createEmitter } from './ipc/emit';
import { createHandlers } from './ipc/create-handlers';
import { registerIpcHandlers } from './ipc/register';
import { createFileLogger } from './log/file-logger';
import { installApplicationMenu } from './menu';
import { createOsNotifier } from './notify/os-notifier';
import { createElectronOnlineSource } from './online/electron-online-source';
import { backupPathFromArgv } from './opened-backup/backup-path-from-argv';
import { createOpenedBackupInbox } from './opened-backup/opened-backup-inbox';
import { acceptOsOpenFile } from './opened-backup/os-open-file';
import { readOpenedBackupFile } from './opened-backup/read-opened-backup';
import { createSafeStorageSecretStore } from './secrets/safe-storage-store';
import { appLocationFrom } from './window/app-location';
import { createMainWindow } from './window/main-window';
import { openExternalWithConfirmation } from './window/open-external';
import { claimSingleInstance } from './window/single-instance';

// Thin wiring only: every piece is built and tested on its own.
const here = fileURLToPath(new URL('.', import.meta.url));
let mainWindow: BrowserWindow | null = null;
const getMainWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);
// Backup files the OS asks Baton to open wait here for the renderer, which
// takes them and asks the user to confirm the restore. Created before
// `ready`: on macOS the file that launched the app arrives that early.
const openedBackups = createOpenedBackupInbox((path) => readOpenedBackupFile(path));
const openBackupFile = (path: string): void => {
  openedBackups.open(path).catch((error: unknown) => console.error('Baton could not take a file from the OS', error));
};

async function confirmOpenExternal(url: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Open', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: 'Open this link outside Baton?',
    detail: url,
  };
  const window = getMainWindow();
  const { response } = window === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(window, options);
  return response === 0;
}

function bringWindowForward(): void {
  const window = getMainWindow();
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function start(): Promise<void> {
  const logger = createFileLogger({ directory: app.getPath('logs'), echo: !app.isPackaged });
  process.on('uncaughtException', (error) => logger.error('Uncaught exception in main', { error }));
  process.on('unhandledRejection', (reason) => logger.error('Unhandled rejection in main', { reason }));

  const location = appLocationFrom(process.env.VITE_DEV_SERVER_URL, join(here, '../dist/index.html'));
  const emit = createEmitter(() => getMainWindow()?.webContents ?? null, logger);
  const online = createElectronOnlineSource();
  online.subscribe((isOnline) => emit('online.changed', { online: isOnline }));
  const openExternal = (url: string): Promise<void> => shell.openExternal(url);

  const handlers = createHandlers({
    appInfo: readAppInfo(),
    secretStore: createSafeStorageSecretStore(join(app.getPath('userData'), 'secrets')),
    logger,
    notifier: createOsNotifier({
      focusWindow: bringWindowForward,
      onClick: (handoffId) => emit('notification.clicked', { handoffId }),
    }),
    online,
    clock: () => new Date(),
    emit,
    confirmOpenExternal,
    openExternal,
    setBadgeCount: (count) => app.setBadgeCount(count),
    openedBackupFiles: openedBackups,
  });
  registerIpcHandlers({ handlers, contract, getMainWindow, location, logger });

  configureAboutPanel();
  installApplicationMenu({
    platform: process.platform,
    isPackaged: app.isPackaged,
    send: (command) => emit('menu.command', { command }),
    showAbout: () => app.showAboutPanel(),
  });

  const openWindow = (): void => {
    mainWindow = createMainWindow({
      preloadPath: join(here, 'preload.cjs'),
      location,
      boundsFile: join(app.getPath('userData'), 'window-state.json'),
      logger,
      openExternal: (url) => {
        openExternalWithConfirmation(url, { confirm: confirmOpenExternal, open: openExternal }).catch((error: unknown) =>
          logger.warn('Refused to open a link', { error }),
        );
      },
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();
  // The renderer takes the file when it rings (or at start, for one that came first).
  openedBackups.onArrival((file) => {
    if (!file.ok) logger.warn('Refused a file the OS asked Baton to open', { code: file.code });
    if (getMainWindow() === null) openWindow();
    else bringWindowForward();
    emit('backup.fileOpened', {});
  });

  app.on('activate', () => {
    if (getMainWindow() === null) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => online.stop());
}

const openBackupFromArgv = (argv: readonly string[], workingDirectory: string): void => {
  const path = backupPathFromArgv(argv, workingDirectory);
  if (path !== null) openBackupFile(path);
};

if (claimSingleInstance(getMainWindow, openBackupFromArgv)) {
  acceptOsOpenFile(openBackupFile);
  openBackupFromArgv(process.argv, process.cwd());
  app.whenReady().then(start, (error: unknown) => {
    console.error('Baton failed to start', error);
    app.exit(1);
  });
}
