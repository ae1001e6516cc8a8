import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the renderer is loaded from: Vite's dev server during `npm start`, the
 * built `dist/index.html` (file://) when packaged. Every origin check — IPC
 * sender, navigation, CSP — asks this one question.
 */
export type AppLocation = { kind: 'dev-server'; url: string } | { kind: 'file'; indexHtml: string };

export function appLocationFrom(devServerUrl: string | undefined, indexHtml: string): AppLocation {
  return devServerUrl !== undefined && devServerUrl !== '' ? { kind: 'dev-server', url: devServerUrl } : { kind: 'file', indexHtml };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is a page of Baton itself (same dev-server origin, or a file inside the built renderer folder). */
export function isAppUrl(url: string | undefined, location: AppLocation): boolean {
  if (url === undefined) return false;
  const parsed = parse(url);
  if (parsed === null) return false;
  if (location.kind === 'dev-server') {
    const app = parse(location.url);
    return app !== null && parsed.origin === app.origin;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const root = pathToFileURL(dirname(location.indexHtml)).href;
  // URL parsing has already resolved `..` segments, so a prefix test is exact.
  return parsed.href.startsWith(`${root}/`);
}
