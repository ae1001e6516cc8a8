import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, DEV_META_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from './csp';
import { strictCspHtml } from '../../scripts/strict-csp-plugin';

describe('CONTENT_SECURITY_POLICY', () => {
  it('matches the meta tag of renderer/index.html, which the build makes strict', () => {
    const metaOf = (page: string) => /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(page)?.[1];
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(metaOf(html)).toBe(DEV_META_CONTENT_SECURITY_POLICY);
    expect(metaOf(strictCspHtml(html))).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('ws:');
    expect(() => strictCspHtml(html.replace("connect-src 'self' ws:", "connect-src 'self' wss:"))).toThrow(/must carry the dev Content-Security-Policy/);
    // frame-ancestors is ignored (with a console warning) in a meta tag: header only.
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('allows no inline or remote script and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https:|\*)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('relaxes only inline scripts and the HMR socket for the dev server', () => {
    const dev = devContentSecurityPolicy('http://127.0.0.1:5199/');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://127.0.0.1:5199");
    expect(dev).toContain("object-src 'none'");
    expect(dev).not.toContain('unsafe-eval');
  });
});
