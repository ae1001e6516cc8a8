import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHandoff } from '../data/commands';
import { DbProvider } from '../data/db-context';
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

  it('says so when there is nothing to review', async () => {
    const db = await dbWithTemplates();
    render(
      <DbProvider db={db}>
        <MergeDecisionsList handoffId="h-none" />
      </DbProvider>,
    );
    expect(await screen.findByText('No field was changed in Baton and HubSpot at the same time.')).toBeInTheDocument();
  });
});
