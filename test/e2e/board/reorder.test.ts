import type { Page } from 'playwright-core';
import { storedHandoffByTitle } from '../support/baton-idb';
import { card, centreOf, closeDrawer, column, createHandoffViaDialog, dragCardToPoint, pickUpAndGlide, removeDemoData } from '../support/board-page';
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

  it('while a card is dragged within its column, a line shows where it will land, and the drop puts it there', async () => {
    const { page } = session.app();
    const [first, second, third] = await createThree(page);
    if (first === undefined || second === undefined || third === undefined) throw new Error('three cards expected');
    const line = column(page, 'IN_PROGRESS').locator('[data-drop-slot]');

    await pickUpAndGlide(page, card(page, first, CLIENT), await centreOf(card(page, third, CLIENT)));
    // Over the third card, moving down: below it.
    await expect.poll(() => line.getAttribute('data-drop-slot')).toBe('2 after');
    const lineBox = await line.boundingBox();
    const thirdBox = await card(page, third, CLIENT).boundingBox();
    if (lineBox === null || thirdBox === null) throw new Error('the line and the card must be laid out');
    expect(lineBox.y).toBeGreaterThanOrEqual(thirdBox.y + thirdBox.height - 1);
    expect(lineBox.y).toBeLessThanOrEqual(thirdBox.y + thirdBox.height + 8);
    // Back over its own place: no line, since a drop there changes nothing.
    const own = await centreOf(card(page, first, CLIENT));
    await page.mouse.move(own.x, own.y, { steps: 10 });
    await line.waitFor({ state: 'detached' });
    // Over the second card: below it; the drop puts the card exactly there.
    const over = await centreOf(card(page, second, CLIENT));
    await page.mouse.move(over.x, over.y, { steps: 10 });
    await expect.poll(() => line.getAttribute('data-drop-slot')).toBe('1 after');
    await page.mouse.up();
    await line.waitFor({ state: 'detached' });
    await expect.poll(() => shownOrder(page)).toEqual([second, first, third]);
    await expect.poll(() => storedOrder(page)).toEqual([second, first, third]);

    // A keyboard drag shows the same line: Space, ArrowUp on the last card puts it above the one before it; Escape takes it away.
    await card(page, third, CLIENT).focus();
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: `Picked up “${third}”` }).waitFor();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => line.getAttribute('data-drop-slot')).toBe('1 before');
    await page.keyboard.press('Escape');
    await line.waitFor({ state: 'detached' });
    expect(await storedOrder(page)).toEqual([second, first, third]);
  });
});
