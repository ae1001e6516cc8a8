import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DbProvider } from '../data/db-context';
import { dbWithTemplates } from '../data/test-fixtures';
import { HubSpotSettingsPanel } from './HubSpotSettingsPanel';
import { SyncProvider } from './sync-context';
import { SYNC_META } from './sync-meta';
import { resetSyncStore, useSyncStore } from './sync-store';
import { createScriptedHost, GOOD_TOKEN, NO_SCOPE_TOKEN } from './test-sync-api';

async function setUp(host = createScriptedHost()) {
  resetSyncStore();
  const db = await dbWithTemplates();
  const user = userEvent.setup();
  render(
    <DbProvider db={db}>
      <SyncProvider api={host.api}>
        <HubSpotSettingsPanel />
      </SyncProvider>
    </DbProvider>,
  );
  await waitFor(() => expect(useSyncStore.getState().connected).toBe(false));
  return { db, host, user };
}

describe('HubSpotSettingsPanel', () => {
  it('takes the token in a password field and names the missing scope when HubSpot refuses it', async () => {
    const { user, host } = await setUp();
    const field = screen.getByLabelText(/HubSpot token/);
    expect(field).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Paste your HubSpot token first.');
    expect(host.calls.some((c) => c.channel === 'hubspot.connect')).toBe(false);
    await user.type(field, NO_SCOPE_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/missing a permission.*crm\.objects\.deals\.write/);
    expect(useSyncStore.getState().connected).toBe(false);
  });

  it('connects, shows the account it acts as, syncs, sets HubSpot up on request, and disconnects', async () => {
    const { user, host, db } = await setUp();
    await user.type(screen.getByLabelText(/HubSpot token/), GOOD_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText(/Connected to HubSpot account 4242 at app\.hubspot\.com \(standard\), 3 owners\.$/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/HubSpot token/)).not.toBeInTheDocument();
    await waitFor(() => expect(host.calls.some((c) => c.channel === 'sync.pull')).toBe(true));
    expect(await db.syncMeta.get(SYNC_META.portalId)).toMatchObject({ value: '4242' });

    await user.click(screen.getByRole('button', { name: 'Set up HubSpot' }));
    expect(await screen.findByText('Set up HubSpot: created pipeline Handoffs, property baton_id.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByLabelText(/HubSpot token/)).toBeInTheDocument();
    expect(host.state.token).toBeNull();
  });
});
