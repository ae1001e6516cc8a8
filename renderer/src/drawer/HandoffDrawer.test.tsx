import { screen, within, waitFor } from '@testing-library/react';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderApp } from '../../../test/support/render-app';
import { LOCAL_USER_ID } from '../../../shared/domain/settings';

// Long SLAs: the seeded cards are weeks old, and the clock watcher would (rightly) raise stalls on them.
const QUIET_SLA = { IN_PROGRESS: 10_000, READY_FOR_HANDOFF: 10_000, IN_HANDOFF: 10_000 };
import { SafeUrlSchema } from '../../../shared/domain/links';

const owners = [
  { id: LOCAL_USER_ID, name: 'Me' },
  { id: 'maya', name: 'Maya Chen' },
  { id: 'jonas', name: 'Jonas Weber' },
];

async function openDrawer() {
  const app = await renderApp({
    templates: [makeTemplate({ sla: QUIET_SLA })],
    settings: { owners, workingHours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } },
    handoffs: [makeHandoff({ id: 'h-1', title: 'Spring sale landing page' })],
  });
  const card = (await screen.findByText('Spring sale landing page')).closest<HTMLElement>('[data-card-id]');
  if (!card) throw new Error('card not found');
  card.focus();
  await app.user.keyboard('{Enter}');
  const drawer = await screen.findByRole('dialog', { name: 'Spring sale landing page' });
  await within(drawer).findByText('Designs final');
  return { ...app, drawer };
}

describe('handoff drawer', () => {
  it('saves edited fields to disk and shows them in the history, newest first', async () => {
    const { user, db, drawer } = await openDrawer();
    const title = within(drawer).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Spring sale landing page v2{Enter}');
    await waitFor(async () => expect((await db.handoffs.get('h-1'))?.title).toBe('Spring sale landing page v2'));

    await user.selectOptions(within(drawer).getByRole('combobox', { name: 'Receiver' }), 'Jonas Weber');
    await waitFor(async () => expect((await db.handoffs.get('h-1'))?.receiver).toBe('jonas'));

    // The due time is typed in the workspace zone (Berlin, UTC+1 in November).
    await user.type(within(drawer).getByRole('textbox', { name: 'Next action' }), 'Review staging build');
    const due = within(drawer).getByLabelText('Due (Europe/Berlin)');
    await user.clear(due);
    await user.type(due, '2030-11-26T10:30');
    await user.click(within(drawer).getByRole('button', { name: 'Save next action' }));
    await waitFor(async () =>
      expect((await db.handoffs.get('h-1'))?.nextAction).toEqual({ text: 'Review staging build', dueAt: '2030-11-26T09:30:00.000Z' }),
    );

    const history = await within(drawer).findByRole('list', { name: 'History, newest first' });
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(3));
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/next action/i);
    expect(items[2]).toHaveTextContent(/Renamed/);
    expect(items[0]).toHaveTextContent('Me');
  });

  it('refuses an unsafe link with a clear message and keeps what was typed; a good link is saved', async () => {
    const { user, db, drawer } = await openDrawer();
    const url = within(drawer).getByRole('textbox', { name: 'Link URL' });
    await user.type(url, 'javascript:alert(1)');
    await user.click(within(drawer).getByRole('button', { name: 'Add link' }));
    const expected = SafeUrlSchema.safeParse('javascript:alert(1)').error?.issues[0]?.message ?? 'unreachable';
    expect(await within(drawer).findByText(expected)).toBeInTheDocument();
    expect(url).toHaveValue('javascript:alert(1)');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect((await db.handoffs.get('h-1'))?.links).toEqual([]);

    await user.clear(url);
    await user.type(url, 'https://drive.example.com/brief');
    await user.type(within(drawer).getByRole('textbox', { name: 'Link label' }), 'Brief');
    await user.click(within(drawer).getByRole('button', { name: 'Add link' }));
    await waitFor(async () => expect((await db.handoffs.get('h-1'))?.links.map((l) => l.url)).toEqual(['https://drive.example.com/brief']));
    // Links are buttons that open outside the app, never raw hrefs in the app window.
    expect(await within(drawer).findByRole('button', { name: 'Brief' })).toBeInTheDocument();
    expect(drawer.querySelector('a[href]')).toBeNull();
  });

  it('shows criteria with their live state and lets a checklist criterion be ticked', async () => {
    const { user, db, drawer } = await openDrawer();
    const criteria = within(drawer).getByRole('list', { name: 'Mark ready for handoff' });
    expect(within(criteria).getByText(/not ticked/i)).toBeInTheDocument();
    await user.click(within(criteria).getByRole('checkbox', { name: 'Designs final' }));
    await waitFor(async () => expect((await db.handoffs.get('h-1'))?.criteria.designs_final?.met).toBe(true));
    await waitFor(() => expect(within(criteria).queryByText(/not ticked/i)).not.toBeInTheDocument());
  });

  it('closes on Escape and returns focus to the card', async () => {
    const { user } = await openDrawer();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.activeElement?.closest('[data-card-id]')).not.toBeNull();
  });

  it('drafts a client update from the template on demand, for a handoff someone else accepted too', async () => {
    const app = await renderApp({
      templates: [makeTemplate({ sla: QUIET_SLA, clientUpdateTemplate: 'Hi {client}, "{title}" is done.' })],
      settings: { owners },
      handoffs: [makeHandoff({ id: 'h-1', title: 'Spring sale landing page', state: 'HANDOFF_DONE', sender: 'maya', receiver: 'jonas' })],
    });
    const card = (await screen.findByText('Spring sale landing page')).closest<HTMLElement>('[data-card-id]');
    card?.focus();
    await app.user.keyboard('{Enter}');
    const drawer = await screen.findByRole('dialog', { name: 'Spring sale landing page' });
    await app.user.click(within(drawer).getByRole('button', { name: 'Draft from the template…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tell Acme Co: “Spring sale landing page” was accepted' });
    expect(within(dialog).getByLabelText('Update for Acme Co')).toHaveValue('Hi Acme Co, "Spring sale landing page" is done.');
    await app.user.click(within(dialog).getByRole('button', { name: 'Log client update' }));
    await waitFor(async () => expect((await app.db.handoffs.get('h-1'))?.clientUpdates.map((update) => update.body)).toEqual(['Hi Acme Co, "Spring sale landing page" is done.']));
  });
});
