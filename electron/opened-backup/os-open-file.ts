import { app } from 'electron';

/**
 * macOS hands Baton the files it should open (double-click in Finder, "Open
 * With", a drop on the Dock icon) as `open-file` events, which can arrive
 * before `ready` when they launched the app: register this as main starts.
 * Windows and Linux put the path on the command line instead
 * (`backupPathFromArgv`).
 */
export function acceptOsOpenFile(open: (path: string) => void): void {
  app.on('open-file', (event, path) => {
    // Tells macOS the file was handled (otherwise it reports it could not be opened).
    event.preventDefault();
    open(path);
  });
}
