import { screen, waitFor, within } from '@testing-library/react';
import { LOCAL_USER_ID } from '../../../shared/domain/settings';
import { runCommand } from '../data/commands';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderWithDb } from '../../../test/support/render-screen';
import { ClientUpdateHost } from './ClientUpdateHost';
import { resetClientUpdates } from './client-update-store';

const ME = LOCAL_USER_ID;
const template = makeTemplate({
  criteria: [],
  clientUpdateTemplate: 'Hi {client}, "{title}" is now with {receiver}. Next: {nextAction} by {due}.',
});
const owners = [
  { id: ME, name: 'Riley Park' },
  { id: 'maya', name: 'Maya Chen' },
];

async function setup() {
  resetClientUpdates();
  return renderWithDb(<ClientUpdateHost />, {
    templates: [template],
    settings: { owners, workingHours: { timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } },
    handoffs: [
      makeHandoff({
        id: 'h-1',
        title: 'Checkout QA',
        // I sent it; Maya receives: the draft to the client is mine to write when she accepts.
        sender: ME,
        receiver: 'maya',
        state: 'IN_HANDOFF',
        nextAction: { text: 'First test pass', dueAt: '2030-01-07T10:00:00.000Z' },
        client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: 'deal-7' },
      }),
      makeHandoff({ id: 'h-2', title: 'Other', sender: 'maya', receiver: ME, state: 'IN_HANDOFF', rank: 2 }),
    ],
  });
}

describe('client update on acceptance', () => {
  it('drafts the update from the template, lets the PM edit it, and logs it for HubSpot', async () => {
    const { db, user } = await setup();
    await runCommand(db, 'h-1', { type: 'accept' }, 'maya');
    const dialog = await screen.findByRole('dialog', { name: 'Tell Acme Co: “Checkout QA” was accepted' });
    const box = within(dialog).getByLabelText('Update for Acme Co');
    expect(box).toHaveValue('Hi Acme Co, "Checkout QA" is now with Maya Chen. Next: First test pass by Mon, 7 Jan 2030, 10:00.');

    await user.type(box, ' Thanks!');
    await user.click(within(dialog).getByRole('button', { name: 'Log client update' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const stored = await db.handoffs.get('h-1');
    expect(stored?.clientUpdates).toEqual([
      expect.objectContaining({ body: 'Hi Acme Co, "Checkout QA" is now with Maya Chen. Next: First test pass by Mon, 7 Jan 2030, 10:00. Thanks!', by: ME }),
    ]);
    const outbox = await db.outbox.where('handoffId').equals('h-1').toArray();
    expect(outbox.filter((entry) => entry.kind === 'log_client_update')).toEqual([expect.objectContaining({ refId: stored?.clientUpdates[0]?.id, status: 'pending' })]);
    const events = await db.events.where('handoffId').equals('h-1').toArray();
    expect(events.map((event) => event.kind)).toContain('client_update_logged');
  });

  it('keeps the text and says why when the update is emptied, and logs nothing on Skip', async () => {
    const { db, user } = await setup();
    await runCommand(db, 'h-1', { type: 'accept' }, 'maya');
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByRole('textbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Log client update' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The update is empty');
    await user.click(within(dialog).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await db.handoffs.get('h-1'))?.clientUpdates).toEqual([]);
  });

  it('does not open for the receiver who accepted a handoff someone else sent', async () => {
    const { db } = await setup();
    await runCommand(db, 'h-2', { type: 'accept' }, ME);
    await waitFor(async () => expect((await db.handoffs.get('h-2'))?.state).toBe('HANDOFF_DONE'));
    // Then one I sent, accepted by its receiver: only that one opens, for me.
    await runCommand(db, 'h-1', { type: 'accept' }, 'maya');
    expect(await screen.findByRole('dialog', { name: /Checkout QA/ })).toBeInTheDocument();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
  });
});
