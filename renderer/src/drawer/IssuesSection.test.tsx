import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHandoff } from '../data/commands';
import type { BatonDb } from '../data/db';
import { DbProvider } from '../data/db-context';
import { useHandoff } from '../data/queries';
import { dbWithTemplates, makeTemplate } from '../../../test/support/db-fixtures';
import { SyncProvider } from '../sync/sync-context';
import { resetSyncStore, useSyncStore } from '../sync/sync-store';
import { closeComponentHosts, GOOD_TOKEN, REFUSAL_DETAIL, startComponentHost, type ComponentHost } from '../../../test/support/component-host';
import { IssuesSection } from './IssuesSection';

// A retry is a whole sync run on a shared, noisy machine: give it time (a ceiling, not a timing assertion).
configure({ asyncUtilTimeout: 5000 });

const REFUSAL = `HubSpot refused the data (HTTP 400). HubSpot said: ${REFUSAL_DETAIL}`;

/** The section as the drawer shows it: fed the live record. */
function LiveIssues({ id }: { id: string }) {
  const handoff = useHandoff(id);
  return handoff ? <IssuesSection handoff={handoff} /> : null;
}

async function addHandoff(db: BatonDb, id: string, title: string): Promise<void> {
  const created = await createHandoff(db, { id, title, client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: makeTemplate().id, sender: 'maya' }, 'maya');
  if (!created.ok) throw new Error(created.error.message);
}

/** Handoffs whose first push HubSpot refused for good: each carries an open SYNC_FAILED. */
async function refusedCards(ids: string[]) {
  resetSyncStore();
  const host = await startComponentHost({ token: GOOD_TOKEN, setUp: true });
  host.refusePushes(true);
  const db = await dbWithTemplates();
  for (const id of ids) await addHandoff(db, id, `Card ${id}`);
  const user = userEvent.setup();
  render(
    <DbProvider db={db}>
      <SyncProvider api={host.api}>
        <LiveIssues id={ids[0] ?? ''} />
      </SyncProvider>
    </DbProvider>,
  );
  await waitFor(async () => expect(await db.outbox.where('status').equals('failed').count()).toBe(ids.length));
  await waitFor(() => expect(useSyncStore.getState().running).toBe(false));
  const section = await screen.findByRole('region', { name: 'Needs attention' });
  await within(section).findByText(/HubSpot did not accept this change/);
  return { db, host, user, section };
}

function pushedHandoffs(host: ComponentHost, from: number): string[] {
  return host.calls.slice(from).flatMap((c) => (c.channel === 'sync.push' ? (c.request as { items: { handoff: { id: string } }[] }).items.map((i) => i.handoff.id) : []));
}

afterEach(closeComponentHosts);

describe('IssuesSection: retrying a sync HubSpot refused', () => {
  it('says HubSpot\'s reason when it is refused again, and "sent" once it goes through (the exception resolves)', async () => {
    const { db, host, user, section } = await refusedCards(['h-refused']);
    await user.click(within(section).getByRole('button', { name: 'Retry sync' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(`HubSpot refused it again: ${REFUSAL}`);
    expect((await db.handoffs.get('h-refused'))?.exceptions.filter((e) => e.resolvedAt === null)).toHaveLength(1);

    host.refusePushes(false);
    await user.click(within(section).getByRole('button', { name: 'Retry sync' }));
    expect(await within(section).findByRole('status')).toHaveTextContent('Sent to HubSpot.');
    await waitFor(() => expect(within(section).queryByRole('button', { name: 'Retry sync' })).not.toBeInTheDocument());
    expect(await db.outbox.count()).toBe(0);
    const handoff = await db.handoffs.get('h-refused');
    expect(handoff?.exceptions).toEqual([expect.objectContaining({ kind: 'SYNC_FAILED', resolvedBy: 'hubspot' })]);
    expect(handoff?.client.hubspotDealId).not.toBeNull();
  });

  it('retries this handoff only: another card\'s refused change stays parked', async () => {
    const { db, host, user, section } = await refusedCards(['h-this', 'h-other']);
    host.refusePushes(false);
    const from = host.calls.length;
    await user.click(within(section).getByRole('button', { name: 'Retry sync' }));
    expect(await within(section).findByRole('status')).toHaveTextContent('Sent to HubSpot.');
    expect(pushedHandoffs(host, from)).toEqual(['h-this']);
    expect((await db.outbox.toArray()).map((e) => [e.handoffId, e.status])).toEqual([['h-other', 'failed']]);
  });

  it('queues it while offline and says so', async () => {
    const { db, host, user, section } = await refusedCards(['h-offline']);
    host.setOnline(false);
    await waitFor(() => expect(useSyncStore.getState().online).toBe(false));
    const from = host.calls.length;
    await user.click(within(section).getByRole('button', { name: 'Retry sync' }));
    expect(await within(section).findByRole('status')).toHaveTextContent('Queued: you are offline. It is sent when the connection is back.');
    expect(pushedHandoffs(host, from)).toEqual([]);
    expect((await db.outbox.toArray()).map((e) => e.status)).toEqual(['pending']);
    expect((await db.handoffs.get('h-offline'))?.exceptions.filter((e) => e.resolvedAt === null)).toHaveLength(1);
  });

  it('offers no retry on other exceptions', async () => {
    resetSyncStore();
    const db = await dbWithTemplates();
    await addHandoff(db, 'h-plain', 'Plain card');
    await db.handoffs.update('h-plain', {
      exceptions: [{ id: 'exc-sla', kind: 'SLA_BREACHED', message: 'Waited too long', raisedAt: '2026-11-20T09:00:00.000Z', resolvedAt: null, resolvedBy: null, resolution: null }],
    });
    const host = await startComponentHost();
    render(
      <DbProvider db={db}>
        <SyncProvider api={host.api}>
          <LiveIssues id="h-plain" />
        </SyncProvider>
      </DbProvider>,
    );
    const section = await screen.findByRole('region', { name: 'Needs attention' });
    expect(within(section).getByText('Waited too long')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Retry sync' })).not.toBeInTheDocument();
  });
});
