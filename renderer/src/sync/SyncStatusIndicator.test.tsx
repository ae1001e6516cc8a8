import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DbProvider } from '../data/db-context';
import { createHandoff } from '../data/commands';
import { dbWithTemplates, FIXED_NOW } from '../../../test/support/db-fixtures';
import { resetUi, useUi } from '../store/ui-store';
import { SyncProvider } from './sync-context';
import { resetSyncStore } from './sync-store';
import { SyncStatusIndicator } from './SyncStatusIndicator';
import { schedulerProbe } from '../../../test/support/scheduler-probe';
import { closeComponentHosts, GOOD_TOKEN, startComponentHost, type ComponentHost } from '../../../test/support/component-host';

async function setUp(started?: Promise<ComponentHost>) {
  const host = await (started ?? startComponentHost({ token: GOOD_TOKEN, setUp: true }));
  resetSyncStore();
  resetUi();
  const db = await dbWithTemplates();
  const created = await createHandoff(db, { id: 'h-1', title: 'Landing page', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: 'maya' }, 'maya', FIXED_NOW);
  expect(created.ok).toBe(true);
  const user = userEvent.setup();
  const probe = schedulerProbe();
  render(
    <DbProvider db={db}>
      <SyncProvider api={host.api}>
        <probe.Probe />
        <SyncStatusIndicator />
      </SyncProvider>
    </DbProvider>,
  );
  return { db, host, user, scheduler: probe.scheduler };
}

afterEach(closeComponentHosts);

describe('SyncStatusIndicator', () => {
  it('says "Not connected" without a HubSpot token and offers no "Sync now"', async () => {
    await setUp(startComponentHost({ token: null }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Not connected · 1 change waiting to sync'));
    expect(screen.queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
  });

  it('syncs on start, goes "Offline — N waiting" without an error, and syncs again on reconnect', async () => {
    const { db, host, user } = await setUp();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Synced just now$/));
    expect(await db.outbox.count()).toBe(0);

    act(() => host.setOnline(false));
    await createHandoff(db, { id: 'h-2', title: 'Offline edit', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: 'maya' }, 'maya', FIXED_NOW);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Offline — 1 waiting'));
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');

    act(() => host.setOnline(true));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Synced just now$/));
    expect(await db.outbox.count()).toBe(0);
    const pushes = host.calls.filter((c) => c.channel === 'sync.push').length;
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(host.calls.filter((c) => c.channel === 'sync.pull').length).toBeGreaterThanOrEqual(3));
    expect(host.calls.filter((c) => c.channel === 'sync.push').length).toBe(pushes);
  });

  it('shows failed changes and jumps to the cards with exceptions', async () => {
    const { db, user } = await setUp();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Synced just now$/));
    await db.outbox.add({ id: 'ob-failed', seq: 99, handoffId: 'h-1', kind: 'upsert_handoff', refId: null, createdAt: FIXED_NOW.toISOString(), attempts: 1, lastError: 'HUBSPOT_VALIDATION: bad', status: 'failed' });
    const failed = await screen.findByRole('button', { name: '1 failed' });
    useUi.getState().setView('settings');
    await user.click(failed);
    expect(useUi.getState().view).toBe('board');
    expect(useUi.getState().filter.withExceptions).toBe(true);
  });

  it('on a portal with no setup chosen, says what to do (no error) and sends nothing until the setup is chosen', async () => {
    const { db, host, user, scheduler } = await setUp(startComponentHost({ token: GOOD_TOKEN }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Choose how Baton files handoffs in HubSpot (Settings → HubSpot) to start syncing'));
    expect(status).toHaveAttribute('data-tone', 'waiting');
    expect(status).not.toHaveTextContent('Sync problem');
    expect(status).toHaveAttribute('title', expect.stringContaining('1 change waiting to be sent to HubSpot.'));
    // "Sync now" asks again and still waits: nothing set up, pulled or pushed.
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(host.calls.filter((c) => c.channel === 'hubspot.setupOptions').length).toBeGreaterThanOrEqual(2));
    expect(host.calls.some((c) => c.channel === 'sync.pull' || c.channel === 'sync.push' || c.channel === 'hubspot.provision')).toBe(false);
    expect(await db.outbox.count()).toBe(1);

    // The setup screen's choice (the same scheduler call the settings panel makes) starts syncing.
    const outcome = await act(async () => scheduler().provision({ mode: 'create', recordType: 'tickets' }));
    expect(outcome.ok).toBe(true);
    await waitFor(() => expect(status).toHaveTextContent(/^Synced just now$/));
    expect(await db.outbox.count()).toBe(0);
  });
});
