import type { Page } from 'playwright-core';
import { storedHandoffByTitle } from '../support/baton-idb';
import { waitForDemoExceptions } from '../support/board-page';
import { useBoardSession } from '../support/board-session';

const TITLE = 'Black Friday email templates';
const CLIENT = 'Acme Co';

function laneColumn(page: Page, lane: string, column: string) {
  return page.getByRole('region', { name: `Swimlane ${lane}`, exact: true }).getByRole('region', { name: column, exact: true });
}

describe('dragging a card on a board with swimlanes', () => {
  const session = useBoardSession();

  it('drops into the column of its lane under the pointer, and the move is stored', async () => {
    const { page } = session.app();
    await waitForDemoExceptions(page);
    await page.getByRole('combobox', { name: 'Swimlanes' }).selectOption('client');
    const card = laneColumn(page, CLIENT, 'Ready for handoff').getByRole('article', { name: `${TITLE}, ${CLIENT}` });
    await card.scrollIntoViewIfNeeded();
    const from = await card.boundingBox();
    const target = await laneColumn(page, CLIENT, 'In progress').boundingBox();
    if (from === null || target === null) throw new Error('card or column is not laid out');
    const x = from.x + from.width / 2;
    const y = from.y + Math.min(20, from.height / 2);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 10, y + 10);
    await page.mouse.move(target.x + target.width / 2, target.y + Math.min(40, target.height / 2), { steps: 15 });
    await page.mouse.up();

    await laneColumn(page, CLIENT, 'In progress').getByRole('article', { name: `${TITLE}, ${CLIENT}` }).waitFor();
    await expect.poll(async () => (await storedHandoffByTitle(page, TITLE)).state).toBe('IN_PROGRESS');
    expect(await laneColumn(page, CLIENT, 'Ready for handoff').getByRole('article', { name: `${TITLE}, ${CLIENT}` }).count()).toBe(0);
  });
});
