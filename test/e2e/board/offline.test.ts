import { storedHandoff, storedHandoffByTitle, storedOutbox } from '../support/baton-idb';
import {
  addContextLink,
  cardIn,
  closeDrawer,
  createHandoffViaDialog,
  dragCardToColumn,
  futureLocalDateTime,
  openDrawerFromCard,
  removeDemoData,
  setNextAction,
  setReceiver,
  tickCriterion,
  waitForApp,
} from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { DEV_TO_QA, waitForCardIn } from '../support/handoff-flows';

describe('working offline', () => {
  const session = useBoardSession();

  it('create, fill and move work the same with the network gone; the changes wait in the outbox and survive a reload', async () => {
    const { page, context, host } = session.app();
    await removeDemoData(page);
    expect(await storedOutbox(page)).toEqual([]);

    // The browser loses the network and the host (main process) reports offline.
    await context.setOffline(true);
    host.online.setOnline(false);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const handoff = { title: 'Store locator QA', client: 'Fjord Coffee' };
    const opened = await createHandoffViaDialog(page, { ...handoff, template: DEV_TO_QA });
    await tickCriterion(opened, 'Deployed to staging');
    await addContextLink(opened, 'https://staging.example.com/stores');
    await closeDrawer(page, handoff.title);
    const { id } = await storedHandoffByTitle(page, handoff.title);
    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', handoff.title, handoff.client), 'READY_FOR_HANDOFF');
    await waitForCardIn(page, { id, ...handoff }, 'READY_FOR_HANDOFF');

    const details = await openDrawerFromCard(page, handoff.title, handoff.client);
    await tickCriterion(details, 'Test notes written');
    await setReceiver(details, 'Me');
    await setNextAction(details, 'First test pass', futureLocalDateTime(2));
    await closeDrawer(page, handoff.title);
    await dragCardToColumn(page, cardIn(page, 'READY_FOR_HANDOFF', handoff.title, handoff.client), 'IN_HANDOFF');
    await waitForCardIn(page, { id, ...handoff }, 'IN_HANDOFF');

    const offlineState = await storedHandoff(page, id);
    expect(offlineState.handoff?.state).toBe('IN_HANDOFF');
    // Every change is queued for HubSpot, none sent (nothing left the machine).
    const kinds = offlineState.outbox.map((entry) => entry.kind);
    expect(kinds).toContain('upsert_handoff');
    expect(kinds).toContain('sync_next_action_task');
    expect(offlineState.outbox.every((entry) => entry.status === 'pending' && entry.attempts === 0)).toBe(true);
    expect(await storedOutbox(page)).toEqual(offlineState.outbox);
    const waiting = `${offlineState.outbox.length} changes waiting to sync`;
    await page.getByRole('status').filter({ hasText: waiting }).waitFor();

    // Navigations to our local server are blocked offline too: reload once back online.
    await context.setOffline(false);
    host.online.setOnline(true);
    await page.reload();
    await waitForApp(page);
    await waitForCardIn(page, { id, ...handoff }, 'IN_HANDOFF');
    expect(await storedHandoff(page, id)).toEqual(offlineState);
    await page.getByRole('status').filter({ hasText: waiting }).waitFor();
  });
});
