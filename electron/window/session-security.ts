import type { Session } from 'electron';
import { isAppUrl, type AppLocation } from './app-location';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './csp';

/**
 * The one permission Baton's own page may use: writing plain text to the
 * clipboard ("copy link"). Reading the clipboard, camera, location, web
 * notifications (OS notifications go through IPC) and everything else are
 * refused, and nothing is granted to any other origin.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Hardens the window's session: the CSP header on every response, and permissions denied by default. */
export function applySessionSecurity(session: Session, location: AppLocation): void {
  const policy = location.kind === 'dev-server' ? devContentSecurityPolicy(location.url) : CONTENT_SECURITY_POLICY;
  session.webRequest.onHeadersReceived((details, callback) => {
    // Drop any CSP the response brought (header names are case-insensitive) so ours is the only one.
    const headers: Record<string, string[] | string> = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl, location));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    if (!ALLOWED_PERMISSIONS.has(permission)) return false;
    // Checks carry an origin; file:// pages report "file://" (no path to compare).
    return location.kind === 'dev-server' ? requestingOrigin === new URL(location.url).origin : requestingOrigin.startsWith('file:');
  });
}
