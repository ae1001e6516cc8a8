import { callHostResult, hasHost } from '../api/baton';
import { isSafeLink } from '../../../shared/domain/links';

export type OpenLinkResult = { ok: true } | { ok: false; code: string; message: string };

/**
 * Context links open outside the app window: through the desktop host when there
 * is one (it asks the user and refuses unsafe schemes), else a new browser tab
 * with no opener. The app window itself never navigates to a stored URL.
 */
export async function openLink(url: string): Promise<OpenLinkResult> {
  if (!isSafeLink(url)) {
    return { ok: false, code: 'UNSAFE_LINK', message: 'Only https:// and mailto: links can be opened.' };
  }
  if (hasHost()) {
    const result = await callHostResult('app.openExternal', { url });
    return result.ok ? { ok: true } : { ok: false, code: result.error.code, message: result.error.message };
  }
  window.open(url, '_blank', 'noopener,noreferrer');
  return { ok: true };
}
