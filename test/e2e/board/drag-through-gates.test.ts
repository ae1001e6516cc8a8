import { storedHandoffByTitle, storedHandoff } from '../support/baton-idb';
import {
  addContextLink,
  approve,
  cardIn,
  closeDrawer,
  createHandoffViaDialog,
  dragCardToColumn,
  drawer as drawerOf,
  futureLocalDateTime,
  logClientUpdate,
  openDrawerFromCard,
  refusal,
  removeDemoData,
  setNextAction,
  setReceiver,
  tickCriterion,
} from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { setRole } from '../support/people';

// "QA → Marketing launch" asks for every kind of proof a user can give in Baton:
// a checklist tick and a link (READY); an approval, a receiver, a dated next
// action and a client update (HAND_OVER); the receiving lead's approval (ACCEPT).
const TEMPLATE = 'QA → Marketing launch';
const TITLE = 'Autumn sale launch';
const CLIENT = 'Fjord Coffee';

describe('a handoff created in the UI and dragged with the mouse through every gate', () => {
  const session = useBoardSession();

  it('moves column by column once each gate’s proof is given, and IndexedDB follows', async () => {
    const { page } = session.app();
    await removeDemoData(page);

    let drawer = await createHandoffViaDialog(page, { title: TITLE, client: CLIENT, template: TEMPLATE });
    const created = await storedHandoffByTitle(page, TITLE);
    expect(created).toMatchObject({ state: 'IN_PROGRESS', templateId: 'qa-to-launch', templateVersion: 1, receiver: null, nextAction: null });

    // READY gate: checklist + context link.
    await tickCriterion(drawer, 'QA passed with no open blockers');
    await addContextLink(drawer, 'https://docs.example.com/release-notes', 'Release notes');
    await closeDrawer(page, TITLE);
    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', TITLE, CLIENT), 'READY_FOR_HANDOFF');
    await cardIn(page, 'READY_FOR_HANDOFF', TITLE, CLIENT).waitFor();
    await expect.poll(async () => (await storedHandoff(page, created.id)).handoff?.state).toBe('READY_FOR_HANDOFF');
    expect(await refusal(page).count()).toBe(0);
    // A drag is not a click: dropping the card must not open its details.
    expect(await drawerOf(page, TITLE).count()).toBe(0);

    // HAND_OVER gate: approval, receiver, future next action, client update.
    // Only a holder of the role approves: I am the account lead for this handoff.
    await setRole(page, 'Me', 'Account lead');
    drawer = await openDrawerFromCard(page, TITLE, CLIENT);
    await approve(drawer, 'Account lead');
    await setReceiver(drawer, 'Me');
    const due = futureLocalDateTime(3);
    await setNextAction(drawer, 'Publish the launch campaign', due);
    await logClientUpdate(drawer, 'Launch date confirmed with the client for next week.');
    await closeDrawer(page, TITLE);
    await dragCardToColumn(page, cardIn(page, 'READY_FOR_HANDOFF', TITLE, CLIENT), 'IN_HANDOFF');
    await cardIn(page, 'IN_HANDOFF', TITLE, CLIENT).waitFor();
    await expect.poll(async () => (await storedHandoff(page, created.id)).handoff?.state).toBe('IN_HANDOFF');

    // ACCEPT gate: the marketing lead's approval. I receive it as the marketing lead, so my drop gives it.
    await setRole(page, 'Me', 'Marketing lead');
    await dragCardToColumn(page, cardIn(page, 'IN_HANDOFF', TITLE, CLIENT), 'HANDOFF_DONE');
    await cardIn(page, 'HANDOFF_DONE', TITLE, CLIENT).waitFor();
    await expect.poll(async () => (await storedHandoff(page, created.id)).handoff?.state).toBe('HANDOFF_DONE');
    expect(await drawerOf(page, TITLE).count()).toBe(0);

    const stored = await storedHandoff(page, created.id);
    expect(stored.handoff).toMatchObject({
      state: 'HANDOFF_DONE',
      receiver: 'local-user',
      nextAction: { text: 'Publish the launch campaign', dueAt: `${due}:00.000Z` },
      criteria: { qa_passed: { met: true } },
      links: [{ label: 'Release notes', url: 'https://docs.example.com/release-notes' }],
      clientUpdates: [{ body: 'Launch date confirmed with the client for next week.' }],
    });
    expect(stored.handoff?.approvals.map((approval) => approval.criterionId).sort()).toEqual(['client_launch_approval', 'marketing_lead_approval']);
    // Each move is its own recorded event, in order.
    expect(stored.events.filter((event) => event.field === 'state').map((event) => event.after)).toEqual([
      'READY_FOR_HANDOFF',
      'IN_HANDOFF',
      'HANDOFF_DONE',
    ]);
    // Every change waits in the outbox for HubSpot, including the acceptance receipt.
    expect(stored.outbox.map((entry) => entry.kind)).toContain('log_handoff_receipt');
    expect(stored.outbox.every((entry) => entry.status === 'pending')).toBe(true);
  });
});
