import { screen, within } from '@testing-library/react';
import { LOCAL_USER_ID } from '../../../shared/domain/settings';
import { createHandoff, runCommand } from '../data/commands';
import { makeTemplate } from '../../../test/support/db-fixtures';
import { DashboardScreen } from './DashboardScreen';
import { renderOnDb, seededDb } from '../../../test/support/render-screen';
import type { BatonDb } from '../data/db';
import type { HandoffCommand } from '../../../shared/domain/command-schema';

const DAY_MS = 86_400_000;
// No criteria: every gate is open, so history is written through the real data layer.
const template = makeTemplate({ criteria: [] });
const owners = [
  { id: LOCAL_USER_ID, name: 'Me' },
  { id: 'maya', name: 'Maya Chen' },
  { id: 'sam', name: 'Sam Ortiz' },
];

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * DAY_MS);
}

async function step(db: BatonDb, id: string, command: HandoffCommand, actor: string, days: number): Promise<void> {
  const outcome = await runCommand(db, id, command, actor, daysAgo(days));
  if (!outcome.ok) throw new Error(outcome.error.message);
}

/** Two handoffs through the whole flow, one bounced once, all inside the last 4 weeks. */
async function historyDb(): Promise<BatonDb> {
  const db = await seededDb({ templates: [template], settings: { owners } });
  for (const [id, start] of [
    ['h-1', 10],
    ['h-2', 6],
  ] as const) {
    const created = await createHandoff(
      db,
      { id, title: id === 'h-1' ? 'Landing page' : 'Checkout', client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: template.id, sender: 'maya', receiver: 'sam' },
      'maya',
      daysAgo(start),
    );
    if (!created.ok) throw new Error(created.error.message);
  }
  await step(db, 'h-1', { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya', 9);
  await step(db, 'h-1', { type: 'move', to: 'IN_HANDOFF' }, 'maya', 8);
  await step(db, 'h-1', { type: 'accept' }, 'sam', 7);
  await step(db, 'h-2', { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya', 5);
  await step(db, 'h-2', { type: 'move', to: 'IN_HANDOFF' }, 'maya', 4);
  await step(db, 'h-2', { type: 'bounce', reason: 'Which payment providers?' }, 'sam', 3);
  await step(db, 'h-2', { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya', 2.5);
  await step(db, 'h-2', { type: 'move', to: 'IN_HANDOFF' }, 'maya', 2);
  await step(db, 'h-2', { type: 'accept' }, 'sam', 1);
  return db;
}

function figure(name: string): HTMLElement {
  return screen.getByRole('figure', { name });
}

function tableRows(container: HTMLElement): string[][] {
  const [, body] = within(within(container).getByRole('table')).getAllByRole('rowgroup');
  if (!body) throw new Error('no table body');
  return within(body)
    .getAllByRole('row')
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? ''));
}

describe('flow metrics on the dashboard', () => {
  it('computes completions, lead time and bounce rate from the recorded history', async () => {
    const { user } = renderOnDb(<DashboardScreen />, await historyDb());
    await screen.findByRole('figure', { name: 'Lead time per column' });

    // Each stay in In handoff lasted exactly a day: h-1 once, h-2 twice (bounced, then accepted).
    expect(within(figure('Lead time per column')).getByText(/^Median time in each column:/)).toHaveTextContent(
      'In handoff: 24 hours (90th percentile 24 hours, 3 stays).',
    );
    expect(within(figure('Bounce-back rate by template')).getByText(/^Bounces per handoff by template:/)).toHaveTextContent(
      'Bounces per handoff by template: Design → Development: 0.5 (1 bounce over 2 handoffs).',
    );
    expect(within(figure('Bounce-back rate by sender')).getByText(/^Bounces per handoff by sender:/)).toHaveTextContent('Maya Chen: 0.5');

    await user.click(within(figure('Completed per week')).getByRole('button', { name: 'View as table' }));
    const completed = tableRows(figure('Completed per week'));
    // The last 4 weeks touch 5 ISO weeks; the two acceptances are in them.
    expect(completed.length).toBeGreaterThanOrEqual(4);
    expect(completed.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(2);

    await user.click(within(figure('Lead time per column')).getByRole('button', { name: 'View as table' }));
    expect(tableRows(figure('Lead time per column'))).toContainEqual(['In handoff', '3', '24', '24']);
  });

  it('counts nothing from before the chosen custom period', async () => {
    const { user } = renderOnDb(<DashboardScreen />, await historyDb());
    await screen.findByRole('figure', { name: 'Lead time per column' });
    await user.selectOptions(screen.getByLabelText('Period'), 'custom');
    await user.type(screen.getByLabelText('From (first day)'), '2020-01-01');
    await user.type(screen.getByLabelText('To (last day)'), '2020-01-31');
    expect(await within(figure('Lead time per column')).findByText('No handoff left a column in this period.')).toBeInTheDocument();
    expect(within(figure('Bounce-back rate by template')).getByText('Nothing was handed over in this period.')).toBeInTheDocument();
  });
});
