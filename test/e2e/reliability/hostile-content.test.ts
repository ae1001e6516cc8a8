import type { Page } from 'playwright-core';
import { storedHandoffByTitle } from '../support/baton-idb';
import { card, createHandoffViaDialog, drawer } from '../support/board-page';
import { useBoardSession } from '../support/board-session';

/**
 * Hostile text typed into Baton (or arriving from HubSpot) must render as
 * text: no markup is interpreted, no script runs, no dialog opens, and
 * unsafe links are refused at input with a clear message.
 */

const TEMPLATE = 'Design → Development';
const TITLE = `<img src=x onerror="window.__pwned='title'"> Launch ‮RTL עברית العربية 🚀👩🏽‍💻`;
const CLIENT = `<script>window.__pwned='client'</script>Ölçü & Söhne`;
const NOTE = `<svg onload="window.__pwned='note'"></svg><iframe src="javascript:window.__pwned='iframe'"></iframe> ‫שלום‬ 🎉\n${'long text '.repeat(950)}`;

const UNSAFE_LINKS = [`javascript:window.__pwned='link'`, `data:text/html,<script>window.__pwned='data'</script>`, 'file:///etc/passwd', 'http://insecure.example.com'];

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe('hostile content', () => {
  const session = useBoardSession();

  it('renders markup, RTL and emoji as text, runs no script, opens no dialog, refuses unsafe links', async () => {
    const { page } = session.app();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    const opened = await createHandoffViaDialog(page, { title: TITLE, client: CLIENT, template: TEMPLATE });

    // A note with markup, bidi controls, emoji and ~9,500 characters.
    await opened.getByLabel('New note').fill(NOTE);
    await opened.getByRole('button', { name: 'Add note' }).click();
    await opened.getByText('long text long text', { exact: false }).first().waitFor();

    // Unsafe links are refused at input, with the reason.
    for (const url of UNSAFE_LINKS) {
      await opened.getByLabel('Link URL').fill(url);
      await opened.getByRole('button', { name: 'Add link' }).click();
      await opened.getByRole('alert').filter({ hasText: 'A link must be a full https:// or mailto: address' }).waitFor();
    }

    const stored = await storedHandoffByTitle(page, TITLE);
    expect(stored.client.name).toBe(CLIENT);
    expect(stored.links).toEqual([]);
    expect(stored.notes[0]?.body).toBe(NOTE.trim());

    // The drawer shows the title as text (it is the dialog's accessible name), and no element came from the markup.
    expect(await drawer(page, TITLE).count()).toBe(1);
    await opened.getByRole('button', { name: 'Close details' }).click();
    await card(page, TITLE, CLIENT).waitFor();
    expect(await card(page, TITLE, CLIENT).innerText()).toContain('<img src=x onerror=');
    expect(await page.locator('img[src="x"], svg[onload], iframe, script:not([src])').count()).toBe(0);

    // A title far over the limit is refused with the limit, and nothing is created.
    const before = await page.getByRole('article').count();
    await page.getByRole('button', { name: '+ New handoff' }).click();
    const create = page.getByRole('dialog', { name: 'New handoff' });
    await create.getByLabel('Title').fill('x'.repeat(10_000));
    await create.getByLabel('Client').fill('Acme');
    await create.getByRole('button', { name: 'Create handoff' }).click();
    await create.getByRole('alert').filter({ hasText: 'at most 300 characters' }).waitFor();
    await create.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('article').count()).toBe(before);

    const flag = await pwned(page);
    expect(flag).toBeUndefined();
    expect(dialogs).toEqual([]);
    console.info(
      `[reliability] hostile-content: title, client and a ${NOTE.length}-character note with markup/RTL/emoji rendered as text, ${UNSAFE_LINKS.length} unsafe links and a 10,000-character title refused at input, ${flag === undefined ? 0 : 1} scripts run, ${dialogs.length} dialogs`,
    );
  });
});
