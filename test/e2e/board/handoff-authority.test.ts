import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { storedHandoff, storedHandoffByTitle, storedHandoffs } from '../support/baton-idb';
import { cardIn, closeDrawer, createHandoffViaDialog, dragCardToColumn, openDrawerFromCard, refusal, removeDemoData, waitForApp } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { DEV_TO_QA } from '../support/handoff-flows';
import { REPO_ROOT } from '../support/open-baton';
import { setRole } from '../support/people';

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
const DAY_MS = 86_400_000;
const AB_TEST = { title: 'Product page A/B test launch', client: 'Northwind Outfitters' };
const SPRING = { title: 'Spring sale landing page', client: 'Bloom & Co' };
/** "Sat 5 Dec, 20:15": how a time reads on screen (never an ISO string). */
const LOCAL_TIME = /[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}( \d{4})?, \d{2}:\d{2}/;

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), caret: 'hide', animations: 'disabled' });
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  await page.getByRole('heading', { name: 'Stalled handoffs', level: 2 }).waitFor();
}

describe('who may do what, in Chromium', () => {
  const session = useBoardSession();

  it("refuses the sender's drag to Handoff done, naming the receiver; the receiver's Accept is one act", async () => {
    const { page } = session.app();
    const before = await storedHandoffByTitle(page, AB_TEST.title);
    await dragCardToColumn(page, cardIn(page, 'IN_HANDOFF', AB_TEST.title, AB_TEST.client), 'HANDOFF_DONE');
    await refusal(page).waitFor();
    expect(await refusal(page).innerText()).toContain('Only the receiver, Léa Martin, can accept');
    await refusal(page).getByRole('button', { name: 'OK' }).click();
    await cardIn(page, 'IN_HANDOFF', AB_TEST.title, AB_TEST.client).waitFor();
    expect((await storedHandoff(page, before.id)).handoff).toEqual(before);

    // Spring sale waits for me; its accept gate wants the development lead's approval. As the development lead, one click does both.
    await setRole(page, 'Me', 'Development lead');
    await cardIn(page, 'IN_HANDOFF', SPRING.title, SPRING.client).getByRole('button', { name: 'Accept' }).click();
    await cardIn(page, 'HANDOFF_DONE', SPRING.title, SPRING.client).waitFor();
    const accepted = await storedHandoffByTitle(page, SPRING.title);
    expect(accepted.state).toBe('HANDOFF_DONE');
    expect(accepted.approvals).toContainEqual(expect.objectContaining({ criterionId: 'dev_lead_approval', by: 'local-user', role: 'Development lead' }));
  });

  it('hides the approval button from a non-holder and records an accept on behalf of the receiver, with names and local times in history', async () => {
    const { page } = session.app();
    const drawer = await openDrawerFromCard(page, AB_TEST.title, AB_TEST.client);
    const approval = drawer.locator('[data-criterion-id="marketing_lead_approval"]');
    await approval.getByText('Only the Marketing lead can approve: Léa Martin.').waitFor();
    expect(await drawer.getByRole('button', { name: /^Approve as/ }).count()).toBe(0);

    await drawer.getByRole('button', { name: 'Accept on behalf of Léa Martin…' }).click();
    const dialog = page.getByRole('dialog', { name: `Accept “${AB_TEST.title}” on behalf of Léa Martin` });
    await dialog.getByRole('textbox').fill('Léa is at the client workshop all week; she agreed on the call.');
    await dialog.getByRole('button', { name: 'Accept on their behalf' }).click();
    await dialog.waitFor({ state: 'detached' });
    const history = drawer.getByRole('list', { name: 'History, newest first' });
    const first = history.getByRole('listitem').first();
    await first.getByText(/^Accepted by Me on behalf of Léa Martin: Léa is at the client workshop all week; she agreed on the call\./).waitFor();
    expect(await first.innerText()).toMatch(LOCAL_TIME);
    const text = await history.innerText();
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    expect(text).not.toContain('demo-');
    const stored = await storedHandoffByTitle(page, AB_TEST.title);
    expect(stored.state).toBe('HANDOFF_DONE');
    expect((await storedHandoff(page, stored.id)).events.at(-1)).toMatchObject({ kind: 'accepted', actor: 'local-user', onBehalfOf: { person: 'demo-lea' } });
    await drawer.getByText(/Approved by Me for Léa Martin/).waitFor();
    await screenshot(page, 'authority-drawer.png');
    await closeDrawer(page, AB_TEST.title);
  });

  it("finds handoffs by a person's name", async () => {
    const { page } = session.app();
    await page.getByRole('searchbox', { name: 'Search handoffs' }).fill('Léa');
    await cardIn(page, 'IN_HANDOFF', AB_TEST.title, AB_TEST.client).waitFor();
    await expect.poll(() => cardIn(page, 'IN_HANDOFF', SPRING.title, SPRING.client).count()).toBe(0);
    // A bounce reason is searchable too.
    await page.getByRole('searchbox', { name: 'Search handoffs' }).fill('safari 17');
    await cardIn(page, 'IN_PROGRESS', 'Checkout redesign QA', 'Northwind Outfitters').waitFor();
  });

  it('a stall raises ONE exception, shown on the card and the dashboard, resolved by a recorded act', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    // Created ten days ago (the page's clock), then back to today: far past the 40 working hours of In progress.
    const today = Date.now();
    await page.clock.install({ time: today - 10 * DAY_MS });
    await page.reload();
    await waitForApp(page);
    const title = 'Returns portal build';
    const client = 'Nordlicht Bikes';
    await createHandoffViaDialog(page, { title, client, template: DEV_TO_QA, receiver: 'Me' });
    await closeDrawer(page, title);
    expect((await storedHandoffByTitle(page, title)).exceptions).toEqual([]);
    await page.clock.setSystemTime(today);
    // The watcher checks every five minutes while the app is open.
    await page.clock.runFor(5 * 60_000);
    await expect.poll(async () => (await storedHandoffByTitle(page, title)).exceptions.length).toBe(1);
    // Checked again (and again after a restart), the same crossing is not raised twice.
    await page.clock.runFor(10 * 60_000);
    await page.reload();
    await waitForApp(page);
    await page.clock.runFor(5 * 60_000);
    const raised = await storedHandoffByTitle(page, title);
    expect(raised.exceptions).toEqual([expect.objectContaining({ kind: 'SLA_BREACHED', resolvedAt: null })]);
    expect((await storedHandoffs(page)).flatMap((handoff) => handoff.exceptions)).toHaveLength(1);

    await openDashboard(page);
    const panel = page.getByRole('region', { name: 'Exceptions' });
    await panel.getByText('1 open').waitFor();
    await panel.getByRole('button', { name: title, exact: true }).waitFor();
    await screenshot(page, 'authority-dashboard.png');

    await panel.getByRole('button', { name: title, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: title, exact: true });
    const attention = drawer.getByRole('region', { name: 'Needs attention' });
    await attention.getByText('Past its SLA').waitFor();
    await attention.getByRole('button', { name: 'Resolve…' }).click();
    await attention.getByPlaceholder('How was it resolved?').fill('Agreed a new date with the developer.');
    await attention.getByRole('button', { name: 'Resolve', exact: true }).click();
    const history = drawer.getByRole('list', { name: 'History, newest first' });
    await history.getByText('Resolved "Past its SLA" by Me: Agreed a new date with the developer.').waitFor();
    await history.getByText(/^Exception raised — Past its SLA: In progress for/).waitFor();
    expect(await history.innerText()).toContain('Baton ·');
    await closeDrawer(page, title);
    await panel.getByText('0 open').waitFor();
    await page.clock.runFor(5 * 60_000);
    expect((await storedHandoffByTitle(page, title)).exceptions).toEqual([expect.objectContaining({ resolvedBy: 'local-user' })]);
  });

  it('template editor screenshot', async () => {
    const { page } = session.app();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Edit Design → Development' }).click();
    await page.getByRole('form', { name: 'Edit template Design → Development' }).waitFor();
    await screenshot(page, 'authority-template-editor.png');
  });
});
