import { screen, waitFor, within } from '@testing-library/react';
import { makeTemplate } from '../../../test/support/db-fixtures';
import { renderApp } from '../../../test/support/render-app';

describe('create handoff dialog', () => {
  it('validates inline, then creates the handoff on the latest template version and opens it', async () => {
    const { user, db } = await renderApp({
      templates: [makeTemplate(), makeTemplate({ id: 'tpl-onboarding', name: 'Client onboarding', criteria: [] })],
      handoffs: [],
      settings: { owners: [{ id: 'local-user', name: 'Me' }, { id: 'jonas', name: 'Jonas Weber' }] },
    });
    await user.click(await screen.findByRole('button', { name: 'Create your first handoff' }));
    const dialog = await screen.findByRole('dialog', { name: 'New handoff' });
    await user.click(within(dialog).getByRole('button', { name: 'Create handoff' }));
    expect(within(dialog).getByText(/Give the handoff a title/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Name the client/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
    expect(await db.handoffs.count()).toBe(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Homepage designs');
    await user.type(within(dialog).getByRole('combobox', { name: 'Client' }), 'Acme Co');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Template' }), 'tpl-onboarding');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Receiver' }), 'jonas');
    await user.click(within(dialog).getByRole('button', { name: 'Create handoff' }));

    await waitFor(async () => expect(await db.handoffs.count()).toBe(1));
    const [created] = await db.handoffs.toArray();
    expect(created).toMatchObject({ title: 'Homepage designs', client: { name: 'Acme Co' }, templateId: 'tpl-onboarding', templateVersion: 1, receiver: 'jonas', sender: 'local-user', state: 'IN_PROGRESS' });
    expect(await screen.findByRole('dialog', { name: 'Homepage designs' })).toBeInTheDocument();
  });
});
