import { screen, waitFor } from '@testing-library/react';
import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import { renderApp } from '../../../test/support/render-app';

describe('demo workspace', () => {
  it('loads from the empty state, is labelled as a demo, and is removed in one click', async () => {
    const { user, db } = await renderApp({ templates: [...SEED_TEMPLATES], handoffs: [] });
    await user.click(await screen.findByRole('button', { name: 'Load demo' }));
    expect(await screen.findByRole('region', { name: 'Demo workspace' })).toBeInTheDocument();
    await waitFor(async () => expect(await db.handoffs.count()).toBeGreaterThan(0));
    expect((await screen.findAllByRole('article')).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Remove demo data' }));
    expect(await screen.findByRole('heading', { name: 'No handoffs yet', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Demo workspace' })).not.toBeInTheDocument());
    expect(await db.handoffs.count()).toBe(0);
  });
});
