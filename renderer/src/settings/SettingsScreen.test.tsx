import { screen, waitFor, within } from '@testing-library/react';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { loadSettings } from '../data/settings';
import { renderApp } from '../../../test/support/render-app';

async function openSettings() {
  const app = await renderApp({ templates: [makeTemplate()], handoffs: [makeHandoff()] });
  await screen.findByText('Spring sale landing page');
  await app.user.click(screen.getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Settings' });
  // The panels render once the saved settings are loaded, which can lag the heading on a busy machine.
  await screen.findByRole('combobox', { name: 'Time zone' });
  await screen.findByRole('textbox', { name: 'New person’s name' });
  return app;
}

describe('settings', () => {
  it('adds a person and makes them the current user', async () => {
    const { user, db } = await openSettings();
    await user.type(screen.getByRole('textbox', { name: 'New person’s name' }), 'Maya Chen');
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(async () => expect((await loadSettings(db)).owners.map((o) => o.name)).toContain('Maya Chen'));
    const maya = (await loadSettings(db)).owners.find((o) => o.name === 'Maya Chen');
    // As a person does: choose her once the list shows her (the screen reads the saved people back a moment later).
    const iAm = screen.getByRole('combobox', { name: 'I am' });
    await within(iAm).findByRole('option', { name: 'Maya Chen' });
    await user.selectOptions(iAm, 'Maya Chen');
    await waitFor(async () => expect((await loadSettings(db)).currentUser).toBe(maya?.id));
  });

  it('refuses an unknown time zone with a specific message and keeps the saved one', async () => {
    const { user, db } = await openSettings();
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await user.click(screen.getByRole('button', { name: 'Save working hours' }));
    expect(await screen.findByText(/Unknown time zone/)).toBeInTheDocument();
    expect((await loadSettings(db)).workingHours.timeZone).toBe('UTC');
  });

  it('switches the theme', async () => {
    const { user, db } = await openSettings();
    const themes = screen.getByRole('group', { name: 'Theme' });
    await user.click(within(themes).getByRole('radio', { name: 'Dark' }));
    await waitFor(async () => expect((await loadSettings(db)).theme).toBe('dark'));
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-theme', 'dark'));
  });
});
