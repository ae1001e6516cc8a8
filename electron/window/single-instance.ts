import { app, type BrowserWindow } from 'electron';

/**
 * Claims the single-instance lock. A second launch (e.g. double-clicking a
 * `.batonbackup` file) quits and the first instance's window comes forward,
 * receiving the second launch's command line: two instances writing one
 * IndexedDB would corrupt it. Returns false when this process is the second
 * instance and is quitting.
 */
export function claimSingleInstance(
  getWindow: () => BrowserWindow | null,
  onSecondLaunch: (argv: readonly string[], workingDirectory: string) => void = () => undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => {
    onSecondLaunch(argv, workingDirectory);
    const window = getWindow();
    if (window === null || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
