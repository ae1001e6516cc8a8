import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DbProvider } from '../data/db-context';
import { dbWithTemplates } from '../../../test/support/db-fixtures';
import { HubSpotSetupFlow } from './HubSpotSetupFlow';
import { SyncProvider } from './sync-context';
import { resetSyncStore, useSyncStore } from './sync-store';
import { closeComponentHosts, GOOD_TOKEN, startComponentHost } from '../../../test/support/component-host';

async function setUp(refusePipelines: boolean) {
  resetSyncStore();
  // A Free account refuses a new pipeline.
  const host = await startComponentHost({ token: GOOD_TOKEN, tier: refusePipelines ? 'free' : 'professional' });
  const db = await dbWithTemplates();
  const user = userEvent.setup();
  render(
    <DbProvider db={db}>
      <SyncProvider api={host.api}>
        <HubSpotSetupFlow disabled={false} />
      </SyncProvider>
    </DbProvider>,
  );
  await waitFor(() => expect(useSyncStore.getState().connected).toBe(true));
  const form = await screen.findByRole('form', { name: 'Set up HubSpot for Baton' });
  await within(form).findByRole('radio', { name: 'HubSpot tickets' });
  return { host, user, form };
}

afterEach(closeComponentHosts);

describe('HubSpotSetupFlow', () => {
  it('preselects tickets in a new pipeline; a refused pipeline is explained and the existing one offered, mapped in stage order', async () => {
    const { host, user, form } = await setUp(true);
    expect(within(form).getByRole('radio', { name: 'HubSpot tickets' })).toBeChecked();
    expect(within(form).getByRole('radio', { name: /Create Baton’s own/ })).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Set up HubSpot' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Free HubSpot accounts have one ticket pipeline');
    expect(within(form).getByRole('radio', { name: /Use an existing pipeline/ })).toBeChecked();
    expect(within(form).getByLabelText('Existing ticket pipeline')).toHaveValue('0');
    expect(within(form).getByLabelText('Stage for “In progress”')).toHaveValue('1');
    expect(within(form).getByLabelText('Stage for “Handoff done”')).toHaveValue('4');
    expect(within(form).getByRole('note')).toHaveTextContent('Closed — Closed: the ticket counts as resolved; no revenue meaning.');

    await user.click(within(form).getByRole('button', { name: 'Set up HubSpot' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(/^Set up HubSpot: created property group baton, property baton_id, /);
    expect(within(form).getByText('Handoffs live on HubSpot tickets in your “Support Pipeline” pipeline, with its stages mapped to the four handoff states.')).toBeInTheDocument();
    // The scheduler's own runs set up without a choice (the setup in use); the screen always sends one.
    const sent = host.calls.filter((c) => c.channel === 'hubspot.provision').flatMap((c) => (c.request as { choice?: unknown }).choice ?? []);
    expect(sent).toEqual([
      { mode: 'create', recordType: 'tickets' },
      { mode: 'map', recordType: 'tickets', pipelineId: '0', stageIds: { IN_PROGRESS: '1', READY_FOR_HANDOFF: '2', IN_HANDOFF: '3', HANDOFF_DONE: '4' } },
    ]);
  });

  it('says where handoffs live after creating Baton’s own pipeline', async () => {
    const { user, form } = await setUp(false);
    await user.click(within(form).getByRole('button', { name: 'Set up HubSpot' }));
    expect(await within(form).findByRole('status')).toHaveTextContent(/^Set up HubSpot: created pipeline Handoffs, property group baton, property baton_id, /);
    expect(within(form).getByText('Handoffs live on HubSpot tickets in Baton’s own “Handoffs” pipeline.')).toBeInTheDocument();
  });

  it('on an existing deal pipeline, names the closed stages and what they mean, warns on a closed-won mapping, and never suggests one', async () => {
    const { user, form } = await setUp(false);
    await user.click(within(form).getByRole('radio', { name: 'HubSpot deals' }));
    await user.click(within(form).getByRole('radio', { name: /Use an existing pipeline/ }));
    expect(within(form).getByLabelText('Existing deal pipeline')).toHaveValue('default');
    // HubSpot's Sales Pipeline: the first four open stages are suggested in order, never a closed one.
    expect(within(form).getByLabelText('Stage for “In progress”')).toHaveValue('appointmentscheduled');
    expect(within(form).getByLabelText('Stage for “Handoff done”')).toHaveValue('decisionmakerboughtin');
    const note = within(form).getByRole('note');
    expect(note).toHaveTextContent('Closed Won — Closed won: HubSpot counts deals here as won revenue in win-rate, revenue and forecast reports.');
    expect(note).toHaveTextContent('Closed Lost — Closed lost');
    expect(within(within(form).getByLabelText('Stage for “Handoff done”')).getByRole('option', { name: 'Closed Won (closed won)' })).toBeInTheDocument();
    // A state the person left unmapped is named before anything is sent.
    await user.selectOptions(within(form).getByLabelText('Stage for “Handoff done”'), '');
    await user.click(within(form).getByRole('button', { name: 'Set up HubSpot' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Choose a stage for each of the four handoff states.');
    await user.selectOptions(within(form).getByLabelText('Stage for “Handoff done”'), 'closedwon');
    expect(within(form).getAllByRole('alert').some((a) => a.textContent?.includes('“Handoff done” is mapped to “Closed Won”: every handoff there would count'))).toBe(true);
  });
});
