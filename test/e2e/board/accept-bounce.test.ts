import { storedHandoff } from '../support/baton-idb';
import { setRole } from '../support/people';
import { cardIn, closeDrawer, openDrawerFromCard, refusal, refusalItems, removeDemoData } from '../support/board-page';
import { useBoardSession } from '../support/board-session';
import { cardOf, createHandoffReadyToHandOver, moveWithMenu, waitForCardIn } from '../support/handoff-flows';

describe('the receiver accepts or bounces a handoff', () => {
  const session = useBoardSession();

  it('a bounce needs a reason; the reason becomes an open question on the card and the bounce is counted; then the receiver accepts', async () => {
    const { page } = session.app();
    await removeDemoData(page);
    const handoff = await createHandoffReadyToHandOver(page, 'Checkout QA round', 'Nordlicht Bikes');
    await moveWithMenu(page, handoff, 'IN_HANDOFF', 'IN_PROGRESS');
    await waitForCardIn(page, handoff, 'IN_HANDOFF');
    const inHandoff = await storedHandoff(page, handoff.id);
    expect(inHandoff.handoff?.state).toBe('IN_HANDOFF');

    // The receiver (the current user) sees Accept and Bounce back on the card.
    await cardOf(page, handoff).getByRole('button', { name: 'Bounce back' }).click();
    const dialog = page.getByRole('dialog', { name: `Bounce back “${handoff.title}”` });
    await dialog.getByRole('button', { name: 'Bounce back' }).click();
    const problem = dialog.getByRole('alert');
    expect(await problem.innerText()).toBe('Say what is missing, so the sender knows what to fix.');
    expect(await dialog.getByLabel('Reason (required)').getAttribute('aria-invalid')).toBe('true');
    // Refused before anything was written.
    expect(await storedHandoff(page, handoff.id)).toEqual(inHandoff);

    const reason = 'The staging login from the test notes does not work.';
    await dialog.getByLabel('Reason (required)').fill(reason);
    await dialog.getByRole('button', { name: 'Bounce back' }).click();
    await dialog.waitFor({ state: 'detached' });

    const bounced = cardIn(page, 'IN_PROGRESS', handoff.title, handoff.client);
    await bounced.waitFor();
    await bounced.getByText('1 open question').waitFor();
    await bounced.getByText('1 bounce').waitFor();
    const afterBounce = await storedHandoff(page, handoff.id);
    expect(afterBounce.handoff).toMatchObject({ state: 'IN_PROGRESS', bounceCount: 1, openQuestions: [{ text: reason, askedBy: 'local-user', resolvedAt: null }] });
    expect(afterBounce.events.at(-1)).toMatchObject({ kind: 'bounced', before: 'IN_HANDOFF', after: 'IN_PROGRESS' });
    expect(afterBounce.outbox.length).toBeGreaterThan(inHandoff.outbox.length);

    // The reason itself is visible on the handoff, under "Needs attention".
    let drawer = await openDrawerFromCard(page, handoff.title, handoff.client);
    const attention = drawer.getByRole('region', { name: 'Needs attention' });
    await attention.getByText(reason).waitFor();
    await closeDrawer(page, handoff.title);

    // Handed over again: Accept is gated by the QA lead's approval like any move, and I do not hold that role.
    await moveWithMenu(page, handoff, 'IN_HANDOFF', 'IN_PROGRESS');
    await waitForCardIn(page, handoff, 'IN_HANDOFF');
    await cardOf(page, handoff).getByRole('button', { name: 'Accept' }).click();
    await refusal(page).waitFor();
    expect(await refusalItems(page)).toEqual([{ label: 'Accepted by the QA lead', reason: 'Not yet approved by the QA lead' }]);
    await refusal(page).getByRole('button', { name: 'Fix: Accepted by the QA lead' }).click();
    drawer = page.getByRole('dialog', { name: handoff.title, exact: true });
    // Nobody holds the role, so nobody can approve; the drawer says where to give it.
    await drawer.getByText('Nobody holds the role “QA lead” yet: give it to someone in Settings → People.').waitFor();
    expect(await drawer.getByRole('button', { name: /^Approve as/ }).count()).toBe(0);
    await closeDrawer(page, handoff.title);

    // Once I hold the role, my Accept is one act: it gives the QA lead's approval too.
    await setRole(page, 'Me', 'QA lead');
    await cardOf(page, handoff).getByRole('button', { name: 'Accept' }).click();
    await waitForCardIn(page, handoff, 'HANDOFF_DONE');
    const accepted = await storedHandoff(page, handoff.id);
    expect(accepted.handoff).toMatchObject({ state: 'HANDOFF_DONE', bounceCount: 1, approvals: [{ role: 'QA lead', by: 'local-user' }] });
    expect(accepted.events.at(-1)).toMatchObject({ kind: 'accepted', after: 'HANDOFF_DONE' });
    // Accepted cards no longer offer the receiver's buttons.
    expect(await cardOf(page, handoff).getByRole('button', { name: 'Accept' }).count()).toBe(0);
  });
});
