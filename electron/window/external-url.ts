import { IPC_ERROR_CODES, IpcError } from '../../shared/ipc/errors';

/** The only schemes Baton hands to the OS: web pages and new e-mails. */
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

/**
 * Checks a URL the renderer (or a link in it) wants opened outside the app and
 * returns its normalised form. `javascript:`, `file:`, `data:`, custom
 * protocol handlers and plain `http:` are refused: handing them to the OS can
 * run code or leak files.
 */
export function checkExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new IpcError(IPC_ERROR_CODES.FORBIDDEN_URL, `"${raw.slice(0, 200)}" is not a valid URL.`);
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new IpcError(
      IPC_ERROR_CODES.FORBIDDEN_URL,
      `Baton only opens https: and mailto: links; "${url.protocol}" links are refused.`,
    );
  }
  if (url.protocol === 'https:' && (url.hostname === '' || url.username !== '' || url.password !== '')) {
    throw new IpcError(IPC_ERROR_CODES.FORBIDDEN_URL, 'Baton does not open https: links without a host or with embedded credentials.');
  }
  return url.href;
}

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    checkExternalUrl(raw);
    return true;
  } catch {
    return false;
  }
}
