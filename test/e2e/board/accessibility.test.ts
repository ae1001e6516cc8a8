import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../support/axe';
import { cardIn, closeDrawer, column, createHandoffViaDialog, dragCardToColumn, refusal } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { DEV_TO_QA } from '../support/handoff-flows';

/** What a keyboard user lands on: its role and accessible name (as far as the DOM says). */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement)) return 'nothing';
    const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
    const labelledBy = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? (element.labels?.[0]?.textContent ?? '') : element.textContent ?? '');
    return `${role}: ${name.trim()}`;
  });
}

describe('accessibility of the board (axe-core in Chromium, demo workspace)', () => {
  const session = useBoardSession();

  it('the board, an open drawer, the templates editor and a refusal have no serious or critical violations', async () => {
    const { page } = session.app();
    await column(page, 'IN_PROGRESS').getByRole('article').first().waitFor();
    expect(await seriousAxeViolations(page), 'board').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page), 'board, dark theme').toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    const title = 'Returns portal build';
    const client = 'Nordlicht Bikes';
    const drawer = await createHandoffViaDialog(page, { title, client, template: DEV_TO_QA });
    await drawer.getByRole('heading', { name: 'History' }).waitFor();
    expect(await seriousAxeViolations(page), 'drawer').toEqual([]);
    await closeDrawer(page, title);

    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', title, client), 'READY_FOR_HANDOFF');
    await refusal(page).getByRole('list', { name: 'Unmet criteria' }).waitFor();
    expect(await seriousAxeViolations(page), 'refusal').toEqual([]);
    await refusal(page).getByRole('button', { name: 'OK' }).click();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Edit QA → Marketing launch' }).click();
    await page.getByRole('form', { name: 'Edit template QA → Marketing launch' }).waitFor();
    expect(await seriousAxeViolations(page), 'templates editor').toEqual([]);
  });

  it('Tab walks the top bar in order, then the filters, then into the board’s cards', async () => {
    const { page } = session.app();
    const firstCard = column(page, 'IN_PROGRESS').getByRole('article').first();
    await firstCard.waitFor();
    const firstCardName = await firstCard.getAttribute('aria-label');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const stops: string[] = [];
    for (let presses = 0; presses < 30; presses += 1) {
      await page.keyboard.press('Tab');
      const stop = await describeFocus(page);
      stops.push(stop);
      if (stop.startsWith('article:')) break;
    }
    expect(stops.slice(0, 9)).toEqual([
      'button: Board',
      'button: Templates',
      'button: Dashboard',
      'input: Search handoffs',
      'button: Notifications',
      'button: + New handoff',
      'button: Settings',
      'button: Keyboard shortcuts and help',
      'button: Remove demo data',
    ]);
    expect(stops).toEqual(
      expect.arrayContaining(['button: Mine', 'button: Awaiting my acceptance', 'select: Filter by client', 'select: Swimlanes']),
    );
    // The first card of the first column is the first board stop, and every stop had a name.
    expect(stops.at(-1)).toBe(`article: ${firstCardName ?? ''}`);
    expect(stops.filter((stop) => /: ?$/.test(stop))).toEqual([]);
    // The card's own controls come next, so its actions menu is reachable without a mouse.
    await page.keyboard.press('Tab');
    const cardTitle = (firstCardName ?? '').split(', ')[0] ?? '';
    expect(await describeFocus(page)).toBe(`button: Actions for ${cardTitle}`);
  });
});
