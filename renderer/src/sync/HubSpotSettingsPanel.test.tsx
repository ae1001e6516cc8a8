import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHandoff } from '../data/commands';
import type { BatonDb } from '../data/db';
import { DbProvider } from '../data/db-context';
import { dbWithTemplates, makeTemplate } from '../../../test/support/db-fixtures';
import { HubSpotSettingsPanel } from './HubSpotSettingsPanel';
import { SyncProvider } from './sync-context';
import { SYNC_META } from './sync-meta';
import { resetSyncStore, useSyncStore } from './sync-store';
import { schedulerProbe } from '../../../test/support/scheduler-probe';
import { closeComponentHosts, GOOD_TOKEN, NO_SCOPE_TOKEN, OTHER_PORTAL_TOKEN, startComponentHost, type ComponentHost } from '../../../test/support/component-host';

async function setUp(started?: Promise<ComponentHost>, prepare: (db: BatonDb) => Promise<void> = async () => undefined) {
  const host = await (started ?? startComponentHost());
  resetSyncStore();
  const db = await dbWithTemplates();
  await prepare(db);
  const user = userEvent.setup();
  const probe = schedulerProbe();
  render(
    <DbProvider db={db}>
      <SyncProvider api={host.api}>
        <probe.Probe />
        <HubSpotSettingsPanel />
      </SyncProvider>
    </DbProvider>,
  );
  await waitFor(() => expect(useSyncStore.getState().connected).toBe(host.connected()));
  return { db, host, user, scheduler: probe.scheduler };
}

afterEach(closeComponentHosts);

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
    expect(await screen.findByText(/Connected to HubSpot account 4242 at app-eu1\.hubspot\.com \(standard\), 3 owners\.$/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/HubSpot token/)).not.toBeInTheDocument();
    // A portal with no setup chosen yet: the run after connecting waits for the person, writing and reading nothing.
    await waitFor(() => expect(useSyncStore.getState().setupNeeded).toBe(true));
    expect(host.calls.some((c) => c.channel === 'sync.pull' || c.channel === 'sync.push' || c.channel === 'hubspot.provision')).toBe(false);
    expect(await db.syncMeta.get(SYNC_META.portalId)).toMatchObject({ value: '4242' });

    // The setup form is usable once it has read the portal's record types and pipelines (after the run in progress).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Set up HubSpot' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Set up HubSpot' }));
    expect(await screen.findByText(/^Set up HubSpot: created pipeline Handoffs, property group baton, property baton_id, /)).toBeInTheDocument();
    expect(host.calls.find((c) => c.channel === 'hubspot.provision')?.request).toMatchObject({ choice: { mode: 'create', recordType: 'tickets' } });
    // The setup starts syncing.
    await waitFor(() => expect(host.calls.some((c) => c.channel === 'sync.pull')).toBe(true));
    expect(useSyncStore.getState().setupNeeded).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByLabelText(/HubSpot token/)).toBeInTheDocument();
    expect(host.connected()).toBe(false);
  });

  it('offers "Retry failed" for changes HubSpot refused; a retry that goes through resolves the card\'s exception', async () => {
    const { db, user, host } = await setUp(startComponentHost({ token: GOOD_TOKEN, setUp: true }).then((started) => {
      started.refusePushes(true);
      return started;
    }), async (db) => {
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
    host.refusePushes(false);
    await user.click(screen.getByRole('button', { name: 'Retry failed' }));
    expect(await screen.findByText('Retried 1 change: 1 sent to HubSpot.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry failed' })).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
    const handoff = await db.handoffs.get('h-refused');
    expect(handoff?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedBy: 'hubspot', resolution: 'HubSpot accepted the change when it was sent again.' })]);
    expect(await db.events.where('handoffId').equals('h-refused').count()).toBe(handoff?.version);
  });

  describe('a token for another HubSpot account', () => {
    /** Connected to account 4242 with one handoff linked to its deal there, then a token for account 5151 pasted. */
    async function switchedToken() {
      const setup = await setUp(startComponentHost({ token: GOOD_TOKEN, setUp: true }), async (db) => {
        const created = await createHandoff(db, { id: 'h-linked', title: 'Linked one', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: makeTemplate().id, sender: 'maya' }, 'maya');
        if (!created.ok) throw new Error(created.error.message);
      });
      const { db, user, host } = setup;
      // Filed in account 4242: the card holds that record's id.
      await waitFor(async () => expect((await db.handoffs.get('h-linked'))?.client.hubspotDealId).toBe(host.recordIdOf(host.portals[0], 'h-linked') ?? 'not filed'));
      const oldRecordId = host.recordIdOf(host.portals[0], 'h-linked');
      await waitFor(() => expect(useSyncStore.getState().running).toBe(false));
      await user.click(screen.getByRole('button', { name: 'Disconnect' }));
      await user.type(await screen.findByLabelText(/HubSpot token/), OTHER_PORTAL_TOKEN);
      const callsBefore = host.calls.length;
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      const dialog = await screen.findByRole('alertdialog', { name: 'Link this workspace to HubSpot account 5151 instead of 4242?' });
      return { ...setup, host, dialog, oldRecordId, syncCallsSince: () => syncCalls(host, callsBefore) };
    }

    function syncCalls(host: ComponentHost, from: number) {
      return host.calls.slice(from).filter((c) => c.channel.startsWith('sync.') || c.channel === 'hubspot.provision');
    }

    it('waits for the person: nothing syncs, and linking unlinks the old deals and creates the handoffs in the new account', async () => {
      const { db, user, host, dialog, oldRecordId, scheduler, syncCallsSince } = await switchedToken();
      expect(within(dialog).getByText(/removes the links of 1 handoff to their deals in account 4242/)).toBeInTheDocument();
      expect(await screen.findByText(/This workspace is linked to account 4242: choose below before Baton syncs\./)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Set up HubSpot' })).toBeDisabled();
      // A sync asked for now (the top bar's "Sync now") does nothing while the choice is open.
      await scheduler().requestRun();
      expect(syncCallsSince()).toEqual([]);
      expect((await db.handoffs.get('h-linked'))?.client.hubspotDealId).toBe(oldRecordId);

      await user.click(within(dialog).getByRole('button', { name: 'Link to account 5151' }));
      expect(await screen.findByText('Linked this workspace to HubSpot account 5151: 1 handoff unlinked from account 4242; every handoff is being created in 5151 now.')).toBeInTheDocument();
      expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
      await waitFor(async () => expect(host.recordIdOf(host.portals[1], 'h-linked')).toBeDefined());
      await waitFor(async () => expect((await db.handoffs.get('h-linked'))?.client.hubspotDealId).toBe(host.recordIdOf(host.portals[1], 'h-linked')));
      // The new account got the handoff without the old deal id, under its own portal id.
      const push = host.calls.filter((c) => c.channel === 'sync.push').at(-1)?.request as { portalId?: number; items: { dealId: string | null }[] };
      expect(push).toMatchObject({ portalId: 5151, items: [{ dealId: null }] });
      expect(await db.syncMeta.get(SYNC_META.portalId)).toMatchObject({ value: '5151' });
      const handoff = await db.handoffs.get('h-linked');
      expect(await db.events.where('handoffId').equals('h-linked').count()).toBe(handoff?.version);
    });

    it('keeping the old account forgets the new token and changes nothing', async () => {
      const { db, user, host, dialog, oldRecordId, syncCallsSince } = await switchedToken();
      await user.click(within(dialog).getByRole('button', { name: 'Keep account 4242 (disconnect)' }));
      expect(await screen.findByText(/Kept account 4242: the token for account 5151 was forgotten\./)).toBeInTheDocument();
      expect(host.connected()).toBe(false);
      expect(syncCallsSince()).toEqual([]);
      expect((await db.handoffs.get('h-linked'))?.client.hubspotDealId).toBe(oldRecordId);
      expect(await db.syncState.get('h-linked')).toMatchObject({ dealId: oldRecordId });
      expect(await db.syncMeta.get(SYNC_META.portalId)).toMatchObject({ value: '4242' });
    });
  });
});
