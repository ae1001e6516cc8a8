/** Vite's hot-reload socket during `npm start`. */
export const DEV_SERVER_SOCKET = 'ws://127.0.0.1:5173';

/**
 * The renderer's Content-Security-Policy as the built `index.html` carries it
 * in a meta tag (so a plain-browser run is protected too). The source
 * `renderer/index.html` carries `DEV_META_CONTENT_SECURITY_POLICY`, which the
 * build swaps for this one (`scripts/strict-csp-plugin.ts`; tests keep all three equal).
 */
export const META_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The meta policy of the dev server's page: the same, plus Vite's hot-reload socket. */
export const DEV_META_CONTENT_SECURITY_POLICY = META_CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${DEV_SERVER_SOCKET}`);

/**
 * What main sends as a response header for everything the window loads: the
 * meta policy plus `frame-ancestors`, which browsers honour only in a header.
 */
export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * During `npm start` only: Vite's React plugin injects an inline module script
 * (the fast-refresh preamble) before the meta tag, and its HMR socket uses
 * the dev server's origin. Packaged builds always get the strict policy.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const { host } = new URL(devServerUrl);
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", `connect-src 'self' ws://${host}`);
}
