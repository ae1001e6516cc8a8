import { PROP } from '../../../shared/hubspot/properties';
import { DEFAULT_TOKEN } from '../../hubspot-fake';
import { storedHandoffByTitle, storedOutbox } from '../support/baton-idb';
import { card, closeDrawer, createHandoffViaDialog, futureLocalDateTime, removeDemoData, setNextAction } from '../support/board-page';
import { chooseOwnPipelineSetup, syncStatus, useHubSpotSession } from '../support/hubspot-session';
import { SETUP_NEEDED_MESSAGE } from '../../../renderer/src/sync/sync-api';

const TITLE = 'Spring campaign';
const CLIENT = 'Fjord Coffee';
const RENAMED = 'Spring campaign (renamed in HubSpot)';

describe('HubSpot sync through the real sync service, in Chromium', () => {
  const session = useHubSpotSession();

  it('connects, queues edits offline, pushes them on reconnect, and brings a colleague’s HubSpot edit onto the board', async () => {
    const { page, host, context } = session.app();
    const fake = session.fake();
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
    // Sync waits for the setup choice, writing nothing; choosing deals in Baton's own pipeline sets HubSpot up (pipeline and properties) and syncs.
    await expect.poll(() => syncStatus(page).innerText(), { timeout: 20_000 }).toBe(SETUP_NEEDED_MESSAGE);
    expect(fake.state.pipelines('deals').some((p) => p.label === 'Handoffs')).toBe(false);
    await chooseOwnPipelineSetup(page, 'deals');
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
