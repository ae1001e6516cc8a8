import type { Page } from 'playwright-core';
import { storedHandoffByTitle } from '../support/baton-idb';
import { card, centreOf, closeDrawer, column, createHandoffViaDialog, dragCardToPoint, removeDemoData } from '../support/board-page';
import { useBoardSession } from '../support/board-session';

const TEMPLATE = 'Development → QA';
const CLIENT = 'Nordlicht Bikes';
const TITLES = ['Header build', 'Footer build', 'Cart build'] as const;

/** The titles of the "In progress" column, top to bottom, as a reader meets them. */
async function shownOrder(page: Page): Promise<string[]> {
  const labels = await column(page, 'IN_PROGRESS').getByRole('article').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.split(',')[0] ?? '');
}

/** The same column's titles in stored rank order: the order every desktop and every reload shows. */
async function storedOrder(page: Page): Promise<string[]> {
  const stored = await Promise.all(TITLES.map((title) => storedHandoffByTitle(page, title)));
  return stored.sort((a, b) => a.rank - b.rank).map((handoff) => handoff.title);
}

async function createThree(page: Page): Promise<string[]> {
  await removeDemoData(page);
  for (const title of TITLES) {
    await createHandoffViaDialog(page, { title, client: CLIENT, template: TEMPLATE });
    await closeDrawer(page, title);
  }
  await expect.poll(() => shownOrder(page)).toHaveLength(3);
  const order = await shownOrder(page);
  expect(await storedOrder(page)).toEqual(order);
  return order;
}

describe('reordering cards within a column', () => {
  const session = useBoardSession();

  it('a card dropped with the mouse on another card of its column takes that card’s place, on screen and on disk', async () => {
    const { page } = session.app();
    const [first, second, third] = await createThree(page);
    if (first === undefined || second === undefined || third === undefined) throw new Error('three cards expected');
    await dragCardToPoint(page, card(page, first, CLIENT), await centreOf(card(page, third, CLIENT)));

    await expect.poll(() => shownOrder(page)).toEqual([second, third, first]);
    await expect.poll(() => storedOrder(page)).toEqual([second, third, first]);
    // Dropped back on its own place: nothing changes.
    await dragCardToPoint(page, card(page, first, CLIENT), await centreOf(card(page, first, CLIENT)));
    await page.waitForTimeout(300);
    expect(await shownOrder(page)).toEqual([second, third, first]);
    expect(await storedOrder(page)).toEqual([second, third, first]);
  });

  it('Space, ArrowUp, Space moves a card one place up its column; ArrowDown moves it back', async () => {
    const { page } = session.app();
    const [first, second, third] = await createThree(page);
    if (first === undefined || second === undefined || third === undefined) throw new Error('three cards expected');
    const narration = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

    await card(page, third, CLIENT).focus();
    await page.keyboard.press('Space');
    await narration(`Picked up “${third}”`).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await narration(`Dropped “${third}” in In progress.`).waitFor();
    await expect.poll(() => shownOrder(page)).toEqual([first, third, second]);
    await expect.poll(() => storedOrder(page)).toEqual([first, third, second]);

    await card(page, third, CLIENT).focus();
    await page.keyboard.press('Space');
    await narration(`Picked up “${third}”`).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => shownOrder(page)).toEqual([first, second, third]);
    await expect.poll(() => storedOrder(page)).toEqual([first, second, third]);
  });
});
