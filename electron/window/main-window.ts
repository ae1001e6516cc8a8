import { BrowserWindow, screen, session } from 'electron';
import type { Logger } from '../host/deps';
import type { AppLocation } from './app-location';
import { attachNavigationGuards } from './navigation-guard';
import { applySessionSecurity } from './session-security';
import { loadWindowState, saveWindowState, windowStateFrom, MIN_HEIGHT, MIN_WIDTH } from './window-bounds';

export interface MainWindowOptions {
  preloadPath: string;
  location: AppLocation;
  /** JSON file in userData where the window's bounds are remembered. */
  boundsFile: string;
  logger: Logger;
  openExternal(url: string): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const saved = loadWindowState(options.boundsFile, workAreas);
  if (!saved.ok && saved.reason !== 'missing') options.logger.warn(saved.message);
  const bounds = saved.ok ? saved.state : { width: 1280, height: 820 };

  applySessionSecurity(session.defaultSession, options.location);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Baton',
    show: false,
    backgroundColor: '#ffffff',
    // Written out here, at the constructor, rather than built by a helper:
    // Electronegativity (test/integration/security) reads this literal, and
    // the renderer runs with no Node, in a sandbox, isolated from the preload.
    webPreferences: {
      preload: options.preloadPath,
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
      // Middle-click (auxclick) asks for a new window; the window-open
      // handler already denies it, and Baton has no use for the event at all.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (saved.ok && saved.state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  attachNavigationGuards(window.webContents, {
    location: options.location,
    openExternal: options.openExternal,
    logger: options.logger,
  });

  window.on('close', () => {
    try {
      saveWindowState(options.boundsFile, windowStateFrom(window.getNormalBounds(), window.isMaximized()));
    } catch (error) {
      options.logger.warn('Could not save the window bounds', { error: error instanceof Error ? error.message : String(error) });
    }
  });

  const load = options.location.kind === 'dev-server' ? window.loadURL(options.location.url) : window.loadFile(options.location.indexHtml);
  load.catch((error: unknown) => {
    options.logger.error('The window failed to load Baton', { error: error instanceof Error ? error.message : String(error) });
  });
  return window;
}
