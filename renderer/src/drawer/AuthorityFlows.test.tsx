import { screen, waitFor, within } from '@testing-library/react';
import { LOCAL_USER_ID } from '../../../shared/domain/settings';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { useUi } from '../store/ui-store';
import { renderApp } from '../../../test/support/render-app';

/** Who may do what, as people meet it on screen: the board, the drawer, history and search. */
const QUIET_SLA = { IN_PROGRESS: 10_000, READY_FOR_HANDOFF: 10_000, IN_HANDOFF: 10_000 };
const template = makeTemplate({
  sla: QUIET_SLA,
  criteria: [
    { id: 'receiver', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
    { id: 'mkt_ok', label: 'Marketing lead agrees', gate: 'ACCEPT', kind: 'approval', role: 'Marketing lead' },
  ],
});
const owners = [
  { id: LOCAL_USER_ID, name: 'Me', role: 'PM' },
  { id: 'maya', name: 'Maya Chen', role: 'Marketing lead' },
  { id: 'lea', name: 'Léa Martin', role: 'Developer' },
];
const recent = new Date(Date.now() - 60_000).toISOString();

function seed(currentUser: string) {
  return {
    templates: [template],
    settings: { owners, currentUser },
    handoffs: [
      makeHandoff({ id: 'h-launch', title: 'Launch emails', state: 'IN_HANDOFF', sender: LOCAL_USER_ID, receiver: 'maya', stateEnteredAt: recent }),
      makeHandoff({ id: 'h-other', title: 'Loyalty microsite', sender: 'lea', receiver: LOCAL_USER_ID, stateEnteredAt: recent, rank: 2 }),
    ],
  };
}

async function openDrawer(title: string) {
  useUi.getState().openDrawer({ handoffId: title === 'Launch emails' ? 'h-launch' : 'h-other' });
  return screen.findByRole('dialog', { name: title });
}

describe('who may do what, on screen', () => {
  it("refuses the sender's move to Handoff done, naming the receiver, and writes nothing", async () => {
    const { user, db } = await renderApp(seed(LOCAL_USER_ID));
    const card = (await screen.findByText('Launch emails')).closest<HTMLElement>('[data-card-id]');
    if (!card) throw new Error('card not found');
    // The sender is not offered Accept on the card at all.
    expect(within(card).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    card.focus();
    await user.keyboard(']');
    const panel = await screen.findByRole('alertdialog');
    expect(within(panel).getByText(/Only the receiver, Maya Chen, can accept “?"?Launch emails/)).toBeInTheDocument();
    expect(within(panel).getByText(/Not yet approved by the Marketing lead/)).toBeInTheDocument();
    expect((await db.handoffs.get('h-launch'))?.state).toBe('IN_HANDOFF');
    expect(await db.events.where('handoffId').equals('h-launch').count()).toBe(0);
  });

  it("the receiver's one-click Accept gives the approval the accept gate asks for", async () => {
    const { user, db } = await renderApp(seed('maya'));
    const card = (await screen.findByText('Launch emails')).closest<HTMLElement>('[data-card-id]');
    if (!card) throw new Error('card not found');
    await user.click(within(card).getByRole('button', { name: 'Accept' }));
    await waitFor(async () => expect((await db.handoffs.get('h-launch'))?.state).toBe('HANDOFF_DONE'));
    const stored = await db.handoffs.get('h-launch');
    expect(stored?.approvals).toEqual([expect.objectContaining({ criterionId: 'mkt_ok', by: 'maya', role: 'Marketing lead' })]);
    expect(await db.events.where('handoffId').equals('h-launch').count()).toBe(1);
  });

  it('offers the approval button only to a holder of the role, and says who can', async () => {
    await renderApp(seed(LOCAL_USER_ID));
    const drawer = await openDrawer('Launch emails');
    expect(await within(drawer).findByText('Only the Marketing lead can approve: Maya Chen.')).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: /^Approve as/ })).not.toBeInTheDocument();
    expect(within(drawer).getByText('Only Maya Chen can accept or bounce this handoff. If they are away, you can answer for them with a reason.')).toBeInTheDocument();
  });

  it('shows the holder the approval button', async () => {
    await renderApp(seed('maya'));
    const drawer = await openDrawer('Launch emails');
    expect(await within(drawer).findByRole('button', { name: 'Approve as Maya Chen (Marketing lead)' })).toBeInTheDocument();
  });

  it('records an accept on behalf of the receiver with the reason, in history with names and local times', async () => {
    const { user, db } = await renderApp({ ...seed(LOCAL_USER_ID), settings: { owners, currentUser: LOCAL_USER_ID, workingHours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } } });
    const drawer = await openDrawer('Launch emails');
    await user.click(await within(drawer).findByRole('button', { name: 'Accept on behalf of Maya Chen…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accept “Launch emails” on behalf of Maya Chen' });
    await user.click(within(dialog).getByRole('button', { name: 'Accept on their behalf' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Say why you act for them');
    expect((await db.handoffs.get('h-launch'))?.state).toBe('IN_HANDOFF');
    await user.type(within(dialog).getByRole('textbox', { name: /Why you act for Maya Chen/ }), 'Maya is on leave; she confirmed by phone');
    await user.click(within(dialog).getByRole('button', { name: 'Accept on their behalf' }));
    await waitFor(async () => expect((await db.handoffs.get('h-launch'))?.state).toBe('HANDOFF_DONE'));
    const [event] = await db.events.where('handoffId').equals('h-launch').toArray();
    expect(event?.onBehalfOf).toEqual({ person: 'maya', reason: 'Maya is on leave; she confirmed by phone' });
    const history = await within(drawer).findByRole('list', { name: 'History, newest first' });
    expect(await within(history).findByText(/^Accepted by Me on behalf of Maya Chen: Maya is on leave; she confirmed by phone/)).toBeInTheDocument();
    // The time is local and human ("Sat 5 Dec, 20:15"), never an ISO string.
    const time = within(history).getAllByText(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d{2}:\d{2}$/);
    expect(time.length).toBeGreaterThan(0);
    expect(history.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(history.textContent).not.toContain('maya');
  });

  it("finds handoffs by a person's name, never by their id", async () => {
    const { user } = await renderApp(seed(LOCAL_USER_ID));
    await screen.findByText('Launch emails');
    const search = screen.getByRole('searchbox', { name: 'Search handoffs' });
    await user.type(search, 'léa');
    await waitFor(() => expect(screen.queryByText('Launch emails')).not.toBeInTheDocument());
    expect(screen.getByText('Loyalty microsite')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'maya chen');
    await waitFor(() => expect(screen.queryByText('Loyalty microsite')).not.toBeInTheDocument());
    expect(screen.getByText('Launch emails')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'lea');
    // "lea" is Léa's id, not her name: nothing matches through the id.
    await waitFor(() => expect(screen.queryByText('Loyalty microsite')).not.toBeInTheDocument());
  });
});
