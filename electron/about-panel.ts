import { app } from 'electron';

/** The native About panel: name, version and runtime versions for bug reports. */
export function configureAboutPanel(): void {
  app.setAboutPanelOptions({
    applicationName: 'Baton',
    applicationVersion: app.getVersion(),
    version: `Electron ${process.versions.electron ?? 'unknown'}`,
    copyright: 'Baton — handoffs that land.',
  });
}
