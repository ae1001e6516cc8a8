import type { Page } from 'playwright-core';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cardIn, closeDrawer, column, createHandoffViaDialog, dragCardToColumn, drawer, refusal } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { DEV_TO_QA } from '../support/handoff-flows';
import { REPO_ROOT } from '../support/open-baton';

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

/** Saves a full-window screenshot as a build artifact and checks it is a real image. */
async function saveScreenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOT_DIR, name);
  // Toasts and the caret would make otherwise identical runs differ.
  await page.screenshot({ path, caret: 'hide', animations: 'disabled' });
  expect(statSync(path).size).toBeGreaterThan(10_000);
}

describe('screenshots of the board (artifacts in test-results/screenshots)', () => {
  const session = useBoardSession();

  beforeAll(() => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  it('board, dark board, drawer and refused move', async () => {
    const { page } = session.app();
    const firstCard = column(page, 'IN_PROGRESS').getByRole('article').first();
    await firstCard.waitFor();
    await saveScreenshot(page, 'board.png');

    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'board-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });

    await firstCard.focus();
    await page.keyboard.press('Enter');
    const opened = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Proof of completion' }) });
    await opened.getByRole('heading', { name: 'History' }).waitFor();
    await saveScreenshot(page, 'drawer.png');
    await opened.getByRole('button', { name: 'Close details' }).click();
    await opened.waitFor({ state: 'detached' });

    const title = 'Returns portal build';
    const client = 'Nordlicht Bikes';
    await createHandoffViaDialog(page, { title, client, template: DEV_TO_QA });
    await closeDrawer(page, title);
    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', title, client), 'READY_FOR_HANDOFF');
    await refusal(page).getByRole('list', { name: 'Unmet criteria' }).waitFor();
    // Let dnd-kit's drop animation (the dragged card's floating copy) finish first.
    await expect.poll(() => page.getByText(title, { exact: true }).count()).toBe(1);
    await saveScreenshot(page, 'refused-move.png');
    expect(await drawer(page, title).count()).toBe(0);
  });
});
