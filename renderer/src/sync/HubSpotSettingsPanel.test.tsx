import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHandoff } from '../data/commands';
import type { BatonDb } from '../data/db';
import { DbProvider } from '../data/db-context';
import { dbWithTemplates, makeTemplate } from '../data/test-fixtures';
import { HubSpotSettingsPanel } from './HubSpotSettingsPanel';
import { SyncProvider } from './sync-context';
import { SYNC_META } from './sync-meta';
import { resetSyncStore, useSyncStore } from './sync-store';
import { createScriptedHost, GOOD_TOKEN, NO_SCOPE_TOKEN } from './test-sync-api';

async function setUp(host = createScriptedHost(), prepare: (db: BatonDb) => Promise<void> = async () => undefined) {
  resetSyncStore();
  const db = await dbWithTemplates();
  await prepare(db);
  const user = userEvent.setup();
  render(
    <DbProvider db={db}>
      <SyncProvider api={host.api}>
        <HubSpotSettingsPanel />
      </SyncProvider>
    </DbProvider>,
  );
  await waitFor(() => expect(useSyncStore.getState().connected).toBe(host.state.token !== null));
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

  it('offers "Retry failed" for changes HubSpot refused; a retry that goes through resolves the card\'s exception', async () => {
    const host = createScriptedHost({ token: GOOD_TOKEN });
    host.state.refusePushes = true;
    const { db, user } = await setUp(host, async (db) => {
      const created = await createHandoff(db, { id: 'h-refused', title: 'Refused one', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: makeTemplate().id, sender: 'maya' }, 'maya');
      if (!created.ok) throw new Error(created.error.message);
    });
    // The first run (on start) is refused for good: the entry stops retrying and the card carries SYNC_FAILED.
    expect(await screen.findByText(/1 change could not be written to HubSpot and stopped retrying/)).toBeInTheDocument();
    expect((await db.handoffs.get('h-refused'))?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedAt: null })]);

    // Still refused: the entry fails again, and the card keeps its one open exception (no duplicate).
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('Retried 1 change: 1 refused again (the card says why).')).toBeInTheDocument();
    expect((await db.handoffs.get('h-refused'))?.exceptions).toHaveLength(1);

    // The cause is fixed in HubSpot: the retry goes through.
    host.state.refusePushes = false;
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('Retried 1 change: 1 sent to HubSpot.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
    const handoff = await db.handoffs.get('h-refused');
    expect(handoff?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedBy: 'hubspot', resolution: 'HubSpot accepted the change when it was sent again.' })]);
    expect(await db.events.where('handoffId').equals('h-refused').count()).toBe(handoff?.version);
  });
});
