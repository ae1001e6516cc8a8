import type { Browser, Page } from 'playwright-core';
import { createTestHost } from '../../host/create-test-host';
import { startHubSpotFake, type HubSpotFake } from '../../hubspot-fake';
import { BOARD_VIEWPORT, waitForApp } from './board-page';
import { distOption } from './board-session';
import { launchChromium } from './launch-chromium';
import { openBaton, type OpenedBaton } from './open-baton';

export interface HubSpotSession {
  /** The app opened for the current test, its host's sync service pointed at `fake()`. */
  app(): OpenedBaton;
  /** The HubSpot fake of the current test (fresh per test). */
  fake(): HubSpotFake;
}

/**
 * One Chromium per test file; per test a fresh HubSpot fake and a fresh app
 * whose host runs the real sync service against it (retries without waiting).
 * Fails a test whose page threw an uncaught error.
 */
export function useHubSpotSession(): HubSpotSession {
  let browser: Browser | undefined;
  let fake: HubSpotFake | undefined;
  let app: OpenedBaton | undefined;
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
    fake = await startHubSpotFake();
    const host = createTestHost({ hubspotBasePath: fake.baseUrl, now: new Date(), syncTuning: { timeoutMs: 10_000, sleep: async () => undefined } });
    app = await openBaton({ browser, host, ...distOption() });
    app.page.setDefaultTimeout(15_000);
    app.page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await app.page.setViewportSize(BOARD_VIEWPORT);
    await waitForApp(app.page);
  });
  afterEach(async () => {
    const seen = errors;
    await app?.close();
    await fake?.close();
    app = undefined;
    fake = undefined;
    expect(seen, 'errors thrown in the page').toEqual([]);
  });

  return {
    app() {
      if (app === undefined) throw new Error('No app is open: call app() inside a test');
      return app;
    },
    fake() {
      if (fake === undefined) throw new Error('No HubSpot fake is running: call fake() inside a test');
      return fake;
    },
  };
}

/** The top bar's polite live region that says what sync is doing. */
export function syncStatus(page: Page) {
  return page.getByRole('banner').getByRole('status');
}
