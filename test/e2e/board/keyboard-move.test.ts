import type { Locator, Page } from 'playwright-core';
import { storedHandoff, storedHandoffByTitle } from '../support/baton-idb';
import {
  addContextLink,
  card,
  cardIn,
  closeDrawer,
  createHandoffViaDialog,
  refusal,
  refusalItems,
  removeDemoData,
  tickCriterion,
  type ListedUnmet,
} from '../support/board-page';
import { useBoardSession } from '../support/board-session';

const TEMPLATE = 'Development → QA';
const CLIENT = 'Nordlicht Bikes';

/** Presses Tab from the top of the page until `target` has focus (a keyboard user's route to it). */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<number> {
  await page.getByRole('button', { name: 'Board', exact: true }).focus();
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((node) => node === document.activeElement)) return presses;
  }
  throw new Error(`Tab never reached the element within ${maxPresses} presses`);
}

/**
 * dnd-kit's keyboard sensor: Space picks up, an arrow moves to the next column,
 * Space drops. Each step waits for the screen-reader narration of the previous
 * one (the sensor only listens for arrows once the pick-up has happened).
 */
async function keyboardDragRight(page: Page, title: string, toColumn: string): Promise<void> {
  const narration = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  await page.keyboard.press('Space');
  // "Picked up …" is at once followed by "… is over <its own column>".
  await narration(new RegExp(`Picked up “${title}”|“${title}” is over`)).waitFor();
  await page.keyboard.press('ArrowRight');
  await narration(`“${title}” is over ${toColumn}.`).waitFor();
  await page.keyboard.press('Space');
  await narration(`Dropped “${title}” in ${toColumn}.`).waitFor();
}

async function dismissRefusal(page: Page): Promise<void> {
  await refusal(page).getByRole('button', { name: 'OK' }).click();
  await refusal(page).waitFor({ state: 'detached' });
}

describe('moving a card with the keyboard only', () => {
  const session = useBoardSession();

  it('Tab to the card, Space, ArrowRight, Space moves it to the next column when its proof holds', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const title = 'Search filters build';
    const drawer = await createHandoffViaDialog(page, { title, client: CLIENT, template: TEMPLATE });
    await tickCriterion(drawer, 'Deployed to staging');
    await addContextLink(drawer, 'https://staging.example.com/search');
    await closeDrawer(page, title);
    const { id } = await storedHandoffByTitle(page, title);

    await tabTo(page, card(page, title, CLIENT));
    await keyboardDragRight(page, title, 'Ready for handoff');

    await cardIn(page, 'READY_FOR_HANDOFF', title, CLIENT).waitFor();
    await expect.poll(async () => (await storedHandoff(page, id)).handoff?.state).toBe('READY_FOR_HANDOFF');
    expect(await refusal(page).count()).toBe(0);
  });

  it('Space, ArrowRight, Space typed in one go on a slow machine moves the card: keys pressed before dnd-kit listens are not lost', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const title = 'Checkout build';
    const drawer = await createHandoffViaDialog(page, { title, client: CLIENT, template: TEMPLATE });
    await tickCriterion(drawer, 'Deployed to staging');
    await addContextLink(drawer, 'https://staging.example.com/checkout');
    await closeDrawer(page, title);
    const { id } = await storedHandoffByTitle(page, title);

    await tabTo(page, card(page, title, CLIENT));
    // dnd-kit starts listening for keys a task after the pick-up, and Chromium runs input before
    // timers: at 6x slower, the arrow and the drop arrive before it listens.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');

    await page.getByRole('status').filter({ hasText: `Dropped “${title}” in Ready for handoff.` }).waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cardIn(page, 'READY_FOR_HANDOFF', title, CLIENT).waitFor();
    await expect.poll(async () => (await storedHandoff(page, id)).handoff?.state).toBe('READY_FOR_HANDOFF');
    expect(await refusal(page).count()).toBe(0);
  });

  it('a keyboard drag, the move menu and the ] shortcut are gated the same way and refuse with the same message', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const title = 'Wishlist build';
    await createHandoffViaDialog(page, { title, client: CLIENT, template: TEMPLATE });
    await closeDrawer(page, title);
    const { id } = await storedHandoffByTitle(page, title);
    const before = await storedHandoff(page, id);
    const target = card(page, title, CLIENT);
    const refusals: ListedUnmet[][] = [];
    const titles: string[] = [];
    const record = async () => {
      await refusal(page).waitFor();
      titles.push(await refusal(page).getByRole('heading').first().innerText());
      refusals.push(await refusalItems(page));
      await dismissRefusal(page);
    };

    // 1. dnd-kit keyboard drag.
    await tabTo(page, target);
    await keyboardDragRight(page, title, 'Ready for handoff');
    await record();

    // 2. The move menu, opened with the "m" shortcut on the focused card.
    await target.focus();
    await page.keyboard.press('m');
    const menu = page.getByRole('dialog', { name: `Move “${title}”` });
    await menu.getByRole('button', { name: '→ Move to Ready for handoff' }).click();
    await record();

    // 3. The same menu from the card's own actions button.
    await page.getByRole('button', { name: `Actions for ${title}` }).click();
    await menu.getByRole('button', { name: '→ Move to Ready for handoff' }).click();
    await record();

    // 4. The "]" shortcut (move to the next column).
    await target.focus();
    await page.keyboard.press(']');
    await record();

    const expected = [
      { label: 'Deployed to staging', reason: '"Deployed to staging" is not ticked yet' },
      { label: 'Staging link attached', reason: 'No context link is attached' },
    ];
    expect(refusals).toEqual([expected, expected, expected, expected]);
    expect(new Set(titles)).toEqual(new Set([`Can’t move “${title}” to Ready for handoff`]));
    await cardIn(page, 'IN_PROGRESS', title, CLIENT).waitFor();
    const after = await storedHandoff(page, id);
    expect(after.handoff).toEqual(before.handoff);
    expect(after.events.length).toBe(before.events.length);
    expect(after.outbox.length).toBe(before.outbox.length);
  });

  it('the ] shortcut moves a card whose proof holds, and focus stays on the card', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const title = 'Order history build';
    const drawer = await createHandoffViaDialog(page, { title, client: CLIENT, template: TEMPLATE });
    await tickCriterion(drawer, 'Deployed to staging');
    await addContextLink(drawer, 'https://staging.example.com/orders');
    await closeDrawer(page, title);
    const { id } = await storedHandoffByTitle(page, title);

    await card(page, title, CLIENT).focus();
    // A slow machine (CPU throttled 10x) must not lose the user's place: the card re-mounts
    // in its new column whenever the write commits, not within a fixed delay.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    await page.keyboard.press(']');

    const moved = cardIn(page, 'READY_FOR_HANDOFF', title, CLIENT);
    await moved.waitFor();
    await expect.poll(async () => (await storedHandoff(page, id)).handoff?.state).toBe('READY_FOR_HANDOFF');
    await expect.poll(() => moved.evaluate((node) => node === document.activeElement), { timeout: 5_000 }).toBe(true);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  });
});
