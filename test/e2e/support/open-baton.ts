import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestHost, type TestHost, type TestHostOptions } from '../../host/create-test-host';
import { installBatonBridge } from '../../host/install-bridge';
import { launchChromium } from './launch-chromium';
import { serveDist, type ServedDist } from './serve-dist';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const DIST_DIR = join(REPO_ROOT, 'dist');

/** Builds the renderer once if `dist/` is missing (the full `npm test` builds before vitest). */
export function ensureRendererBuilt(): void {
  if (existsSync(join(DIST_DIR, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

export interface OpenedBaton {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  host: TestHost;
  server: ServedDist;
  close(): Promise<void>;
}

export interface OpenBatonOptions {
  /** An existing browser to open a fresh context in (its IndexedDB starts empty); launched when absent. */
  browser?: Browser;
  host?: TestHost;
  hostOptions?: TestHostOptions;
  /** Defaults to the repo's built `dist/`. */
  distDir?: string;
  /** Path (and hash) to open, e.g. `#/board`. */
  path?: string;
}

/**
 * The whole app as an end-to-end test sees it: the built renderer served from
 * 127.0.0.1 with the app's CSP, in Chromium, with `window.baton` bridged to a
 * test host running the real handler table.
 */
export async function openBaton(options: OpenBatonOptions = {}): Promise<OpenedBaton> {
  if (options.distDir === undefined) ensureRendererBuilt();
  const server = await serveDist(options.distDir ?? DIST_DIR);
  const ownBrowser = options.browser === undefined;
  const browser = options.browser ?? (await launchChromium());
  const context = await browser.newContext();
  const page = await context.newPage();
  const host = options.host ?? createTestHost(options.hostOptions);
  await installBatonBridge(page, host);
  await page.goto(new URL(options.path ?? '', server.url).href);
  return {
    browser,
    context,
    page,
    host,
    server,
    async close() {
      await context.close();
      if (ownBrowser) await browser.close();
      await server.close();
    },
  };
}
