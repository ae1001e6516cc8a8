/**
 * The renderer's Content-Security-Policy. main sends it as a response header
 * for everything the window loads, and `renderer/index.html` carries the same
 * policy in a meta tag (a test keeps them equal) so a plain-browser run is
 * protected too. `ws://127.0.0.1:5173` is Vite's hot-reload socket in dev.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:5173",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * During `npm start` only: Vite's React plugin injects an inline module script
 * (the fast-refresh preamble) before the meta tag, and its HMR socket uses
 * the dev server's origin. Packaged builds always get the strict policy.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const { host } = new URL(devServerUrl);
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    'connect-src \'self\' ws://127.0.0.1:5173',
    `connect-src 'self' ws://${host}`,
  );
}
