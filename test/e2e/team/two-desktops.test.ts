import type { Browser, Page } from 'playwright-core';
import { createTestHost } from '../../host/create-test-host';
import { DEFAULT_TOKEN, startHubSpotFake, type HubSpotFake } from '../../hubspot-fake';
import { storedHandoff, storedHandoffByTitle, storedTemplates } from '../support/baton-idb';
import { addContextLink, approve, cardIn, closeDrawer, createHandoffViaDialog, drawer, futureLocalDateTime, logClientUpdate, openDrawerFromCard, removeDemoData, tickCriterion, waitForApp, BOARD_VIEWPORT } from '../support/board-page';
import { distOption } from '../support/board-session';
import { chooseOwnPipelineSetup, syncStatus } from '../support/hubspot-session';
import { setRole } from '../support/people';
import { launchChromium } from '../support/launch-chromium';
import { createTemplateViaScreen } from '../support/templates-page';
import { openBaton, type OpenedBaton } from '../support/open-baton';

/**
 * A team as a team: two desktops (two browser contexts, each with its own
 * IndexedDB and its own test host running the real sync service) and ONE
 * HubSpot fake portal whose owners are Ada (the sender) and Grace (the
 * receiver). Everything is done through the UI; the records of both
 * IndexedDBs are compared at the end.
 */

const TITLE = 'Checkout release QA';
const CLIENT = 'Nordlicht Bikes';
const ADA = 'Ada Lovelace';
const GRACE = 'Grace Hopper';
/** Made on Grace's desktop through the Templates screen, used on Ada's. */
const PLAYBOOK = 'Release QA (team)';

let browser: Browser | undefined;
let fake: HubSpotFake | undefined;
const opened: OpenedBaton[] = [];
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
  await fake?.close();
  fake = undefined;
  expect(errors.splice(0), 'errors thrown in the pages').toEqual([]);
});

async function desktop(hubspot: HubSpotFake, who: string, firstOnPortal: boolean): Promise<Page> {
  if (!browser) throw new Error('Chromium did not start');
// A real sleep: two desktops share the portal's limits, and a 429's Retry-After must really be waited out.
  const host = createTestHost({ hubspotBasePath: hubspot.baseUrl, now: new Date(), syncTuning: { timeoutMs: 10_000, now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) } });
  const app = await openBaton({ ...distOption(), browser, host });
  opened.push(app);
  const { page } = app;
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => errors.push(`${who}: uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${who}: console.error: ${message.text()}`);
  });
  await page.setViewportSize(BOARD_VIEWPORT);
  await waitForApp(page);
  await removeDemoData(page);
  // Connect to the team's portal, then say who I am: HubSpot's owners are the people.
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'HubSpot' });
  await panel.getByLabel(/HubSpot token/).fill(DEFAULT_TOKEN);
  await panel.getByRole('button', { name: 'Connect' }).click();
  // The first Baton on a portal chooses how handoffs are filed (tickets, Baton's own pipeline); the next one finds that setup.
  if (firstOnPortal) await chooseOwnPipelineSetup(page, 'tickets');
  else await expect.poll(() => syncStatus(page).innerText(), { timeout: 30_000 }).toBe('Synced just now');
  const iAm = page.getByLabel('I am');
  await expect.poll(async () => (await iAm.locator('option').allInnerTexts()).includes(who), { timeout: 20_000 }).toBe(true);
  await iAm.selectOption({ label: who });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();
  return page;
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
  // Two desktops share the portal's rate limits: a run may wait out a window.
  await expect
    .poll(() => syncStatus(page).innerText(), { timeout: 90_000 })
    .toBe('Synced just now')
    .catch((error: unknown) => {
      const tail = (fake?.stats.requests ?? []).slice(-25).map((r) => `${r.method} ${r.path} ${r.status}`);
      throw new Error(`${String(error)}\nlast requests:\n${tail.join('\n')}`);
    });
}

async function addNote(page: Page, body: string): Promise<void> {
  const opened = drawer(page, TITLE);
  await opened.getByLabel('New note').fill(body);
  await opened.getByRole('button', { name: 'Add note' }).click();
  await opened.getByText(body, { exact: true }).waitFor();
}

async function addChecklistItem(page: Page, text: string): Promise<void> {
  const opened = drawer(page, TITLE);
  await opened.getByLabel('New checklist item').fill(text);
  await opened.getByRole('button', { name: 'Add item' }).click();
  await opened.getByText(text, { exact: true }).waitFor();
}

async function moveWithMenu(page: Page, to: string, arrow: '→' | '←'): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${TITLE}` }).click();
  await page.getByRole('dialog', { name: `Move “${TITLE}”` }).getByRole('button', { name: `${arrow} Move to ${to}` }).click();
}

describe('two desktops, one HubSpot portal', () => {
  it('the whole handoff travels both ways, and each answer arrives as the act it was, by whom', async () => {
    fake = await startHubSpotFake();
    const ada = await desktop(fake, ADA, true);
    const grace = await desktop(fake, GRACE, false);

    // Templates and roles are the team's: Grace writes the playbook on her desktop, Ada says once, on hers, who the QA lead is.
    await createTemplateViaScreen(grace, PLAYBOOK, [
      { label: 'Deployed to staging', gate: 'READY', kind: 'checklist' },
      { label: 'Test notes written', gate: 'HAND_OVER', kind: 'checklist' },
      { label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
      { label: 'Accepted by the QA lead', gate: 'ACCEPT', kind: 'approval', role: 'QA lead' },
    ]);
    await syncNow(grace);
    await setRole(ada, GRACE, 'QA lead');
    await syncNow(ada);
    const playbook = await storedTemplates(ada, PLAYBOOK);
    expect(playbook).toEqual(await storedTemplates(grace, PLAYBOOK));
    expect(playbook.map((t) => t.version)).toEqual([1]);
    await ada.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Templates', exact: true }).click();
    await ada.getByRole('list', { name: 'Templates' }).getByText(`saved by ${GRACE}, `, { exact: false }).waitFor();
    await ada.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();

    // Ada fills proof and context on the playbook Grace wrote, hands it to Grace and syncs.
    let card = await createHandoffViaDialog(ada, { title: TITLE, client: CLIENT, template: PLAYBOOK, receiver: GRACE, nextAction: { text: 'First test pass', due: futureLocalDateTime(2) } });
    await tickCriterion(card, 'Deployed to staging');
    await addContextLink(card, 'https://staging.example.com/', 'Staging');
    await addContextLink(card, 'https://example.com/test-notes', 'Test notes');
    await addContextLink(card, 'https://example.com/design', 'Designs');
    await tickCriterion(card, 'Test notes written');
    await addChecklistItem(ada, 'Seed test accounts');
    await addChecklistItem(ada, 'Clear the CDN cache');
    await addNote(ada, 'Payment runs against the sandbox.');
    await logClientUpdate(card, 'QA starts on Monday.');
    await closeDrawer(ada, TITLE);
    await moveWithMenu(ada, 'In handoff', '→');
    await cardIn(ada, 'IN_HANDOFF', TITLE, CLIENT).waitFor();
    await syncNow(ada);

    // Grace syncs and has every item of it, waiting for her answer; the role Ada gave her has arrived too.
    await syncNow(grace);
    await grace.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => grace.getByLabel(`Role of ${GRACE}`, { exact: true }).inputValue()).toBe('QA lead');
    await grace.getByRole('list', { name: 'People in this workspace' }).getByText(`Role set by ${ADA}, `).waitFor();
    await grace.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();
    const received = cardIn(grace, 'IN_HANDOFF', TITLE, CLIENT);
    await received.waitFor();
    await received.getByRole('button', { name: 'Accept' }).waitFor();
    card = await openDrawerFromCard(grace, TITLE, CLIENT);
    for (const text of ['Staging', 'Test notes', 'Designs']) await card.getByRole('button', { name: text, exact: true }).waitFor();
    for (const text of ['Seed test accounts', 'Clear the CDN cache', 'Payment runs against the sandbox.', 'QA starts on Monday.']) await card.getByText(text, { exact: true }).first().waitFor();
    await closeDrawer(grace, TITLE);
    const id = (await storedHandoffByTitle(ada, TITLE)).id;
    expect((await storedHandoff(grace, id)).handoff).toEqual((await storedHandoff(ada, id)).handoff);

    // Grace bounces it with a reason.
    const reason = 'The staging login in the test notes does not work.';
    await received.getByRole('button', { name: 'Bounce back' }).click();
    const dialog = grace.getByRole('dialog', { name: `Bounce back “${TITLE}”` });
    await dialog.getByLabel('Reason (required)').fill(reason);
    await dialog.getByRole('button', { name: 'Bounce back' }).click();
    await dialog.waitFor({ state: 'detached' });
    await syncNow(grace);

    // Ada sees it back In progress, the reason as an open question, and a notification.
    await syncNow(ada);
    const back = cardIn(ada, 'IN_PROGRESS', TITLE, CLIENT);
    await back.waitFor();
    await back.getByText('1 open question').waitFor();
    card = await openDrawerFromCard(ada, TITLE, CLIENT);
    await card.getByRole('region', { name: 'Needs attention' }).getByText(reason).waitFor();
    const bounced = (await storedHandoff(ada, id)).handoff;
    expect(bounced?.openQuestions).toEqual([expect.objectContaining({ text: reason, askedBy: '100002', resolvedAt: null })]);
    expect(bounced?.exceptions).toEqual([]);
    await closeDrawer(ada, TITLE);
    await ada.getByRole('button', { name: /Notifications/ }).click();
    await ada.getByText(`Bounced back: ${TITLE}`).first().waitFor();
    await ada.keyboard.press('Escape');

    // Ada answers and hands it over again; Grace approves and accepts.
    card = await openDrawerFromCard(ada, TITLE, CLIENT);
    await addNote(ada, 'Login fixed: qa@nordlicht.example / see the vault.');
    await card.getByRole('button', { name: 'Resolve', exact: true }).first().click();
    await card.getByText(reason).waitFor({ state: 'detached' }).catch(() => undefined);
    await closeDrawer(ada, TITLE);
    await moveWithMenu(ada, 'In handoff', '→');
    await cardIn(ada, 'IN_HANDOFF', TITLE, CLIENT).waitFor();
    await syncNow(ada);
    await syncNow(grace);
    await cardIn(grace, 'IN_HANDOFF', TITLE, CLIENT).waitFor();
    card = await openDrawerFromCard(grace, TITLE, CLIENT);
    await card.getByText('Login fixed: qa@nordlicht.example / see the vault.').waitFor();
    await approve(card, 'QA lead');
    await closeDrawer(grace, TITLE);
    await cardIn(grace, 'IN_HANDOFF', TITLE, CLIENT).getByRole('button', { name: 'Accept' }).click();
    await cardIn(grace, 'HANDOFF_DONE', TITLE, CLIENT).waitFor();
    await syncNow(grace);

    // Ada sees "accepted by Grace" with the time of the acceptance.
    await syncNow(ada);
    await cardIn(ada, 'HANDOFF_DONE', TITLE, CLIENT).waitFor();
    // The acceptance drafts a client update for the sender, who owns the client relationship; Ada skips it here.
    await ada.getByRole('button', { name: 'Skip', exact: true }).click();
    const accepted = (await storedHandoff(grace, id)).events.find((e) => e.kind === 'accepted');
    expect(accepted?.actor).toBe('100002');
    card = await openDrawerFromCard(ada, TITLE, CLIENT);
    const entry = card.getByRole('list', { name: 'History, newest first' }).getByRole('listitem').filter({ hasText: 'Accepted' }).first();
    await entry.getByText(GRACE, { exact: false }).waitFor();
    expect(await entry.locator('time').getAttribute('datetime')).toBe(accepted?.at);
    await closeDrawer(ada, TITLE);
    await ada.getByRole('button', { name: /Notifications/ }).click();
    await ada.getByText(`Accepted by ${GRACE}: ${TITLE}`).first().waitFor();
    await ada.keyboard.press('Escape');

    // Both desktops end with the same records.
    await syncNow(ada);
    await syncNow(grace);
    const [a, g] = [await storedHandoff(ada, id), await storedHandoff(grace, id)];
    expect(g.handoff).toEqual(a.handoff);
    expect(g.events).toEqual(a.events);
  }, 400_000);
});
