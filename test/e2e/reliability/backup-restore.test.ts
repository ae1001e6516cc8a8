import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { storedHandoffs } from '../support/baton-idb';
import { removeDemoData } from '../support/board-page';
import { useBoardSession } from '../support/board-session';

/**
 * Back up / Restore in real Chromium with real IndexedDB: a backup file is
 * downloaded from Settings, the workspace is changed, and restoring the file
 * brings it back exactly; a damaged file is refused with the reason and
 * changes nothing.
 */

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByRole('region', { name: 'Back up / Restore' });
  await panel.waitFor();
  return panel;
}

describe('back up and restore in the browser', () => {
  const session = useBoardSession();
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-backup-e2e-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads a backup, restores it after the workspace changed, and refuses a damaged file', async () => {
    const { page } = session.app();
    const original = (await storedHandoffs(page)).sort((a, b) => a.id.localeCompare(b.id));
    expect(original.length).toBeGreaterThan(0);

    let panel = await openSettings(page);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Back up to a file…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^baton-\d{4}-\d{2}-\d{2}-\d{4}\.batonbackup$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    const backup = JSON.parse(text) as { tables: { handoffs: { id: string }[] } };
    expect(backup).toMatchObject({ format: 'baton-backup', formatVersion: 1 });
    // What the file holds is what a restore must bring back (Baton may have raised the demo's stalls as exceptions
    // between the first read above and the backup: a real change, so the file is the reference).
    const backedUp = [...backup.tables.handoffs].sort((a, b) => a.id.localeCompare(b.id));
    expect(backedUp.map((h) => h.id)).toEqual(original.map((h) => h.id));

    // The workspace changes after the backup: the demo cards are removed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();
    await removeDemoData(page);
    expect(await storedHandoffs(page)).toEqual([]);

    // A damaged file is refused with the reason, and changes nothing.
    panel = await openSettings(page);
    await panel.getByLabel('Backup file to restore').setInputFiles({ name: 'broken.batonbackup', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, 200)) });
    await panel.getByRole('alert').filter({ hasText: 'not valid JSON' }).waitFor();
    expect(await storedHandoffs(page)).toEqual([]);

    // The good file restores every card exactly.
    await panel.getByLabel('Backup file to restore').setInputFiles(file);
    const confirm = panel.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(download.suggestedFilename());
    await confirm.getByRole('button', { name: 'Replace workspace' }).click();
    await panel.getByText(/^Restored \d+ handoffs/).waitFor();
    expect((await storedHandoffs(page)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(backedUp);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Board', exact: true }).click();
    await page.getByRole('article').first().waitFor();
    console.info(`[reliability] backup-e2e: ${original.length} handoffs backed up to a ${Math.round(text.length / 1024)} KB file and restored in Chromium; a damaged file refused with 0 changes`);
  });
});
