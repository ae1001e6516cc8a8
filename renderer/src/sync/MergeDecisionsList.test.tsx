import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHandoff } from '../data/commands';
import { DbProvider } from '../data/db-context';
import { saveSettings } from '../data/settings';
import { dbWithTemplates, FIXED_NOW } from '../../../test/support/db-fixtures';
import { MergeDecisionsList } from './MergeDecisionsList';

describe('MergeDecisionsList', () => {
  it('lists a merge decision and reverts to the losing value as a recorded, synced change', async () => {
    const db = await dbWithTemplates();
    const created = await createHandoff(db, { id: 'h-1', title: 'Brand refresh (Baton)', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: 'maya' }, 'maya', FIXED_NOW);
    expect(created.ok).toBe(true);
    await db.outbox.clear();
    await db.events.add({
      id: 'mrg-1',
      handoffId: 'h-1',
      kind: 'merge_decision',
      actor: 'hubspot',
      at: '2026-11-24T10:05:00.000Z',
      field: 'dealname',
      before: { side: 'hubspot', value: 'Brand refresh (HubSpot)', at: '2026-11-24T10:01:00.000Z' },
      after: { side: 'baton', value: 'Brand refresh (Baton)', at: '2026-11-24T10:02:00.000Z' },
      summary: 'Baton and HubSpot both changed dealname',
    });
    const user = userEvent.setup();
    render(
      <DbProvider db={db}>
        <MergeDecisionsList />
      </DbProvider>,
    );
    expect(await screen.findByText(/Kept Baton’s "Brand refresh \(Baton\)"; HubSpot’s "Brand refresh \(HubSpot\)" was set aside\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Revert to "Brand refresh (HubSpot)"' }));
    await waitFor(async () => expect((await db.handoffs.get('h-1'))?.title).toBe('Brand refresh (HubSpot)'));
    expect(await screen.findByText('Restored')).toBeInTheDocument();
    const events = await db.events.where('handoffId').equals('h-1').toArray();
    expect(events.some((e) => e.field === 'title' && e.after === 'Brand refresh (HubSpot)')).toBe(true);
    expect((await db.outbox.toArray()).map((e) => e.kind)).toEqual(['upsert_handoff']);
  });

  it('names the people when two desktops set the same field, and reverts to a person by name', async () => {
    const db = await dbWithTemplates();
    await saveSettings(db, { currentUser: 'maya', owners: [{ id: 'maya', name: 'Maya Chen' }, { id: 'jonas', name: 'Jonas Berg' }, { id: 'lea', name: 'Léa Martin' }] });
    const created = await createHandoff(db, { id: 'h-2', title: 'Checkout', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev', sender: 'maya', receiver: 'lea' }, 'maya', FIXED_NOW);
    expect(created.ok).toBe(true);
    await db.events.add({
      id: 'mrgc-1',
      handoffId: 'h-2',
      kind: 'merge_decision',
      actor: 'baton',
      at: '2026-11-24T10:05:00.000Z',
      field: 'baton_receiver_owner_id',
      before: { side: 'baton', value: 'jonas', at: '2026-11-24T10:01:00.000Z', by: 'maya' },
      after: { side: 'baton', value: 'lea', at: '2026-11-24T10:02:00.000Z', by: 'jonas' },
      summary: 'Two desktops changed baton_receiver_owner_id at the same time',
    });
    const user = userEvent.setup();
    render(
      <DbProvider db={db}>
        <MergeDecisionsList handoffId="h-2" />
      </DbProvider>,
    );
    expect(await screen.findByText(/Kept Jonas Berg’s Léa Martin; Maya Chen’s\s+Jonas Berg was set aside\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Revert to Jonas Berg' }));
    await waitFor(async () => expect((await db.handoffs.get('h-2'))?.receiver).toBe('jonas'));
    expect(await screen.findByText('Restored')).toBeInTheDocument();
  });

  it('says so when there is nothing to review', async () => {
    const db = await dbWithTemplates();
    render(
      <DbProvider db={db}>
        <MergeDecisionsList handoffId="h-none" />
      </DbProvider>,
    );
    expect(await screen.findByText('No field was changed in two places at the same time.')).toBeInTheDocument();
  });
});
