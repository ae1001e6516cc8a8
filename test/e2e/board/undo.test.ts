import type { Locator, Page } from 'playwright-core';
import { storedHandoff, storedHandoffByTitle } from '../support/baton-idb';
import { addContextLink, cardIn, closeDrawer, createHandoffViaDialog, dragCardToColumn, drawer, openDrawerFromCard, removeDemoData, tickCriterion } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { DEV_TO_QA, waitForCardIn } from '../support/handoff-flows';

/** One toast (a message with its own buttons) inside the polite status region. */
function toast(page: Page, message: string): Locator {
  return page.getByRole('status').getByText(message, { exact: true }).locator('xpath=..');
}

describe('undo', () => {
  const session = useBoardSession();

  it('undoes the last move from the toast and the last edit with Ctrl+Z, each recorded in the history', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const handoff = { title: 'Product filter QA', client: 'Fjord Coffee' };
    const opened = await createHandoffViaDialog(page, { ...handoff, template: DEV_TO_QA });
    await tickCriterion(opened, 'Deployed to staging');
    await addContextLink(opened, 'https://staging.example.com/filters');
    await closeDrawer(page, handoff.title);
    const { id } = await storedHandoffByTitle(page, handoff.title);

    // 1. The move, undone from its toast.
    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', handoff.title, handoff.client), 'READY_FOR_HANDOFF');
    await waitForCardIn(page, { id, ...handoff }, 'READY_FOR_HANDOFF');
    await toast(page, `Moved “${handoff.title}” to Ready for handoff`).getByRole('button', { name: 'Undo' }).click();
    await waitForCardIn(page, { id, ...handoff }, 'IN_PROGRESS');
    await page.getByRole('status').filter({ hasText: `Undone: “${handoff.title}” restored` }).waitFor();
    const afterMoveUndo = await storedHandoff(page, id);
    expect(afterMoveUndo.handoff?.state).toBe('IN_PROGRESS');
    expect(afterMoveUndo.events.at(-1)).toMatchObject({ kind: 'undo', field: 'state', before: 'READY_FOR_HANDOFF', after: 'IN_PROGRESS' });

    // 2. An edit (a criterion tick), undone with Ctrl+Z once focus has left the form.
    let details = await openDrawerFromCard(page, handoff.title, handoff.client);
    await tickCriterion(details, 'Test notes written');
    expect((await storedHandoff(page, id)).handoff?.criteria.test_notes_written?.met).toBe(true);
    await page.keyboard.press('Escape');
    await drawer(page, handoff.title).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await storedHandoff(page, id)).handoff?.criteria.test_notes_written?.met ?? false).toBe(false);
    const afterEditUndo = await storedHandoff(page, id);
    expect(afterEditUndo.events.at(-1)).toMatchObject({ kind: 'undo', summary: 'Undo: Unticked "Test notes written"' });
    // Undo changes are synced like any other change.
    expect(afterEditUndo.outbox.length).toBeGreaterThan(afterMoveUndo.outbox.length);

    // Both undos are in the card's history, newest first, and the UI shows the reverted values.
    details = await openDrawerFromCard(page, handoff.title, handoff.client);
    expect(await details.getByRole('checkbox', { name: 'Test notes written' }).isChecked()).toBe(false);
    const history = details.getByRole('list', { name: 'History, newest first' });
    // The drawer reads the history as it opens: wait for it before reading its lines.
    await history.getByRole('listitem').first().waitFor();
    const lines = (await history.getByRole('listitem').allInnerTexts()).map((text) => text.split('\n')[0]);
    expect(lines.slice(0, 4)).toEqual([
      'Undo: Unticked "Test notes written"',
      'Ticked "Test notes written"',
      'Undo: moved back from Ready for handoff to In progress',
      'Moved from In progress to Ready for handoff',
    ]);
  });

  it('offers Undo only on the toast of the change that Undo would reverse', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const handoff = { title: 'Gift card QA', client: 'Fjord Coffee' };
    const opened = await createHandoffViaDialog(page, { ...handoff, template: DEV_TO_QA });
    await tickCriterion(opened, 'Deployed to staging');
    await addContextLink(opened, 'https://staging.example.com/gift-cards');
    // Undo reverses the newest change (the link); an "Undo" on the older tick's toast would
    // silently remove the link instead of unticking, so that toast must not offer it.
    await toast(page, 'Link added').getByRole('button', { name: 'Undo' }).waitFor();
    expect(await toast(page, 'Ticked “Deployed to staging”').getByRole('button', { name: 'Undo' }).count()).toBe(0);
  });
});
