import { screen, waitFor, within } from '@testing-library/react';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderApp } from '../../../test/support/render-app';

async function setup() {
  const app = await renderApp({
    templates: [makeTemplate()],
    handoffs: [makeHandoff({ id: 'h-1', title: 'Spring sale landing page', receiver: 'maya', criteria: { designs_final: { met: true, by: 'maya', at: '2026-11-20T09:00:00.000Z' } } })],
  });
  await screen.findByText('Spring sale landing page');
  return app;
}

function card(): HTMLElement {
  const node = screen.getByText('Spring sale landing page').closest<HTMLElement>('[data-card-id]');
  if (!node) throw new Error('card not found');
  return node;
}

describe('keyboard shortcuts', () => {
  it('n opens the new handoff dialog, ? the help, / focuses search', async () => {
    const { user } = await setup();
    await user.keyboard('n');
    expect(await screen.findByRole('dialog', { name: 'New handoff' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Undo the last move or edit')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search handoffs' })).toHaveFocus();
    // Typing in the search box does not trigger shortcuts.
    await user.keyboard('n');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('] moves the focused card forward through its gate and Ctrl+Z undoes it', async () => {
    const { user, db } = await setup();
    card().focus();
    await user.keyboard(']');
    await waitFor(async () => expect((await db.handoffs.get('h-1'))?.state).toBe('READY_FOR_HANDOFF'));
    expect(await screen.findByText('Moved “Spring sale landing page” to Ready for handoff')).toBeInTheDocument();
    await waitFor(() => expect(card()).toHaveFocus());
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await db.handoffs.get('h-1'))?.state).toBe('IN_PROGRESS'));
  });

  it('m opens the move menu on the focused card', async () => {
    const { user } = await setup();
    card().focus();
    await user.keyboard('m');
    const dialog = await screen.findByRole('dialog', { name: 'Move “Spring sale landing page”' });
    expect(within(dialog).getByRole('button', { name: /Move to Ready for handoff/ })).toBeInTheDocument();
  });
});
