import { screen, within, waitFor } from '@testing-library/react';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderApp } from '../../../test/support/render-app';

describe('templates editor', () => {
  it('adds a criterion and saves it as a new version, leaving the old version in place', async () => {
    const { user, db } = await renderApp({ templates: [makeTemplate()], handoffs: [makeHandoff()] });
    await screen.findByText('Spring sale landing page');
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    await user.click(await screen.findByRole('button', { name: 'Edit Design → Development' }));
    const editor = await screen.findByRole('form', { name: 'Edit template Design → Development' });
    expect(within(editor).getByText(/Saving creates version 2/)).toBeInTheDocument();

    await user.click(within(editor).getByRole('button', { name: '+ Add criterion to “Receiver accepts”' }));
    const added = within(editor).getByRole('listitem', { name: 'Criterion 1' });
    await user.type(within(added).getByRole('textbox', { name: 'Label' }), 'QA lead approves');
    await user.selectOptions(within(added).getByRole('combobox', { name: 'Kind' }), 'approval');
    // Approval needs a role: saving without one shows the error inline.
    await user.click(within(editor).getByRole('button', { name: 'Save as version 2' }));
    expect(await within(editor).findByText('An approval names a role')).toBeInTheDocument();
    await user.type(within(editor).getByRole('textbox', { name: 'Approver role' }), 'QA lead');
    await user.click(within(editor).getByRole('button', { name: 'Save as version 2' }));

    await waitFor(async () => expect(await db.templates.get(['tpl-design-dev', 2])).toBeDefined());
    const v2 = await db.templates.get(['tpl-design-dev', 2]);
    expect(v2?.criteria.at(-1)).toEqual({ id: 'qa_lead_approves', label: 'QA lead approves', gate: 'ACCEPT', kind: 'approval', role: 'QA lead' });
    expect(v2?.latest).toBe(1);
    const v1 = await db.templates.get(['tpl-design-dev', 1]);
    expect(v1?.criteria).toHaveLength(2);
    expect(v1?.latest).toBe(0);
    // The existing handoff keeps the version it was created with.
    expect((await db.handoffs.get('h-1'))?.templateVersion).toBe(1);
    expect(await screen.findByText('v2')).toBeInTheDocument();
  });

  it('refuses to save a template without a name', async () => {
    const { user, db } = await renderApp({ templates: [makeTemplate()], handoffs: [makeHandoff()] });
    await screen.findByText('Spring sale landing page');
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    await user.click(await screen.findByRole('button', { name: '+ New template' }));
    const editor = await screen.findByRole('form', { name: 'New template' });
    await user.click(within(editor).getByRole('button', { name: 'Create template' }));
    expect(await within(editor).findByText('A template needs a name')).toBeInTheDocument();
    expect(await db.templates.count()).toBe(1);
    // Typing a name takes the stale message away.
    await user.type(within(editor).getByRole('textbox', { name: 'Name' }), 'Launch');
    expect(within(editor).queryByText('A template needs a name')).not.toBeInTheDocument();
  });

  it('reorders and removes criteria within a gate', async () => {
    const template = makeTemplate({
      criteria: [
        { id: 'designs_final', label: 'Designs final', gate: 'READY', kind: 'checklist' },
        { id: 'assets_exported', label: 'Assets exported', gate: 'READY', kind: 'checklist' },
        { id: 'receiver', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
      ],
    });
    const { user, db } = await renderApp({ templates: [template], handoffs: [makeHandoff()] });
    await screen.findByText('Spring sale landing page');
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    await user.click(await screen.findByRole('button', { name: 'Edit Design → Development' }));
    const editor = await screen.findByRole('form', { name: 'Edit template Design → Development' });
    await user.click(within(editor).getByRole('button', { name: 'Move Assets exported up' }));
    await user.click(within(editor).getByRole('button', { name: 'Remove Receiver assigned' }));
    await user.click(within(editor).getByRole('button', { name: 'Save as version 2' }));
    await waitFor(async () => expect(await db.templates.get(['tpl-design-dev', 2])).toBeDefined());
    expect((await db.templates.get(['tpl-design-dev', 2]))?.criteria.map((c) => c.id)).toEqual(['assets_exported', 'designs_final']);
  });
});
