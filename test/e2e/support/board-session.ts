import type { Browser } from 'playwright-core';
import { launchChromium } from './launch-chromium';
import { openBaton, type OpenedBaton, type OpenBatonOptions } from './open-baton';
import { BOARD_VIEWPORT, waitForApp, waitForDemoExceptions } from './board-page';

/**
 * `BATON_E2E_DIST` points the suite at another renderer build (e.g. a fresh
 * `vite build --outDir /tmp/x` while someone else rebuilds `dist/`); by default
 * it is the repo's `dist/`, built once if missing.
 */
export function distOption(): Pick<OpenBatonOptions, 'distDir'> {
  const dir = process.env.BATON_E2E_DIST;
  return dir === undefined || dir === '' ? {} : { distDir: dir };
}

export interface BoardSession {
  /** The app opened for the current test: a fresh browser context, so a fresh IndexedDB. */
  app(): OpenedBaton;
  /** Errors the page threw during the current test (uncaught exceptions, console errors). */
  pageErrors(): string[];
}

/** Something a test file starts before each test's app (a HubSpot fake, say) and stops after it. */
export interface PerTestSetup {
  /** Options for opening the app against it (e.g. a host pointed at the fake). */
  open: Omit<OpenBatonOptions, 'browser' | 'distDir'>;
  close(): Promise<void>;
}

/**
 * One Chromium per test file, one fresh context (empty IndexedDB, first-run
 * demo) per test, with the app loaded and its top bar rendered. Fails a test
 * whose page threw an uncaught error, even if its assertions passed.
 */
export function useBoardSession(options: Omit<OpenBatonOptions, 'browser' | 'distDir'> = {}, perTest?: () => Promise<PerTestSetup>): BoardSession {
  let browser: Browser | undefined;
  let current: OpenedBaton | undefined;
  let setup: PerTestSetup | undefined;
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    if (browser === undefined) throw new Error('Chromium did not start');
    errors = [];
    setup = await perTest?.();
    current = await openBaton({ ...options, ...setup?.open, ...distOption(), browser });
    // Fail fast on a missing element; the project's 120 s test timeout still bounds the whole test.
    current.page.setDefaultTimeout(15_000);
    current.page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    current.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    await current.page.setViewportSize(BOARD_VIEWPORT);
    await waitForApp(current.page);
    await waitForDemoExceptions(current.page);
  });

  afterEach(async () => {
    const seen = errors;
    await current?.close();
    current = undefined;
    await setup?.close();
    setup = undefined;
    expect(seen, 'errors thrown in the page').toEqual([]);
  });

  return {
    app() {
      if (current === undefined) throw new Error('No app is open: call app() inside a test');
      return current;
    },
    pageErrors: () => errors,
  };
}
