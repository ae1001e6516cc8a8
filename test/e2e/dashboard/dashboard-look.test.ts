import type { Page } from 'playwright-core';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { seriousAxeViolations } from '../support/axe';
import { useBoardSession } from '../support/board-session';
import { REPO_ROOT } from '../support/open-baton';

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

async function saveScreenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOT_DIR, name);
  await page.screenshot({ path, caret: 'hide', animations: 'disabled', fullPage: true });
  expect(statSync(path).size).toBeGreaterThan(10_000);
}

/** The dashboard scrolls inside its page; unroll it so a full-page screenshot shows every section. */
async function unrollDashboard(page: Page): Promise<void> {
  await page.addStyleTag({ content: 'html, body, #root, .app { height: auto !important; overflow: visible !important; } .dash-page { overflow: visible !important; }' });
}

describe('the dashboard in light and dark (demo workspace; screenshots in test-results/screenshots)', () => {
  const session = useBoardSession();

  beforeAll(() => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  it('has no serious accessibility violations in either theme, charts or tables', async () => {
    const { page } = session.app();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
    await page.getByRole('figure', { name: 'Load per receiver' }).locator('.recharts-bar-rectangle').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // Every chart also reads as a table.
    const toTable = page.getByRole('button', { name: 'View as table' });
    expect(await toTable.count()).toBe(5);
    // Each click renames its button, so always take the first one left.
    for (let left = 5; left > 0; left -= 1) {
      await toTable.first().click();
      await expect.poll(() => toTable.count()).toBe(left - 1);
    }
    expect(await page.getByRole('button', { name: 'View as chart' }).count()).toBe(5);
    expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(7);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('screenshots: dashboard light, dark, and the notification centre', async () => {
    const { page } = session.app();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
    await page.getByRole('figure', { name: 'Load per receiver' }).locator('.recharts-bar-rectangle').first().waitFor();
    await unrollDashboard(page);
    await saveScreenshot(page, 'dashboard.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'dashboard-dark.png');
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('region', { name: 'Notification centre' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'notification-centre-dark.png'), caret: 'hide', animations: 'disabled' });
  });
});
