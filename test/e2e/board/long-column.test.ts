import type { Handoff } from '../../../shared/domain/handoff';
import { putStoredHandoffs, storedHandoff, storedHandoffByTitle } from '../support/baton-idb';
import { card, cardIn, column, createHandoffViaDialog, dragCardToColumn, removeDemoData, waitForApp } from '../support/board-page';
import { useBoardSession } from '../support/board-session';

const CLIENT = 'Fjord Coffee';
const LONG = 600;

function copyOf(original: Handoff, index: number): Handoff {
  return { ...original, id: `long-${index}`, title: `Long column card ${index}`, rank: (index + 1) * 1024 };
}

describe('a column of hundreds of cards', () => {
  const session = useBoardSession();

  it('opens with the first cards, counts all of them, loads the rest as it scrolls, and takes a drop', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    await createHandoffViaDialog(page, { title: 'Template card', client: CLIENT, template: 'Development → QA' });
    await page.keyboard.press('Escape');
    const original = await storedHandoffByTitle(page, 'Template card');
    const copies = Array.from({ length: LONG }, (_, index) => copyOf(original, index));
    const visitor: Handoff = { ...copyOf(original, LONG), id: 'visitor', title: 'Visiting card', state: 'READY_FOR_HANDOFF' };
    await putStoredHandoffs(page, [...copies, visitor]);
    await page.reload();
    await waitForApp(page);

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
});
