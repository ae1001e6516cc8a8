import type { Page } from 'playwright-core';
import { storedHandoffByTitle } from '../support/baton-idb';
import { dragCardToPoint, waitForDemoExceptions } from '../support/board-page';
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
    const target = await laneColumn(page, CLIENT, 'In progress').boundingBox();
    if (target === null) throw new Error('the column is not laid out');
    await dragCardToPoint(page, card, { x: target.x + target.width / 2, y: target.y + Math.min(40, target.height / 2) });

    await laneColumn(page, CLIENT, 'In progress').getByRole('article', { name: `${TITLE}, ${CLIENT}` }).waitFor();
    await expect.poll(async () => (await storedHandoffByTitle(page, TITLE)).state).toBe('IN_PROGRESS');
    expect(await laneColumn(page, CLIENT, 'Ready for handoff').getByRole('article', { name: `${TITLE}, ${CLIENT}` }).count()).toBe(0);
  });
});
