import type { Browser, Page } from 'playwright-core';
import { PROP } from '../../../shared/hubspot/properties';
import { createTestHost } from '../../host/create-test-host';
import { startHubSpotFake, DEFAULT_TOKEN, type HubSpotFake } from '../../hubspot-fake';
import { storedHandoffByTitle, storedOutbox } from '../support/baton-idb';
import { BOARD_VIEWPORT, card, closeDrawer, createHandoffViaDialog, futureLocalDateTime, removeDemoData, setNextAction, waitForApp } from '../support/board-page';
import { distOption } from '../support/board-session';
import { launchChromium } from '../support/launch-chromium';
import { openBaton, type OpenedBaton } from '../support/open-baton';

const TITLE = 'Spring campaign';
const CLIENT = 'Fjord Coffee';
const RENAMED = 'Spring campaign (renamed in HubSpot)';

/** The top bar's polite live region that says what sync is doing. */
function syncStatus(page: Page) {
  return page.getByRole('banner').getByRole('status');
}

describe('HubSpot sync through the real sync service, in Chromium', () => {
  let browser: Browser;
  let fake: HubSpotFake;
  let app: OpenedBaton;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    fake = await startHubSpotFake();
    const host = createTestHost({ hubspotBasePath: fake.baseUrl, now: new Date(), syncTuning: { timeoutMs: 10_000, sleep: async () => undefined } });
    app = await openBaton({ browser, host, ...distOption() });
    app.page.setDefaultTimeout(15_000);
    app.page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await app.page.setViewportSize(BOARD_VIEWPORT);
    await waitForApp(app.page);
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
    expect(errors, 'errors thrown in the page').toEqual([]);
  });

  it('connects, queues edits offline, pushes them on reconnect, and brings a colleague’s HubSpot edit onto the board', async () => {
    const { page, host, context } = app;
    await removeDemoData(page);
    await expect.poll(() => syncStatus(page).innerText()).toBe('Not connected');

    // Connect with a token in Settings: the host verifies it against HubSpot (the fake).
    await page.getByRole('button', { name: 'Settings' }).click();
    const panel = page.getByRole('region', { name: 'HubSpot' });
    const token = panel.getByLabel(/HubSpot token/);
    expect(await token.getAttribute('type')).toBe('password');
    await token.fill(DEFAULT_TOKEN);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await panel.getByText(`Connected to HubSpot account ${fake.state.portalId}`, { exact: false }).first().waitFor();
    // The first sync sets HubSpot up (pipeline and properties) and finishes.
    await expect.poll(() => syncStatus(page).innerText(), { timeout: 20_000 }).toBe('Synced just now');
    expect(fake.state.pipelines('deals').some((p) => p.label === 'Handoffs')).toBe(true);

    // Offline: the OS says so and the network is gone; edits queue, shown plainly.
    host.online.setOnline(false);
    await context.setOffline(true);
    await expect.poll(() => syncStatus(page).innerText()).toMatch(/^Offline/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();
    const drawer = await createHandoffViaDialog(page, { title: TITLE, client: CLIENT, template: 'Design → Development' });
    await setNextAction(drawer, 'Send the creative brief', futureLocalDateTime(3));
    await closeDrawer(page, TITLE);
    const handoff = await storedHandoffByTitle(page, TITLE);
    await expect.poll(async () => (await storedHandoffByTitle(page, TITLE)).nextAction?.text).toBe('Send the creative brief');
    const queued = (await storedOutbox(page)).filter((e) => e.status === 'pending').length;
    expect(queued).toBeGreaterThan(0);
    await expect.poll(() => syncStatus(page).innerText()).toBe(`Offline — ${queued} waiting`);
    expect(fake.state.deals).toHaveLength(0);

    // Back online: the reconnect triggers a run that pushes everything.
    await context.setOffline(false);
    host.online.setOnline(true);
    await expect.poll(() => syncStatus(page).innerText(), { timeout: 20_000 }).toBe('Synced just now');
    await expect.poll(async () => (await storedOutbox(page)).length).toBe(0);
    const deals = fake.state.deals.filter((d) => !d.archived);
    expect(deals).toHaveLength(1);
    expect(deals[0]?.properties).toMatchObject({ [PROP.batonId]: handoff.id, [PROP.name]: TITLE, [PROP.nextAction]: 'Send the creative brief', [PROP.client]: CLIENT });

    // A colleague renames the deal in HubSpot; "Sync now" brings it onto the board.
    fake.colleague.setDealProperties(handoff.id, { [PROP.name]: RENAMED });
    await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
    await card(page, RENAMED, CLIENT).waitFor({ timeout: 20_000 });
    expect((await storedHandoffByTitle(page, RENAMED)).id).toBe(handoff.id);
    await expect.poll(() => syncStatus(page).innerText()).toBe('Synced just now');
    expect(fake.state.deals.filter((d) => !d.archived)).toHaveLength(1);
  });
});
