import { screen, waitFor, within } from '@testing-library/react';
import { LOCAL_USER_ID } from '../../../shared/domain/settings';
import { runCommand } from '../data/commands';
import { saveSettings } from '../data/settings';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderWithDb } from '../../../test/support/render-screen';
import { installComponentHost } from '../../../test/support/component-host';
import { useUi } from '../store/ui-store';
import { NotificationCentre } from './NotificationCentre';
import { loadNotificationLog } from './notification-store';
import { useNotificationClicks } from './use-notification-clicks';
import { useNotificationDetector } from './use-notification-detector';

const ME = LOCAL_USER_ID;
// No criteria: every gate is open, so the test moves cards freely through the data layer.
// Long SLAs: the seeded cards are weeks old, and the clock watcher would (rightly) raise stalls on them.
const template = makeTemplate({ criteria: [], sla: { IN_PROGRESS: 10_000, READY_FOR_HANDOFF: 10_000, IN_HANDOFF: 10_000 } });
const owners = [
  { id: ME, name: 'Me' },
  { id: 'maya', name: 'Maya Chen' },
];

function Shell() {
  useNotificationDetector();
  useNotificationClicks();
  return <NotificationCentre />;
}

let host: ReturnType<typeof installComponentHost>;
beforeEach(() => {
  host = installComponentHost();
});
afterEach(() => {
  host.uninstall();
});

function shown(): unknown[] {
  return host.calls.filter((call) => call.channel === 'notifications.show').map((call) => call.request);
}

async function setup() {
  const rendered = await renderWithDb(<Shell />, {
    templates: [template],
    settings: { owners },
    handoffs: [
      makeHandoff({ id: 'h-in', title: 'Checkout QA', sender: 'maya', receiver: ME }),
      makeHandoff({ id: 'h-mine', title: 'Spring banner', sender: ME, receiver: 'maya', state: 'IN_HANDOFF', rank: 2 }),
      // Already in my queue before the first run: the baseline, not news.
      makeHandoff({ id: 'h-old', title: 'Old queue item', sender: 'maya', receiver: ME, state: 'IN_HANDOFF', rank: 3 }),
    ],
  });
  await waitFor(async () => expect((await loadNotificationLog(rendered.db)).baselined).toBe(true));
  return rendered;
}

describe('notifications', () => {
  it('announces a handoff entering my queue once, in the centre and as an OS notification', async () => {
    const { db, user } = await setup();
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(shown()).toEqual([]);

    await runCommand(db, 'h-in', { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya');
    await runCommand(db, 'h-in', { type: 'move', to: 'IN_HANDOFF' }, 'maya');
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await waitFor(() => expect(shown()).toEqual([{ title: 'Handed to you: Checkout QA', body: expect.stringContaining('from Maya Chen') as unknown, handoffId: 'h-in' }]));

    // More writes to the same card do not announce it again.
    await runCommand(db, 'h-in', { type: 'add_note', id: 'n-1', body: 'Ping' }, 'maya');
    await runCommand(db, 'h-in', { type: 'set_title', title: 'Checkout QA pass' }, 'maya');
    await waitFor(async () => expect((await db.handoffs.get('h-in'))?.title).toBe('Checkout QA pass'));
    expect(screen.getByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
    expect(shown()).toHaveLength(1);

    // Clicking it opens the card and marks it read.
    await user.click(bell);
    const list = screen.getByRole('list', { name: 'Notifications' });
    await user.click(within(list).getByRole('button', { name: /^Unread:\s*Handed to you: Checkout QA/ }));
    expect(useUi.getState().drawer).toEqual({ handoffId: 'h-in' });
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });

  it('announces a bounce of my handoff unless that kind is muted, and never replays it', async () => {
    const { db, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Notifications' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Bounced back to me' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Bounced back to me' })).not.toBeChecked());

    await runCommand(db, 'h-mine', { type: 'bounce', reason: 'No staging link' }, 'maya');
    await waitFor(async () => expect((await loadNotificationLog(db)).seen.some((key) => key.startsWith('bounced:h-mine:'))).toBe(true));
    expect(shown()).toEqual([]);
    expect(screen.getByText(/Nothing yet/)).toBeInTheDocument();

    // Unmuting does not replay what happened while muted; the next bounce is announced.
    await user.click(screen.getByRole('checkbox', { name: 'Bounced back to me' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Bounced back to me' })).toBeChecked());
    await runCommand(db, 'h-mine', { type: 'move', to: 'READY_FOR_HANDOFF' }, ME);
    await runCommand(db, 'h-mine', { type: 'move', to: 'IN_HANDOFF' }, ME);
    await runCommand(db, 'h-mine', { type: 'bounce', reason: 'Still no staging link' }, 'maya');
    await waitFor(() => expect(shown()).toEqual([expect.objectContaining({ title: 'Bounced back: Spring banner', body: 'Acme Co. Reason: Still no staging link', handoffId: 'h-mine' })]));
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });

  it('closes on Escape wherever focus is, and shows only the current person\'s items after "I am" changes', async () => {
    const { db, user } = await setup();
    await runCommand(db, 'h-in', { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya');
    await runCommand(db, 'h-in', { type: 'move', to: 'IN_HANDOFF' }, 'maya');
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    expect(screen.getByRole('region', { name: 'Notification centre' })).toBeInTheDocument();
    // Focus leaves the centre (it is not modal); Escape still closes it.
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Notification centre' })).not.toBeInTheDocument());

    await saveSettings(db, { currentUser: 'maya' });
    // My item ("Handed to you: Checkout QA") is not Maya's to see.
    await user.click(screen.getByRole('button', { name: /^Notifications/ }));
    expect(screen.getByRole('region', { name: 'Notification centre' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/Handed to you: Checkout QA/)).not.toBeInTheDocument());
  });

  it('opens the card when an OS notification is clicked', async () => {
    await setup();
    host.host.clickNotification({ id: 'n-old', title: 'Old queue item', body: '', handoffId: 'h-old' });
    await waitFor(() => expect(useUi.getState().drawer).toEqual({ handoffId: 'h-old' }));
  });
});
