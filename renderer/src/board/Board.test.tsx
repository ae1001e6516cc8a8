import { screen, within, waitFor } from '@testing-library/react';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderApp } from '../../../test/support/render-app';
import { LOCAL_USER_ID } from '../../../shared/domain/settings';

// Long SLAs: the seeded cards are weeks old, and the clock watcher would (rightly) raise stalls on them.
const template = makeTemplate({ sla: { IN_PROGRESS: 10_000, READY_FOR_HANDOFF: 10_000, IN_HANDOFF: 10_000 } });
const owners = [
  { id: LOCAL_USER_ID, name: 'Me' },
  { id: 'maya', name: 'Maya Chen' },
];

function seed() {
  return {
    templates: [template],
    settings: { owners },
    handoffs: [
      makeHandoff({ id: 'h-spring', title: 'Spring sale landing page', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null } }),
      makeHandoff({
        id: 'h-checkout',
        title: 'Checkout QA',
        state: 'IN_HANDOFF',
        receiver: LOCAL_USER_ID,
        client: { name: 'Bloom & Co', hubspotCompanyId: null, hubspotDealId: null },
      }),
      makeHandoff({ id: 'h-catalogue', title: 'Catalogue import', state: 'READY_FOR_HANDOFF', rank: 10, client: { name: 'Northwind', hubspotCompanyId: null, hubspotDealId: null } }),
    ],
  };
}

function column(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { name, level: 2 });
  const section = heading.closest('section');
  if (!section) throw new Error(`no column ${name}`);
  return section;
}

describe('board', () => {
  it('renders the four columns with counts and the cards from the database', async () => {
    await renderApp(seed());
    expect(await screen.findByText('Spring sale landing page')).toBeInTheDocument();
    expect(within(column('In progress')).getByText('Spring sale landing page')).toBeInTheDocument();
    expect(within(column('Ready for handoff')).getByText('Catalogue import')).toBeInTheDocument();
    expect(within(column('In handoff')).getByText('Checkout QA')).toBeInTheDocument();
    expect(within(column('Handoff done')).getByText('No handoffs here')).toBeInTheDocument();
    expect(within(column('In progress')).getByText('1 handoff')).toBeInTheDocument();
    // Sender → receiver with owner names from settings.
    expect(within(column('In progress')).getByText('Maya Chen → Unassigned')).toBeInTheDocument();
  });

  it('filters by search text and by "awaiting my acceptance"', async () => {
    const { user } = await renderApp(seed());
    await screen.findByText('Spring sale landing page');
    await user.type(screen.getByRole('searchbox', { name: 'Search handoffs' }), 'catalogue');
    await waitFor(() => expect(screen.queryByText('Spring sale landing page')).not.toBeInTheDocument());
    expect(screen.getByText('Catalogue import')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search handoffs' }));
    await user.click(screen.getByRole('button', { name: 'Awaiting my acceptance' }));
    await waitFor(() => expect(screen.queryByText('Catalogue import')).not.toBeInTheDocument());
    expect(screen.getByText('Checkout QA')).toBeInTheDocument();
  });

  it('refuses a keyboard move whose gate is unmet, lists what is missing, and changes nothing on disk', async () => {
    const { user, db } = await renderApp(seed());
    const before = await db.handoffs.get('h-spring');
    const card = (await screen.findByText('Spring sale landing page')).closest<HTMLElement>('[data-card-id]');
    if (!card) throw new Error('card not found');
    card.focus();
    await user.keyboard(']');
    const panel = await screen.findByRole('alertdialog');
    expect(within(panel).getByRole('heading', { name: /Can’t move “Spring sale landing page” to Ready for handoff/ })).toBeInTheDocument();
    const unmet = within(panel).getByRole('list', { name: 'Unmet criteria' });
    expect(within(unmet).getByText('Designs final')).toBeInTheDocument();
    expect(within(unmet).getByText(/not ticked/i)).toBeInTheDocument();
    expect(await db.handoffs.get('h-spring')).toEqual(before);
    expect(await db.events.where('handoffId').equals('h-spring').count()).toBe(0);
    expect(within(column('In progress')).getByText('Spring sale landing page')).toBeInTheDocument();

    // "Fix" opens the drawer at the unmet criterion; ticking it lets the same move through.
    await user.click(within(panel).getByRole('button', { name: 'Fix: Designs final' }));
    const drawer = await screen.findByRole('dialog', { name: 'Spring sale landing page' });
    const box = await within(drawer).findByRole('checkbox', { name: 'Designs final' });
    await waitFor(() => expect(box).toHaveFocus());
    await user.click(box);
    await waitFor(async () => expect((await db.handoffs.get('h-spring'))?.criteria.designs_final?.met).toBe(true));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Spring sale landing page' })).not.toBeInTheDocument());
    const again = (await screen.findByText('Spring sale landing page')).closest<HTMLElement>('[data-card-id]');
    again?.focus();
    await user.keyboard(']');
    await waitFor(async () => expect((await db.handoffs.get('h-spring'))?.state).toBe('READY_FOR_HANDOFF'));
    await waitFor(() => expect(within(column('Ready for handoff')).getByText('Spring sale landing page')).toBeInTheDocument());
  });

  it('moves through the "Move to" menu with the same gate', async () => {
    const { user, db } = await renderApp(seed());
    await screen.findByText('Catalogue import');
    await user.click(screen.getByRole('button', { name: 'Actions for Catalogue import' }));
    await user.click(await screen.findByRole('button', { name: /Move to In handoff/ }));
    // The template's HAND_OVER gate needs a receiver.
    const panel = await screen.findByRole('alertdialog');
    expect(within(panel).getByText('No receiver is assigned')).toBeInTheDocument();
    expect((await db.handoffs.get('h-catalogue'))?.state).toBe('READY_FOR_HANDOFF');
  });

  it('lets the receiver accept a handoff', async () => {
    const { user, db } = await renderApp(seed());
    const card = (await screen.findByText('Checkout QA')).closest<HTMLElement>('[data-card-id]');
    if (!card) throw new Error('card not found');
    await user.click(within(card).getByRole('button', { name: 'Accept' }));
    await waitFor(async () => expect((await db.handoffs.get('h-checkout'))?.state).toBe('HANDOFF_DONE'));
    await waitFor(() => expect(within(column('Handoff done')).getByText('Checkout QA')).toBeInTheDocument());
  });

  it('requires a reason to bounce back, then records it as an open question', async () => {
    const { user, db } = await renderApp(seed());
    const card = (await screen.findByText('Checkout QA')).closest<HTMLElement>('[data-card-id]');
    if (!card) throw new Error('card not found');
    await user.click(within(card).getByRole('button', { name: 'Bounce back' }));
    const dialog = await screen.findByRole('dialog', { name: /Bounce back/ });
    await user.click(within(dialog).getByRole('button', { name: 'Bounce back' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Say what is missing');
    expect((await db.handoffs.get('h-checkout'))?.state).toBe('IN_HANDOFF');

    await user.type(within(dialog).getByLabelText('Reason (required)'), 'Which browsers are in scope?');
    await user.click(within(dialog).getByRole('button', { name: 'Bounce back' }));
    await waitFor(async () => expect((await db.handoffs.get('h-checkout'))?.state).toBe('IN_PROGRESS'));
    const stored = await db.handoffs.get('h-checkout');
    expect(stored?.openQuestions.map((q) => q.text)).toEqual(['Which browsers are in scope?']);
    expect(stored?.bounceCount).toBe(1);
  });

  it('shows the empty state for an empty workspace', async () => {
    await renderApp({ templates: [template], handoffs: [] });
    expect(await screen.findByRole('heading', { name: 'No handoffs yet', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create your first handoff' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load demo' })).toBeInTheDocument();
  });
});
