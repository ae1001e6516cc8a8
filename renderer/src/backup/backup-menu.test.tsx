import { act, screen, within } from '@testing-library/react';
import { runMenuCommand } from '../shortcuts/use-menu-commands';
import { useUi } from '../store/ui-store';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderApp } from '../../../test/support/render-app';

describe('the Back up / Restore section in the app', () => {
  it('is where the native menu’s “Back up…” command leads, with the storage state shown', async () => {
    await renderApp({ templates: [makeTemplate()], handoffs: [makeHandoff()] });
    await screen.findByText('Spring sale landing page');
    act(() => runMenuCommand('backup', useUi.getState()));
    const section = await screen.findByRole('region', { name: 'Back up / Restore' });
    expect(within(section).getByRole('button', { name: 'Back up to a file…' })).toBeInTheDocument();
    expect(within(section).getByLabelText('Backup file to restore')).toBeInTheDocument();
    // jsdom has no navigator.storage: the section says so instead of pretending.
    expect(await within(section).findByText(/cannot make Baton’s storage persistent/)).toBeInTheDocument();
  });
});
