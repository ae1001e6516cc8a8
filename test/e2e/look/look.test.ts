import type { Locator, Page } from 'playwright-core';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cardIn, closeDrawer, column, createHandoffViaDialog, dragCardToColumn, refusal } from '../support/board-page';
import { DEV_TO_QA } from '../support/handoff-flows';
import { DEFAULT_TOKEN } from '../../hubspot-fake';
import { useHubSpotSession } from '../support/hubspot-session';
import { REPO_ROOT } from '../support/open-baton';

/**
 * Every screen a person looks at, photographed (test-results/screenshots/look-*.png)
 * and read: its visible text must hold no raw id, ISO timestamp or enum code.
 * The screenshots are for a person to look at; the text check is what fails
 * on a regression.
 */
const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

/** What a reader must never see, each with why it is there. */
const RAW_TEXT: readonly { what: string; pattern: RegExp }[] = [
  { what: 'ISO timestamp', pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/ },
  { what: 'UUID', pattern: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i },
  // The demo's people and cards, the local user, and ids the app mints for people and templates
  // (not inside a link, where "…/file/demo-final-screens" is someone's URL).
  { what: 'internal id', pattern: /(?<![/\w.-])(?:demo-[a-z0-9]|local-user\b|owner-[0-9a-f]{4}|tpl-[0-9a-f]{4})/ },
  { what: 'state, gate or exception code', pattern: /\b(?:IN_PROGRESS|READY_FOR_HANDOFF|IN_HANDOFF|HANDOFF_DONE|HAND_OVER|GATE_BYPASSED|SYNC_FAILED|SLA_BREACHED|NEXT_ACTION_OVERDUE|DEAL_LEFT_PIPELINE)\b/ },
  { what: 'criterion kind code', pattern: /\b(?:receiver_assigned|next_action|context_link|client_notified|hubspot_property)\b/ },
];

/** Each raw fragment found in `text`, with a little context, e.g. "internal id: …to demo-priya…". */
export function rawFragments(text: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of RAW_TEXT) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of text.matchAll(global)) {
      const at = match.index;
      found.push(`${what}: …${text.slice(Math.max(0, at - 30), at + match[0].length + 30).replace(/\s+/g, ' ')}…`);
    }
  }
  return found;
}

/** Photographs the window and checks the text a person can read in `scope` (the whole page by default). */
async function look(page: Page, name: string, scope?: Locator): Promise<void> {
  const path = join(SCREENSHOT_DIR, `look-${name}.png`);
  await page.screenshot({ path, caret: 'hide', animations: 'disabled' });
  expect(statSync(path).size).toBeGreaterThan(10_000);
  const text = await (scope ?? page.locator('body')).innerText();
  expect(text.trim().length, `${name} shows text`).toBeGreaterThan(0);
  expect(rawFragments(text), `raw ids, timestamps or codes on ${name}`).toEqual([]);
}

function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

describe('how each screen looks and reads (demo workspace; screenshots in test-results/screenshots/look-*.png)', () => {
  const session = useHubSpotSession();

  beforeAll(() => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  it('the check itself finds what it must', () => {
    expect(rawFragments('Receiver changed from nobody to demo-priya')).toHaveLength(1);
    expect(rawFragments('due 2026-12-09T10:30:00.000Z')).toHaveLength(1);
    expect(rawFragments('Resolved the GATE_BYPASSED exception')).toHaveLength(1);
    expect(rawFragments('Asked by owner-41f943b2-1c2d-4e5f-8a9b-0c1d2e3f4a5b')).toHaveLength(2);
    expect(rawFragments('Id: receiver_assigned')).toHaveLength(1);
    expect(rawFragments('Receiver changed from nobody to Priya Patel, due Wed 9 Dec, 10:30')).toEqual([]);
    // Someone's link is their text, not our id.
    expect(rawFragments('Final screens (https://www.figma.com/file/demo-final-screens)')).toEqual([]);
  });

  it('board (light and dark), a demo card’s drawer, and the refusal panel', async () => {
    const { page } = session.app();
    await column(page, 'IN_HANDOFF').getByRole('article').first().waitFor();
    await look(page, 'board');
    await page.emulateMedia({ colorScheme: 'dark' });
    await look(page, 'board-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const demoCard = column(page, 'IN_HANDOFF').getByRole('article').first();
    await demoCard.focus();
    await page.keyboard.press('Enter');
    const opened = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Proof of completion' }) });
    await opened.getByRole('heading', { name: 'History' }).waitFor();
    await look(page, 'drawer', opened);
    // Its history, where names and local times matter most.
    await opened.getByRole('heading', { name: 'History' }).scrollIntoViewIfNeeded();
    await look(page, 'drawer-history', opened);
    await page.emulateMedia({ colorScheme: 'dark' });
    await look(page, 'drawer-history-dark', opened);
    await page.emulateMedia({ colorScheme: 'light' });
    await opened.getByRole('button', { name: 'Close details' }).click();
    await opened.waitFor({ state: 'detached' });

    const title = 'Returns portal build';
    const client = 'Nordlicht Bikes';
    await createHandoffViaDialog(page, { title, client, template: DEV_TO_QA });
    await closeDrawer(page, title);
    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', title, client), 'READY_FOR_HANDOFF');
    await refusal(page).getByRole('list', { name: 'Unmet criteria' }).waitFor();
    await expect.poll(() => page.getByText(title, { exact: true }).count()).toBe(1);
    await look(page, 'refusal', refusal(page));
  });

  it('dashboard and notification centre', async () => {
    const { page } = session.app();
    await nav(page).getByRole('button', { name: 'Dashboard' }).click();
    await page.getByRole('figure', { name: 'Load per receiver' }).locator('.recharts-bar-rectangle').first().waitFor();
    await look(page, 'dashboard');
    // The whole page once, charts included (the dashboard scrolls inside its own pane).
    await page.addStyleTag({ content: 'html, body, #root, .app { height: auto !important; overflow: visible !important; } .dash-page { overflow: visible !important; }' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'look-dashboard-full.png'), caret: 'hide', animations: 'disabled', fullPage: true });
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const centre = page.getByRole('region', { name: 'Notification centre' });
    await centre.waitFor();
    await look(page, 'notification-centre', centre);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'dark' });
    await look(page, 'dashboard-dark');
  });

  it('Settings → People and Settings → HubSpot (setup flow)', async () => {
    const { page } = session.app();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Role of Maya Chen', { exact: true }).waitFor();
    await look(page, 'settings-people');

    const panel = page.getByRole('region', { name: 'HubSpot' });
    await panel.getByLabel(/HubSpot token/).fill(DEFAULT_TOKEN);
    await panel.getByRole('button', { name: 'Connect' }).click();
    const setup = panel.getByRole('form', { name: 'Set up HubSpot for Baton' });
    // The pipelines are read first; photograph the choice a person makes, not "Reading…".
    await setup.getByRole('radio', { name: /Create Baton’s own/ }).waitFor();
    await setup.scrollIntoViewIfNeeded();
    await look(page, 'settings-hubspot', panel);
  });

  it('template editor', async () => {
    const { page } = session.app();
    await nav(page).getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Edit QA → Marketing launch' }).click();
    const form = page.getByRole('form', { name: 'Edit template QA → Marketing launch' });
    await form.waitFor();
    await look(page, 'template-editor', form);
  });
});
