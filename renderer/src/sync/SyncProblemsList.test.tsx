import { render, screen, within } from '@testing-library/react';
import { SyncProblemsList } from './SyncProblemsList';

describe('SyncProblemsList', () => {
  it('lists records that could not be merged apart from changes waiting for an archived handoff to be restored', () => {
    render(
      <SyncProblemsList
        problems={[
          { dealId: 'd-1', message: '"Checkout" was not merged: the Baton record is damaged. Nothing on this computer was changed.' },
          { dealId: 'd-2', message: 'A change made on this computer to "Launch page" has not reached the team: Ada Lovelace archived it on Tue 24 Nov, 09:05 before it was sent (accepted the handoff). Restore it to send it.', held: 1 },
        ]}
      />,
    );
    expect(screen.getByText(/1 HubSpot deal could not be merged/)).toBeInTheDocument();
    const waiting = screen.getByRole('note', { name: 'Changes waiting for a restore' });
    expect(within(waiting).getByText(/Ada Lovelace archived it on Tue 24 Nov, 09:05/)).toBeInTheDocument();
    expect(within(waiting).queryByText(/was not merged/)).toBeNull();
  });

  it('says nothing failed when only held changes wait', () => {
    render(<SyncProblemsList problems={[{ dealId: 'd-2', message: 'Held.', held: 1 }]} />);
    expect(screen.queryByText(/could not be merged/)).toBeNull();
    expect(screen.getByRole('note', { name: 'Changes waiting for a restore' })).toBeInTheDocument();
  });
});
