import type { Handoff } from '../../../shared/domain/handoff';
import { putStoredHandoffs, storedHandoff, storedHandoffByTitle } from '../support/baton-idb';
import type { Page } from 'playwright-core';
import { card, cardIn, column, createHandoffViaDialog, dragCardToColumn, removeDemoData, waitForApp } from '../support/board-page';
import { useBoardSession } from '../support/board-session';

const CLIENT = 'Fjord Coffee';
const LONG = 600;

function copyOf(original: Handoff, index: number): Handoff {
  return { ...original, id: `long-${index}`, title: `Long column card ${index}`, rank: (index + 1) * 1024 };
}

/** A workspace with one card made through the app, then `extra` stored copies of it; reloaded. */
async function workspaceOfCopies(page: Page, extra: (original: Handoff) => Handoff[]): Promise<Handoff[]> {
  await removeDemoData(page);
  await createHandoffViaDialog(page, { title: 'Template card', client: CLIENT, template: 'Development → QA' });
  await page.keyboard.press('Escape');
  const copies = extra(await storedHandoffByTitle(page, 'Template card'));
  await putStoredHandoffs(page, copies);
  await page.reload();
  await waitForApp(page);
  return copies;
}

async function centreOf(page: Page, state: 'IN_PROGRESS' | 'READY_FOR_HANDOFF'): Promise<{ x: number; y: number }> {
  const box = await column(page, state).locator('.column-scroll').boundingBox();
  if (box === null) throw new Error(`${state} is not laid out`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('a column of hundreds of cards', () => {
  const session = useBoardSession();

  it('opens with the first cards, counts all of them, loads the rest as it scrolls, and takes a drop', async () => {
    const { page } = session.app();
    const copies = await workspaceOfCopies(page, (original) => [
      ...Array.from({ length: LONG }, (_, index) => copyOf(original, index)),
      { ...copyOf(original, LONG), id: 'visitor', title: 'Visiting card', state: 'READY_FOR_HANDOFF' },
    ]);

    const inProgress = column(page, 'IN_PROGRESS');
    await cardIn(page, 'IN_PROGRESS', 'Long column card 0', CLIENT).waitFor();
    // Every card is counted (601 with the template card), only a screenful is in the page.
    await expect.poll(() => inProgress.locator('.column-count .visually-hidden').textContent()).toBe(`${LONG + 1} handoffs`);
    expect(await inProgress.getByRole('article').count()).toBeLessThan(40);

    // Scrolling to the bottom loads the column window by window until the last card shows.
    const scroller = inProgress.locator('.column-scroll');
    const last = card(page, `Long column card ${LONG - 1}`, CLIENT);
    await expect
      .poll(
        async () => {
          await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
          return last.isVisible();
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(true);
    expect(await inProgress.locator('.card-placeholder').count()).toBe(0);

    // A card dropped onto the top of the long column lands above its first card.
    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    await cardIn(page, 'IN_PROGRESS', 'Long column card 0', CLIENT).waitFor();
    await dragCardToColumn(page, card(page, 'Visiting card', CLIENT), 'IN_PROGRESS');
    await expect.poll(async () => (await storedHandoff(page, 'visitor')).handoff?.state).toBe('IN_PROGRESS');
    await expect.poll(() => inProgress.locator('.column-count .visually-hidden').textContent()).toBe(`${LONG + 2} handoffs`);
    const stored = (await storedHandoff(page, 'visitor')).handoff;
    expect(stored?.rank).toBeLessThan(copies[LONG - 1]?.rank ?? 0);
    await cardIn(page, 'IN_PROGRESS', 'Visiting card', CLIENT).waitFor();
  });

  it('a card dragged out of its column and back over it, again and again, stays put and nothing breaks', async () => {
    const { page } = session.app();
    await workspaceOfCopies(page, (original) =>
      Array.from({ length: 160 }, (_, index) => ({ ...copyOf(original, index), title: index % 2 === 0 ? `Long column card ${index}` : `Ready card ${index}`, state: index % 2 === 0 ? 'IN_PROGRESS' : 'READY_FOR_HANDOFF' })),
    );
    const grabbed = card(page, 'Ready card 1', CLIENT);
    const box = await grabbed.boundingBox();
    if (box === null) throw new Error('The first ready card is not laid out');
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 10, box.y + 30);
    // Over the next column and back over its own, the way a user who changes their mind does.
    for (const state of ['IN_PROGRESS', 'READY_FOR_HANDOFF', 'IN_PROGRESS', 'READY_FOR_HANDOFF'] as const) {
      const point = await centreOf(page, state);
      await page.mouse.move(point.x, point.y, { steps: 20 });
    }
    await page.mouse.up();
    await cardIn(page, 'READY_FOR_HANDOFF', 'Ready card 1', CLIENT).waitFor();
    expect((await storedHandoff(page, 'long-1')).handoff?.state).toBe('READY_FOR_HANDOFF');
    expect(session.pageErrors()).toEqual([]);
  });
});
