import type { WebContents } from 'electron';
import type { Logger } from '../host/deps';
import { redactText } from '../log/redact';
import { isAppUrl, type AppLocation } from './app-location';
import { isAllowedExternalUrl } from './external-url';

export interface NavigationGuardDeps {
  location: AppLocation;
  /** Opens an allowed external link (after the user confirms). */
  openExternal(url: string): void;
  logger: Logger;
}

/**
 * Keeps the window on Baton's own pages: navigations and redirects elsewhere
 * are cancelled, new windows are never created, and https:/mailto: links are
 * handed to the OS instead. A compromised page therefore cannot load remote
 * code into a window that has the preload bridge.
 */
export function attachNavigationGuards(webContents: WebContents, deps: NavigationGuardDeps): void {
  const refuse = (kind: string) => (event: { preventDefault(): void; url: string }) => {
    if (isAppUrl(event.url, deps.location)) return;
    event.preventDefault();
    if (kind === 'navigate' && isAllowedExternalUrl(event.url)) {
      deps.openExternal(event.url);
      return;
    }
    deps.logger.warn(`Refused ${kind}`, { url: redactText(event.url.slice(0, 200)) });
  };
  webContents.on('will-navigate', refuse('navigate'));
  webContents.on('will-redirect', refuse('redirect'));
  webContents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) deps.openExternal(url);
    else deps.logger.warn('Refused to open a window', { url: redactText(url.slice(0, 200)) });
    return { action: 'deny' };
  });
}
