import { PROP } from '../../../shared/hubspot/properties';
import { DEFAULT_TOKEN } from '../../hubspot-fake';
import { storedHandoff, storedOutbox } from '../support/baton-idb';
import { removeDemoData } from '../support/board-page';
import { setRole } from '../support/people';
import { cardOf, createHandoffReadyToHandOver, moveWithMenu, waitForCardIn } from '../support/handoff-flows';
import { chooseOwnPipelineSetup, useHubSpotSession } from '../support/hubspot-session';

describe('a client update drafted on acceptance reaches HubSpot as a note on the deal', () => {
  const session = useHubSpotSession();

  it('drafts, confirms, and syncs the update as a note associated with the handoff’s deal', async () => {
    const { page } = session.app();
    const fake = session.fake();
    await removeDemoData(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    const panel = page.getByRole('region', { name: 'HubSpot' });
    await panel.getByLabel(/HubSpot token/).fill(DEFAULT_TOKEN);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await chooseOwnPipelineSetup(page, 'deals');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();
    const handoff = await createHandoffReadyToHandOver(page, 'Gift card checkout', 'Fjord Coffee');
    await moveWithMenu(page, handoff, 'IN_HANDOFF', 'IN_PROGRESS');
    await waitForCardIn(page, handoff, 'IN_HANDOFF');
    // As the QA lead receiving it, one Accept gives the approval too.
    await setRole(page, 'Me', 'QA lead');
    await cardOf(page, handoff).getByRole('button', { name: 'Accept' }).click();

    const dialog = page.getByRole('dialog', { name: `Tell ${handoff.client}: “${handoff.title}” was accepted` });
    const box = dialog.getByLabel(`Update for ${handoff.client}`);
    const body = `${await box.inputValue()} The test report follows on Friday.`;
    await box.fill(body);
    await dialog.getByRole('button', { name: 'Log client update' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await storedOutbox(page)).some((entry) => entry.handoffId === handoff.id && entry.kind === 'log_client_update')).toBe(true);

    await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await storedOutbox(page)).filter((entry) => entry.handoffId === handoff.id).length, { timeout: 20_000 }).toBe(0);

    const deal = fake.state.deals.find((item) => item.properties[PROP.batonId] === handoff.id && !item.archived);
    if (deal === undefined) throw new Error('The handoff never reached HubSpot as a deal');
    const notes = fake.state.notes.filter((note) => !note.archived && (note.properties.hs_note_body ?? '').includes('The test report follows on Friday.'));
    expect(notes).toHaveLength(1);
    const [note] = notes;
    const linked = (link: (typeof fake.state.associations)[number]): boolean =>
      (link.fromType === 'notes' && link.fromId === note?.id && link.toType === 'deals' && link.toId === deal.id) ||
      (link.fromType === 'deals' && link.fromId === deal.id && link.toType === 'notes' && link.toId === note?.id);
    expect(fake.state.associations.some(linked)).toBe(true);
    // The log on the card is what satisfied "client notified"; it is kept as written.
    expect((await storedHandoff(page, handoff.id)).handoff?.clientUpdates.map((update) => update.body)).toEqual([body]);
  });
});
