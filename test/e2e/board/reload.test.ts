import { storedHandoff } from '../support/baton-idb';
import { cardIn, column, dragCardToColumn, openDrawerFromCard, removeDemoData, waitForApp } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { createHandoffReadyToHandOver, waitForCardIn } from '../support/handoff-flows';

describe('a reload of the window', () => {
  const session = useBoardSession();

  it('brings back the board state, every field and the history from IndexedDB', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const handoff = await createHandoffReadyToHandOver(page, 'Newsletter signup QA', 'Fjord Coffee');
    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', handoff.title, handoff.client), 'IN_HANDOFF');
    await waitForCardIn(page, handoff, 'IN_HANDOFF');
    await expect.poll(async () => (await storedHandoff(page, handoff.id)).handoff?.state).toBe('IN_HANDOFF');
    const before = await storedHandoff(page, handoff.id);

    await page.reload();
    await waitForApp(page);

    // The demo stays removed; the card is where it was.
    expect(await page.getByRole('region', { name: 'Demo workspace' }).count()).toBe(0);
    await waitForCardIn(page, handoff, 'IN_HANDOFF');
    expect(await column(page, 'IN_PROGRESS').getByRole('article').count()).toBe(0);
    expect(await storedHandoff(page, handoff.id)).toEqual(before);

    const drawer = await openDrawerFromCard(page, handoff.title, handoff.client);
    expect(await drawer.getByRole('checkbox', { name: 'Deployed to staging' }).isChecked()).toBe(true);
    expect(await drawer.getByRole('checkbox', { name: 'Test notes written' }).isChecked()).toBe(true);
    expect(await drawer.getByLabel('Receiver', { exact: true }).inputValue()).toBe('local-user');
    expect(await drawer.getByLabel('Next action', { exact: true }).inputValue()).toBe('First test pass');
    expect(await drawer.getByLabel(/^Due/).inputValue()).toBe(before.handoff?.nextAction?.dueAt.slice(0, 16));
    await drawer.getByRole('button', { name: 'Staging', exact: true }).waitFor();

    const history = drawer.getByRole('list', { name: 'History, newest first' }).getByRole('listitem');
    // The drawer reads the history as it opens: wait for it before reading its lines.
    await history.first().waitFor();
    const lines = (await history.allInnerTexts()).map((text) => text.split('\n')[0]);
    expect(lines).toHaveLength(before.events.length);
    expect(lines[0]).toBe('Moved from In progress to In handoff');
    expect(lines.at(-1)).toBe(`Created "${handoff.title}" for ${handoff.client} in In progress`);
    expect(lines).toEqual(expect.arrayContaining(['Ticked "Deployed to staging"', 'Ticked "Test notes written"', 'Attached "Staging" (https://staging.example.com/)']));
  });
});
