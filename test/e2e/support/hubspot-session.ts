import type { Page } from 'playwright-core';
import { createTestHost } from '../../host/create-test-host';
import { startHubSpotFake, type HubSpotFake, type HubSpotFakeOptions } from '../../hubspot-fake';
import { useBoardSession } from './board-session';
import type { OpenedBaton } from './open-baton';

export interface HubSpotSession {
  /** The app opened for the current test, its host's sync service pointed at `fake()`. */
  app(): OpenedBaton;
  /** The HubSpot fake of the current test (fresh per test). */
  fake(): HubSpotFake;
}

/**
 * A board session (one Chromium per file, a fresh app per test, page errors
 * fail the test) whose app's host runs the real sync service against a fresh
 * HubSpot fake per test (retries without waiting), e.g. `{ tier: 'free' }`.
 */
export function useHubSpotSession(fakeOptions: HubSpotFakeOptions = {}): HubSpotSession {
  let fake: HubSpotFake | undefined;
  const session = useBoardSession({}, async () => {
    const started = await startHubSpotFake(fakeOptions);
    fake = started;
    const host = createTestHost({ hubspotBasePath: started.baseUrl, now: new Date(), syncTuning: { timeoutMs: 10_000, sleep: async () => undefined } });
    return {
      open: { host },
      close: async () => {
        fake = undefined;
        await started.close();
      },
    };
  });
  return {
    app: session.app,
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
