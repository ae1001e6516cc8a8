import type { Page } from 'playwright-core';
import { EXCEPTION_KIND_LABELS } from '../../../shared/metrics';
import { storedHandoff, storedHandoffs } from '../support/baton-idb';
import { closeDrawer, createHandoffViaDialog, drawer, removeDemoData, waitForApp } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { setRole } from '../support/people';
import { DEV_TO_QA, cardOf, createHandoffReadyToHandOver, moveWithMenu, waitForCardIn } from '../support/handoff-flows';

const DAY_MS = 86_400_000;

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Stalled handoffs', level: 2 }).waitFor();
}

describe('the Visibility dashboard in Chromium', () => {
  const session = useBoardSession();

  it('puts a handoff left in progress for three weeks at the top of the stalled table, with who holds it and what is missing', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    // Create the card three weeks ago (the page's clock), then come back to today.
    const today = Date.now();
    await page.clock.install({ time: today - 21 * DAY_MS });
    await page.reload();
    await waitForApp(page);
    const title = 'Returns portal build';
    const client = 'Nordlicht Bikes';
    await createHandoffViaDialog(page, { title, client, template: DEV_TO_QA, receiver: 'Me' });
    await closeDrawer(page, title);
    await page.clock.setSystemTime(today);

    await openDashboard(page);
    const table = page.getByRole('table', { name: 'Stalled handoffs, most late first' });
    const first = table.getByRole('row').nth(1);
    await first.getByRole('button', { name: title }).waitFor();
    const cells = await first.getByRole('cell').allInnerTexts();
    // #, column, held by, time in column, late by, missing (the title is the row header).
    expect(cells[1]).toBe('In progress');
    expect(cells[2]).toBe('Me');
    expect(cells[5]).toBe('Deployed to staging, Staging link attached');
    const summary = await page.getByTestId('stalled-summary').innerText();
    expect(summary).toContain(`1. "${title}" for ${client}, In progress, held by Me,`);
    expect(summary).toContain('missing: Deployed to staging, Staging link attached.');

    // The row opens the card.
    await first.getByRole('button', { name: title }).click();
    await drawer(page, title).waitFor();
  });

  it('works offline: resolves an exception with a note, recorded in the card history', async () => {
    const { page, host } = session.app();
    // Everything on the dashboard comes from local data; the host going offline changes nothing.
    host.online.setOnline(false);
    const withOpen = (await storedHandoffs(page)).find((handoff) => handoff.exceptions.some((exception) => exception.resolvedAt === null));
    const exception = withOpen?.exceptions.find((item) => item.resolvedAt === null);
    if (withOpen === undefined || exception === undefined) throw new Error('The demo workspace has no open exception to resolve');

    await openDashboard(page);
    await page.getByRole('button', { name: `Resolve ${EXCEPTION_KIND_LABELS[exception.kind].toLowerCase()} on ${withOpen.title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Resolve exception on “${withOpen.title}”` });
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    expect(await dialog.getByRole('alert').innerText()).toContain('Write how it was resolved');
    expect((await storedHandoff(page, withOpen.id)).handoff?.exceptions.find((item) => item.id === exception.id)?.resolvedAt).toBeNull();

    const note = 'Checked with the client: the contract is signed; attached it to the card.';
    await dialog.getByLabel('Resolution note (required)').fill(note);
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await dialog.waitFor({ state: 'detached' });

    const stored = await storedHandoff(page, withOpen.id);
    expect(stored.handoff?.exceptions.find((item) => item.id === exception.id)).toMatchObject({ resolution: note, resolvedBy: 'local-user' });
    expect(stored.events.at(-1)).toMatchObject({ kind: 'exception_resolved', actor: 'local-user' });
    await page.getByRole('button', { name: `Resolve ${EXCEPTION_KIND_LABELS[exception.kind].toLowerCase()} on ${withOpen.title}` }).waitFor({ state: 'detached' });
  });

  it('notifies the receiver, then drafts the client update on acceptance and queues it for HubSpot', async () => {
    const { page, host } = session.app();
    await removeDemoData(page);
    const handoff = await createHandoffReadyToHandOver(page, 'Checkout QA round', 'Nordlicht Bikes');
    await moveWithMenu(page, handoff, 'IN_HANDOFF', 'IN_PROGRESS');
    await waitForCardIn(page, handoff, 'IN_HANDOFF');

    // It landed in my queue: one OS notification through the host, and the bell counts it.
    await expect.poll(() => host.notifications.map((item) => item.title)).toEqual([`Handed to you: ${handoff.title}`]);
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    const notification = host.notifications[0];
    if (notification === undefined) throw new Error('no notification');
    host.clickNotification(notification);
    await drawer(page, handoff.title).waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await closeDrawer(page, handoff.title);

    // As the QA lead receiving it, one Accept gives the approval too.
    await setRole(page, 'Me', 'QA lead');
    await cardOf(page, handoff).getByRole('button', { name: 'Accept' }).click();

    const dialog = page.getByRole('dialog', { name: `Tell ${handoff.client}: “${handoff.title}” was accepted` });
    const box = dialog.getByLabel(`Update for ${handoff.client}`);
    const draft = await box.inputValue();
    expect(draft).toMatch(new RegExp(`^Hi ${handoff.client}, "${handoff.title}" is built and now in testing with Me\\. Next: First test pass by \\w{3}, \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}\\.$`));
    await box.fill(`${draft} We will send the test report on Friday.`);
    await dialog.getByRole('button', { name: 'Log client update' }).click();
    await dialog.waitFor({ state: 'detached' });

    const stored = await storedHandoff(page, handoff.id);
    expect(stored.handoff?.state).toBe('HANDOFF_DONE');
    expect(stored.handoff?.clientUpdates.map((update) => update.body)).toEqual([`${draft} We will send the test report on Friday.`]);
    const queued = stored.outbox.filter((entry) => entry.kind === 'log_client_update');
    expect(queued).toEqual([expect.objectContaining({ refId: stored.handoff?.clientUpdates[0]?.id, status: 'pending' })]);
  });
});
