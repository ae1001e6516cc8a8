import { DEFAULT_TOKEN } from '../../hubspot-fake';
import { storedHandoffByTitle, storedOutbox } from '../support/baton-idb';
import { closeDrawer, createHandoffViaDialog, removeDemoData } from '../support/board-page';
import { syncStatus, useHubSpotSession } from '../support/hubspot-session';
import { SETUP_NEEDED_MESSAGE } from '../../../renderer/src/sync/sync-api';

const TITLE = 'Autumn lookbook';
const CLIENT = 'Nordlys Studio';

describe('HubSpot setup on a Free portal, through the UI in Chromium', () => {
  const session = useHubSpotSession({ tier: 'free' });

  it('explains the refused pipeline, maps the existing ticket pipeline, and syncs a handoff as a ticket', async () => {
    const { page } = session.app();
    const fake = session.fake();
    await removeDemoData(page);

    await page.getByRole('button', { name: 'Settings' }).click();
    const panel = page.getByRole('region', { name: 'HubSpot' });
    await panel.getByLabel(/HubSpot token/).fill(DEFAULT_TOKEN);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await panel.getByText(`Connected to HubSpot account ${fake.state.portalId}`, { exact: false }).first().waitFor();

    // Nothing syncs until the setup is chosen, and the status says so.
    await expect.poll(() => syncStatus(page).innerText(), { timeout: 20_000 }).toBe(SETUP_NEEDED_MESSAGE);
    // Tickets are preselected; asking for Baton's own pipeline is refused by the Free tier, in plain words.
    const setup = panel.getByRole('form', { name: 'Set up HubSpot for Baton' });
    await expect.poll(() => setup.getByRole('radio', { name: 'HubSpot tickets' }).isChecked()).toBe(true);
    await setup.getByRole('radio', { name: /Create Baton’s own/ }).check();
    await setup.getByRole('button', { name: 'Set up HubSpot' }).click();
    await setup.getByRole('alert').filter({ hasText: 'Free HubSpot accounts have one ticket pipeline' }).waitFor();
    expect(fake.state.pipelines('tickets')).toHaveLength(1);

    // The mapping is offered at once, with the existing pipeline and a first guess at its stages.
    await expect.poll(() => setup.getByRole('radio', { name: /Use an existing pipeline/ }).isChecked()).toBe(true);
    await expect.poll(() => setup.getByLabel('Existing ticket pipeline').inputValue()).toBe('0');
    await expect.poll(() => setup.getByLabel('Stage for “Handoff done”').inputValue()).toBe('4');
    await setup.getByRole('note').filter({ hasText: 'Closed — Closed: the ticket counts as resolved; no revenue meaning.' }).waitFor();
    await setup.getByLabel('Stage for “In handoff”').selectOption({ label: 'Waiting on us' });
    await setup.getByRole('button', { name: 'Set up HubSpot' }).click();
    await setup.getByRole('status').filter({ hasText: 'Set up HubSpot: created property group baton, property baton_id' }).waitFor();
    await setup.getByText('Handoffs live on HubSpot tickets in your “Support Pipeline” pipeline').waitFor();
    await expect.poll(() => syncStatus(page).innerText(), { timeout: 20_000 }).toBe('Synced just now');

    // A new handoff becomes a ticket in the mapped pipeline, never a deal.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();
    await createHandoffViaDialog(page, { title: TITLE, client: CLIENT, template: 'Design → Development' });
    await closeDrawer(page, TITLE);
    const handoff = await storedHandoffByTitle(page, TITLE);
    await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await storedOutbox(page)).length, { timeout: 20_000 }).toBe(0);
    const tickets = fake.state.tickets.filter((t) => t.properties['baton_id'] === handoff.id);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.properties).toMatchObject({ subject: TITLE, hs_pipeline: '0', hs_pipeline_stage: '1', baton_client: CLIENT });
    expect(fake.state.deals).toEqual([]);
    expect(fake.state.pipelines('deals')).toHaveLength(1);
  });
});
