import type { Locator, Page } from 'playwright-core';
import type { HandoffState } from '../../../shared/domain/states';
import { STATE_LABELS } from '../../../shared/domain/states';

/**
 * The board as a user finds it: by roles, labels and visible text only (no
 * test ids), so every locator that works is also an accessibility check.
 */

export const BOARD_VIEWPORT = { width: 1400, height: 900 };

/** A board column: a region named by its heading ("In progress"…). */
export function column(page: Page, state: HandoffState): Locator {
  return page.getByRole('region', { name: STATE_LABELS[state], exact: true });
}

/** A card: an article named "<title>, <client>". */
export function card(page: Page, title: string, client: string): Locator {
  return page.getByRole('article', { name: `${title}, ${client}`, exact: true });
}

/** The card inside a given column (so "in the new column" is asserted, not just "somewhere"). */
export function cardIn(page: Page, state: HandoffState, title: string, client: string): Locator {
  return column(page, state).getByRole('article', { name: `${title}, ${client}`, exact: true });
}

/** Waits until the app has rendered its top bar and, when it has cards, the board's columns. */
export async function waitForApp(page: Page): Promise<void> {
  await page.getByRole('button', { name: '+ New handoff' }).waitFor();
}

/**
 * Just after start Baton raises the demo's stalls as exceptions (a real change): the badge grows the
 * Loyalty card, shifting the cards below it. A test that drags waits for that, as a person waits for a
 * board that has stopped moving. Nothing to wait for without the demo.
 */
export async function waitForDemoExceptions(page: Page): Promise<void> {
  if ((await page.getByRole('region', { name: 'Demo workspace' }).count()) === 0) return;
  await cardIn(page, 'IN_HANDOFF', 'Loyalty programme microsite', 'Northwind Outfitters').getByText(/⚠ \d+ exceptions?/).waitFor();
}

/** Removes the first-run demo through its banner, leaving an empty workspace. */
export async function removeDemoData(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Demo workspace' }).getByRole('button', { name: 'Remove demo data' }).click();
  await page.getByRole('heading', { name: 'No handoffs yet' }).waitFor();
}

/** A future due time as the datetime-local input takes it, in the workspace zone (UTC by default). */
export function futureLocalDateTime(daysAhead = 3): string {
  const due = new Date(Date.now() + daysAhead * 24 * 60 * 60 * 1000);
  due.setUTCHours(10, 30, 0, 0);
  return due.toISOString().slice(0, 16);
}

export interface NewHandoff {
  title: string;
  client: string;
  /** Visible template name, e.g. "QA → Marketing launch". */
  template: string;
  /** Visible owner name, e.g. "Me"; unset = "Not decided yet". */
  receiver?: string;
  nextAction?: { text: string; due: string };
}

/** Creates a handoff through the "New handoff" dialog; the app then opens its drawer. */
export async function createHandoffViaDialog(page: Page, input: NewHandoff): Promise<Locator> {
  await page.getByRole('button', { name: '+ New handoff' }).click();
  const dialog = page.getByRole('dialog', { name: 'New handoff' });
  await dialog.getByLabel('Title').fill(input.title);
  await dialog.getByLabel('Client').fill(input.client);
  const templateSelect = dialog.getByLabel('Template');
  const templateValue = await templateSelect.locator('option', { hasText: input.template }).getAttribute('value');
  if (templateValue === null) throw new Error(`No template option named "${input.template}"`);
  await templateSelect.selectOption(templateValue);
  if (input.receiver !== undefined) await dialog.getByLabel('Receiver').selectOption({ label: input.receiver });
  if (input.nextAction !== undefined) {
    await dialog.getByLabel('Next action (optional)').fill(input.nextAction.text);
    await dialog.getByLabel(/^Due/).fill(input.nextAction.due);
  }
  await dialog.getByRole('button', { name: 'Create handoff' }).click();
  await dialog.waitFor({ state: 'detached' });
  const drawer = page.getByRole('dialog', { name: input.title, exact: true });
  await drawer.waitFor();
  return drawer;
}

/** The open drawer of a handoff (a dialog named by its title). */
export function drawer(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title, exact: true });
}

/** Opens a card's drawer the documented keyboard way: focus the card, press Enter. */
export async function openDrawerFromCard(page: Page, title: string, client: string): Promise<Locator> {
  const target = card(page, title, client);
  await target.focus();
  await target.press('Enter');
  const opened = drawer(page, title);
  await opened.waitFor();
  return opened;
}

export async function closeDrawer(page: Page, title: string): Promise<void> {
  const opened = drawer(page, title);
  await opened.getByRole('button', { name: 'Close details' }).click();
  await opened.waitFor({ state: 'detached' });
}

/** One criterion row of the drawer's "Proof of completion", by its label. */
export function criterionRow(drawerLocator: Locator, label: string): Locator {
  return drawerLocator.getByRole('listitem').filter({ hasText: label });
}

/** Proof a criterion reports as met ("Met." is read out for screen readers). */
export async function waitForCriterionMet(drawerLocator: Locator, label: string): Promise<void> {
  await criterionRow(drawerLocator, label).getByText('Met.', { exact: false }).waitFor();
}

export async function tickCriterion(drawerLocator: Locator, label: string): Promise<void> {
  const box = drawerLocator.getByRole('checkbox', { name: label, exact: true });
  // A controlled checkbox: it shows ticked only once the write has committed, so
  // click and then wait (Playwright's check() expects the change synchronously).
  await box.click();
  await waitForCriterionMet(drawerLocator, label);
  if (!(await box.isChecked())) throw new Error(`"${label}" did not become ticked`);
}

export async function addContextLink(drawerLocator: Locator, url: string, label = ''): Promise<void> {
  if (label !== '') await drawerLocator.getByLabel('Link label').fill(label);
  await drawerLocator.getByLabel('Link URL').fill(url);
  await drawerLocator.getByRole('button', { name: 'Add link' }).click();
  await drawerLocator.getByRole('button', { name: label === '' ? url : label, exact: true }).waitFor();
}

export async function setReceiver(drawerLocator: Locator, name: string): Promise<void> {
  const select = drawerLocator.getByLabel('Receiver', { exact: true });
  await select.selectOption({ label: name });
}

export async function setNextAction(drawerLocator: Locator, text: string, due: string): Promise<void> {
  await drawerLocator.getByLabel('Next action', { exact: true }).fill(text);
  await drawerLocator.getByLabel(/^Due/).fill(due);
  await drawerLocator.getByRole('button', { name: 'Save next action' }).click();
  await drawerLocator.getByRole('button', { name: 'Save next action' }).waitFor({ state: 'detached' });
}

export async function approve(drawerLocator: Locator, role: string): Promise<void> {
  await drawerLocator.getByRole('button', { name: new RegExp(`^Approve as .* \\(${role}\\)$`) }).click();
  await drawerLocator.getByRole('button', { name: new RegExp(`^Approve as .* \\(${role}\\)$`) }).waitFor({ state: 'detached' });
}

export async function logClientUpdate(drawerLocator: Locator, body: string): Promise<void> {
  await drawerLocator.getByLabel('Client update', { exact: true }).fill(body);
  await drawerLocator.getByRole('button', { name: 'Log update' }).click();
  await drawerLocator.getByText(body, { exact: true }).waitFor();
}

/**
 * A real mouse drag with dnd-kit's pointer sensor, up to the drop: press on the
 * card near its top edge (the title, away from its buttons), move past the
 * activation distance, glide to `to` (viewport coordinates). The button stays down.
 */
export async function pickUpAndGlide(page: Page, cardLocator: Locator, to: { x: number; y: number }): Promise<void> {
  await cardLocator.scrollIntoViewIfNeeded();
  const from = await cardLocator.boundingBox();
  if (from === null) throw new Error('The card is not laid out');
  const startX = from.x + from.width / 2;
  const startY = from.y + Math.min(20, from.height / 2);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 10, startY + 10);
  await page.mouse.move(to.x, to.y, { steps: 15 });
}

/** A real mouse drag of the card, released at `to` (viewport coordinates). */
export async function dragCardToPoint(page: Page, cardLocator: Locator, to: { x: number; y: number }): Promise<void> {
  await pickUpAndGlide(page, cardLocator, to);
  await page.mouse.up();
}

/** The centre of what `locator` shows, in viewport coordinates. */
export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('The element is not laid out');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag of the card, released over the centre of column `to`. */
export async function dragCardToColumn(page: Page, cardLocator: Locator, to: HandoffState): Promise<void> {
  const target = await column(page, to).boundingBox();
  if (target === null) throw new Error(`Column "${STATE_LABELS[to]}" is not laid out`);
  await dragCardToPoint(page, cardLocator, { x: target.x + target.width / 2, y: target.y + target.height / 2 });
}

/** The refusal message (an alertdialog) and the unmet criteria it lists. */
export function refusal(page: Page): Locator {
  return page.getByRole('alertdialog');
}

export interface ListedUnmet {
  label: string;
  reason: string;
}

/** The unmet criteria the refusal lists, each with the reason shown under it. */
export async function refusalItems(page: Page): Promise<ListedUnmet[]> {
  const items = refusal(page).getByRole('list', { name: 'Unmet criteria' }).getByRole('listitem');
  await items.first().waitFor();
  const out: ListedUnmet[] = [];
  for (const item of await items.all()) {
    const label = (await item.locator('strong').innerText()).trim();
    const reason = (await item.locator('.muted').innerText()).trim();
    out.push({ label, reason });
  }
  return out;
}
