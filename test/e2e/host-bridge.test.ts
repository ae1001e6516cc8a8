import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestHost, type TestHost } from '../host/create-test-host';
import { installBatonBridge } from '../host/install-bridge';
import { launchChromium } from './support/launch-chromium';
import { serveDist, type ServedDist } from './support/serve-dist';

// The page needs no app code: the bridge alone must produce window.baton.
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>bridge</title></head><body><p>host bridge</p></body></html>';

describe('test host bridge in Chromium', () => {
  let browser: Browser;
  let server: ServedDist;
  let host: TestHost;
  let page: Page;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-bridge-'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    server = await serveDist(dir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  beforeEach(async () => {
    host = createTestHost({ appInfo: { version: '9.9.9-e2e' } });
    page = await browser.newPage();
    await installBatonBridge(page, host);
    await page.goto(server.url);
  });

  afterEach(async () => {
    await page.close();
  });

  it('exposes one function per channel plus on', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { baton: object }).baton).sort());
    expect(keys).toEqual(expect.arrayContaining(['app.info', 'app.openExternal', 'notifications.show', 'on']));
    expect(keys).not.toContain('ipcRenderer');
  });

  it('round-trips app.info through the real handler table', async () => {
    const result = await page.evaluate(() =>
      (window as unknown as { baton: Record<string, (request: unknown) => Promise<unknown>> }).baton['app.info']?.({}),
    );
    expect(result).toMatchObject({ ok: true, value: { name: 'Baton', version: '9.9.9-e2e', platform: 'linux' } });
  });

  it('answers a malformed payload with a typed error', async () => {
    const result = await page.evaluate(() =>
      (window as unknown as { baton: Record<string, (request: unknown) => Promise<unknown>> }).baton['app.openExternal']?.({ url: 42 }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: 'url' }] } });
    const forbidden = await page.evaluate(() =>
      (window as unknown as { baton: Record<string, (request: unknown) => Promise<unknown>> }).baton['app.openExternal']?.({ url: 'javascript:alert(1)' }),
    );
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_URL' } });
    expect(host.openedUrls).toEqual([]);
  });

  it('delivers host events to the page', async () => {
    await page.evaluate(() => {
      const win = window as unknown as { baton: { on(event: string, listener: (payload: unknown) => void): () => void }; received: unknown[] };
      win.received = [];
      win.baton.on('online.changed', (payload) => win.received.push(payload));
      win.baton.on('menu.command', (payload) => win.received.push(payload));
    });
    host.online.setOnline(false);
    host.emit('menu.command', { command: 'find' });
    await page.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length >= 2);
    const received = await page.evaluate(() => (window as unknown as { received: unknown[] }).received);
    expect(received).toEqual([{ online: false }, { command: 'find' }]);
  });

  it('routes a notification shown from the page back as a click event', async () => {
    const shown = await page.evaluate(() =>
      (window as unknown as { baton: Record<string, (request: unknown) => Promise<unknown>> }).baton['notifications.show']?.({
        title: 'Handoff for you',
        body: 'Design → Development',
        handoffId: 'h-42',
      }),
    );
    expect(shown).toEqual({ ok: true, value: { shown: true } });
    const notification = host.notifications[0];
    expect(notification).toMatchObject({ title: 'Handoff for you', handoffId: 'h-42' });
    await page.evaluate(() => {
      const win = window as unknown as { baton: { on(event: string, listener: (payload: unknown) => void): () => void }; clicked?: unknown };
      win.baton.on('notification.clicked', (payload) => {
        win.clicked = payload;
      });
    });
    if (notification !== undefined) host.clickNotification(notification);
    await page.waitForFunction(() => (window as unknown as { clicked?: unknown }).clicked !== undefined);
    expect(await page.evaluate(() => (window as unknown as { clicked?: unknown }).clicked)).toEqual({ handoffId: 'h-42' });
  });

  it('serves with the app CSP header and refuses paths outside the folder', async () => {
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(escape.status);
  });
});

describe('the built renderer behind the bridge', () => {
  it('loads under the app CSP without violations and reaches the host', async () => {
    const { openBaton } = await import('./support/open-baton');
    const browser = await launchChromium();
    try {
      const app = await openBaton({ browser });
      try {
        await app.page.waitForLoadState('load');
        const info = await app.page.evaluate(() =>
          (window as unknown as { baton: Record<string, (request: unknown) => Promise<unknown>> }).baton['app.info']?.({}),
        );
        expect(info).toMatchObject({ ok: true, value: { name: 'Baton' } });
        const headers = (await app.page.request.get(app.server.url)).headers();
        expect(headers['content-security-policy']).toContain("script-src 'self'");
        const violations: string[] = [];
        app.page.on('console', (message) => {
          if (message.text().includes('Content Security Policy')) violations.push(message.text());
        });
        await app.page.reload();
        await app.page.waitForLoadState('load');
        expect(violations, violations.join('\n')).toEqual([]);
      } finally {
        await app.close();
      }
    } finally {
      await browser.close();
    }
  });
});
