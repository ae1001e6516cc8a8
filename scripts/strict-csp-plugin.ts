import type { Plugin } from 'vite';
import { DEV_META_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../electron/window/csp';

/**
 * Swaps the dev server's meta Content-Security-Policy in `index.html` for the
 * strict one in every build, so a packaged Baton never allows the hot-reload
 * socket. Fails the build when the expected policy is not there (a policy
 * edited in one place only must not ship silently).
 */
export function strictCspInBuild(): Plugin {
  return {
    name: 'baton-strict-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        return strictCspHtml(html);
      },
    },
  };
}

export function strictCspHtml(html: string): string {
  const devMeta = `content="${DEV_META_CONTENT_SECURITY_POLICY}"`;
  if (!html.includes(devMeta)) throw new Error(`index.html must carry the dev Content-Security-Policy meta tag (${DEV_META_CONTENT_SECURITY_POLICY}); see electron/window/csp.ts`);
  return html.replace(devMeta, `content="${META_CONTENT_SECURITY_POLICY}"`);
}
