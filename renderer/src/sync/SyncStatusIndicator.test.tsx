import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DbProvider } from '../data/db-context';
import { createHandoff } from '../data/commands';
import { dbWithTemplates, FIXED_NOW } from '../data/test-fixtures';
import { resetUi, useUi } from '../store/ui-store';
import { SyncProvider } from './sync-context';
import { resetSyncStore } from './sync-store';
import { SyncStatusIndicator } from './SyncStatusIndicator';
import { createScriptedHost, GOOD_TOKEN } from './test-sync-api';

async function setUp(host = createScriptedHost({ token: GOOD_TOKEN })) {
  resetSyncStore();
  resetUi();
  const db = await dbWithTemplates();
  const created = await createHandoff(db, { id: 'h-1', title: 'Landing page', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: 'maya' }, 'maya', FIXED_NOW);
  expect(created.ok).toBe(true);
  const user = userEvent.setup();
  render(
    <DbProvider db={db}>
      <SyncProvider api={host.api}>
        <SyncStatusIndicator />
      </SyncProvider>
    </DbProvider>,
  );
  return { db, host, user };
}

describe('SyncStatusIndicator', () => {
  it('says "Not connected" without a HubSpot token and offers no "Sync now"', async () => {
    await setUp(createScriptedHost({ token: null }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Not connected · 1 change waiting to sync'));
    expect(screen.queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
  });

  it('syncs on start, goes "Offline — N waiting" without an error, and syncs again on reconnect', async () => {
    const { db, host, user } = await setUp();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Synced just now$/));
    expect(await db.outbox.count()).toBe(0);

    act(() => host.emit('online.changed', { online: false }));
    await createHandoff(db, { id: 'h-2', title: 'Offline edit', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: 'maya' }, 'maya', FIXED_NOW);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Offline — 1 waiting'));
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');

    act(() => host.emit('online.changed', { online: true }));
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
});
