import type { Page } from 'playwright-core';
import { createTestHost } from '../../host/create-test-host';
import { startHubSpotFake, type HubSpotFake, type HubSpotFakeOptions } from '../../hubspot-fake';
import { useBoardSession } from './board-session';
import type { OpenedBaton } from './open-baton';
import { SETUP_NEEDED_MESSAGE } from '../../../renderer/src/sync/sync-api';

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

/**
 * On a connected portal with no setup yet, sync waits and says so; this
 * chooses the setup in Settings → HubSpot (the record type, Baton's own
 * pipeline) as a person does, and waits for the sync it starts.
 */
export async function chooseOwnPipelineSetup(page: Page, recordType: 'deals' | 'tickets'): Promise<void> {
  await expect.poll(() => syncStatus(page).innerText(), { timeout: 20_000 }).toBe(SETUP_NEEDED_MESSAGE);
  const setup = page.getByRole('region', { name: 'HubSpot' }).getByRole('form', { name: 'Set up HubSpot for Baton' });
  await setup.getByRole('radio', { name: `HubSpot ${recordType}` }).check();
  await setup.getByRole('radio', { name: /Create Baton’s own/ }).check();
  await setup.getByRole('button', { name: 'Set up HubSpot' }).click();
  await setup.getByRole('status').filter({ hasText: 'Set up HubSpot: created' }).waitFor();
  await expect.poll(() => syncStatus(page).innerText(), { timeout: 20_000 }).toBe('Synced just now');
}
