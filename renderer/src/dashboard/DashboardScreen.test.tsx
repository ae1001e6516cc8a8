import { screen, waitFor, within } from '@testing-library/react';
import { LOCAL_USER_ID } from '../../../shared/domain/settings';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { useUi } from '../store/ui-store';
import { DashboardScreen } from './DashboardScreen';
import { UTF8_BOM } from './csv-download';
import { hoursAgo, renderWithDb } from '../../../test/support/render-screen';

// Every hour is a working hour, so the test reads the same on any weekday.
const ALWAYS_WORKING = { timeZone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59' };
const owners = [
  { id: LOCAL_USER_ID, name: 'Me' },
  { id: 'maya', name: 'Maya Chen' },
  { id: 'sam', name: 'Sam Ortiz' },
];
const template = makeTemplate({
  criteria: [
    { id: 'designs_final', label: 'Designs final', gate: 'READY', kind: 'checklist' },
    { id: 'receiver', label: 'Receiver assigned', gate: 'HAND_OVER', kind: 'receiver_assigned' },
  ],
});
const acme = { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null };
const bloom = { name: 'Bloom & Co', hubspotCompanyId: null, hubspotDealId: null };

function seed() {
  return {
    templates: [template],
    settings: { owners, workingHours: ALWAYS_WORKING },
    handoffs: [
      // IN_PROGRESS limit is 40 working hours: 100 h in = 60 h late.
      makeHandoff({ id: 'h-b', title: 'Checkout redesign', client: acme, sender: 'sam', stateEnteredAt: hoursAgo(100), createdAt: hoursAgo(100) }),
      makeHandoff({ id: 'h-a', title: 'Spring sale landing page', client: acme, sender: 'maya', stateEnteredAt: hoursAgo(300), createdAt: hoursAgo(300) }),
      // IN_HANDOFF limit is 16 h: 90 h in = 74 h late, held by the receiver.
      makeHandoff({
        id: 'h-c',
        title: 'Catalogue import',
        client: bloom,
        sender: 'maya',
        receiver: 'sam',
        state: 'IN_HANDOFF',
        criteria: { designs_final: { met: true, by: 'maya', at: hoursAgo(95) } },
        stateEnteredAt: hoursAgo(90),
        createdAt: hoursAgo(120),
      }),
      makeHandoff({ id: 'h-d', title: 'Newsletter banner', client: bloom, sender: null, stateEnteredAt: hoursAgo(60), createdAt: hoursAgo(60) }),
      // Within its limit: not stalled.
      makeHandoff({ id: 'h-fresh', title: 'Fresh work', client: acme, sender: 'maya', stateEnteredAt: hoursAgo(2), createdAt: hoursAgo(2) }),
      makeHandoff({
        id: 'h-ex',
        title: 'Broken sync card',
        client: acme,
        sender: 'maya',
        stateEnteredAt: hoursAgo(1),
        createdAt: hoursAgo(1),
        exceptions: [
          { id: 'ex-1', kind: 'SYNC_FAILED', message: 'HubSpot refused the deal update (400)', raisedAt: hoursAgo(1), resolvedAt: null, resolvedBy: null, resolution: null },
        ],
      }),
    ],
  };
}

function stalledSection(): HTMLElement {
  const section = screen.getByRole('heading', { name: 'Stalled handoffs', level: 2 }).closest('section');
  if (!section) throw new Error('no stalled section');
  return section;
}

function bodyRows(table: HTMLElement): HTMLElement[] {
  const [, body] = within(table).getAllByRole('rowgroup');
  if (!body) throw new Error('no table body');
  return within(body).getAllByRole('row');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('dashboard', () => {
  it('lists stalled handoffs most late first, with who holds them and what is missing', async () => {
    await renderWithDb(<DashboardScreen />, seed());
    await screen.findByText('Spring sale landing page');
    const rows = bodyRows(within(stalledSection()).getByRole('table'));
    expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual([
      'Spring sale landing page',
      'Catalogue import',
      'Checkout redesign',
      'Newsletter banner',
    ]);
    const [first, second, third, fourth] = rows;
    if (!first || !second || !third || !fourth) throw new Error('missing rows');
    expect(within(first).getByText('Maya Chen')).toBeInTheDocument();
    expect(within(first).getByText('Designs final')).toBeInTheDocument();
    expect(within(second).getByText('Sam Ortiz')).toBeInTheDocument();
    expect(within(second).getByText('In handoff')).toBeInTheDocument();
    expect(within(second).getByText('Nothing missing; waiting for Sam Ortiz to accept')).toBeInTheDocument();
    expect(within(third).getByText('Sam Ortiz')).toBeInTheDocument();
    expect(within(fourth).getByText('Unassigned')).toBeInTheDocument();
    // The headline names the top three without opening a card.
    const summary = screen.getByTestId('stalled-summary').textContent ?? '';
    expect(summary).toMatch(/^4 handoffs are late or close to the limit, 4 past it\./);
    expect(summary).toContain('1. "Spring sale landing page" for Acme Co, In progress, held by Maya Chen');
    expect(summary).toContain('2. "Catalogue import" for Bloom & Co, In handoff, held by Sam Ortiz');
    expect(summary).toContain('3. "Checkout redesign" for Acme Co, In progress, held by Sam Ortiz');
    expect(summary).not.toContain('Fresh work');
  });

  it('opens the card drawer from a stalled row', async () => {
    const { user } = await renderWithDb(<DashboardScreen />, seed());
    await user.click(await within(await screen.findByRole('table', { name: /Stalled handoffs/ })).findByRole('button', { name: 'Catalogue import' }));
    expect(useUi.getState().drawer).toEqual({ handoffId: 'h-c' });
  });

  it('resolves an exception only with a note, and records it in history', async () => {
    const { user, db } = await renderWithDb(<DashboardScreen />, seed());
    await user.click(await screen.findByRole('button', { name: 'Resolve sync failed on Broken sync card' }));
    const dialog = screen.getByRole('dialog', { name: 'Resolve exception on “Broken sync card”' });
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Write how it was resolved');
    expect((await db.handoffs.get('h-ex'))?.exceptions[0]?.resolvedAt).toBeNull();

    await user.type(within(dialog).getByLabelText('Resolution note (required)'), 'Re-ran the sync after fixing the deal stage');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const stored = await db.handoffs.get('h-ex');
    expect(stored?.exceptions[0]).toMatchObject({ resolvedBy: LOCAL_USER_ID, resolution: 'Re-ran the sync after fixing the deal stage' });
    expect(stored?.exceptions[0]?.resolvedAt).not.toBeNull();
    const events = await db.events.where('handoffId').equals('h-ex').toArray();
    expect(events.map((event) => event.kind)).toContain('exception_resolved');
    expect(await screen.findByText('No open exceptions.')).toBeInTheDocument();
  });

  it('filters every section by client and owner', async () => {
    const { user } = await renderWithDb(<DashboardScreen />, seed());
    await screen.findByText('Spring sale landing page');
    await user.selectOptions(screen.getByLabelText('Client'), 'Bloom & Co');
    await waitFor(() => expect(within(stalledSection()).queryByText('Spring sale landing page')).not.toBeInTheDocument());
    expect(bodyRows(within(stalledSection()).getByRole('table')).map((row) => within(row).getByRole('button').textContent)).toEqual([
      'Catalogue import',
      'Newsletter banner',
    ]);
    expect(screen.getByText('No open exceptions.')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Client'), '');
    await user.selectOptions(screen.getByLabelText('Owner'), 'sam');
    await waitFor(() =>
      expect(bodyRows(within(stalledSection()).getByRole('table')).map((row) => within(row).getByRole('button').textContent)).toEqual([
        'Catalogue import',
        'Checkout redesign',
      ]),
    );
  });

  it('refuses a custom period that ends before it starts, naming the problem', async () => {
    const { user } = await renderWithDb(<DashboardScreen />, seed());
    await screen.findByText('Spring sale landing page');
    await user.selectOptions(screen.getByLabelText('Period'), 'custom');
    expect(screen.getByRole('alert')).toHaveTextContent('Pick the first day of the period');
    await user.type(screen.getByLabelText('From (first day)'), '2026-11-20');
    await user.type(screen.getByLabelText('To (last day)'), '2026-11-10');
    expect(screen.getByRole('alert')).toHaveTextContent('The last day must be on or after the first day');
    expect(screen.getByLabelText('To (last day)')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(screen.getByLabelText('To (last day)'));
    await user.type(screen.getByLabelText('To (last day)'), '2026-11-30');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('exports the stalled table as a UTF-8 CSV with a BOM, in the order shown', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:baton-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const { user } = await renderWithDb(<DashboardScreen />, seed());
    await screen.findByText('Spring sale landing page');
    await user.click(screen.getByRole('button', { name: 'Export Stalled handoffs as CSV' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toMatch(/^baton-stalled-handoffs-\d{4}-\d{2}-\d{2}\.csv$/);
    const [blob] = blobs;
    if (!blob) throw new Error('no CSV blob');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Rank,Handoff,Client,Column,Held by,Status,Working hours in column,SLA (working hours),Late by (working hours),Missing');
    expect(lines[1]).toMatch(/^1,Spring sale landing page,Acme Co,In progress,Maya Chen,Past SLA,\d+(\.\d)?,40,\d+(\.\d)?,Designs final$/);
    expect(lines[2]).toMatch(/^2,Catalogue import,Bloom & Co,In handoff,Sam Ortiz,Past SLA,/);
    expect(lines).toHaveLength(6); // header, four rows, and the empty string after the final CRLF
  });

  it('exports the exceptions with the kind in words and the time local to the workspace, its zone in the header', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob);
      return 'blob:baton-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const base = seed();
    const berlin = {
      ...base,
      settings: { owners, workingHours: { ...ALWAYS_WORKING, timeZone: 'Europe/Berlin' } },
      handoffs: [
        makeHandoff({
          id: 'h-ex',
          title: 'Broken sync card',
          client: acme,
          sender: 'maya',
          stateEnteredAt: hoursAgo(1),
          createdAt: hoursAgo(1),
          exceptions: [
            // 09:30 UTC is 10:30 in Berlin in December.
            { id: 'ex-1', kind: 'SYNC_FAILED', message: 'HubSpot refused the deal update (400)', raisedAt: '2026-12-09T09:30:00.000Z', resolvedAt: null, resolvedBy: null, resolution: null },
            { id: 'ex-2', kind: 'GATE_BYPASSED', message: '=moved in HubSpot', raisedAt: '2026-12-08T23:30:00.000Z', resolvedAt: null, resolvedBy: null, resolution: null },
            { id: 'ex-3', kind: 'SLA_BREACHED', message: 'In progress for 50 working hours', raisedAt: '2026-12-09T08:00:00.000Z', resolvedAt: null, resolvedBy: null, resolution: null },
          ],
        }),
      ],
    };
    const { user } = await renderWithDb(<DashboardScreen />, berlin);
    await screen.findByText('HubSpot refused the deal update (400)');
    await user.click(screen.getByRole('button', { name: 'Export Exceptions as CSV' }));
    const [blob] = blobs;
    if (!blob) throw new Error('no CSV blob');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
    expect(text.slice(1).split('\r\n')).toEqual([
      'Kind,Handoff,Message,Raised at (Europe/Berlin time)',
      // Equal counts keep EXCEPTION_KINDS order; a message typed as a formula stays neutralised.
      "Gate bypassed,Broken sync card,'=moved in HubSpot,2026-12-09 00:30",
      'Sync failed,Broken sync card,HubSpot refused the deal update (400),2026-12-09 10:30',
      'SLA breached,Broken sync card,In progress for 50 working hours,2026-12-09 09:00',
      '',
    ]);
    // Read aloud, a kind is lower-cased inside the sentence but an acronym stays one.
    expect(screen.getByRole('button', { name: 'Resolve gate bypassed on Broken sync card' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resolve SLA breached on Broken sync card' })).toBeInTheDocument();
  });

  it('shows each flow chart with a text equivalent and as a table on request', async () => {
    const { user } = await renderWithDb(<DashboardScreen />, seed());
    await screen.findByText('Spring sale landing page');
    const load = screen.getByRole('figure', { name: 'Load per receiver' });
    expect(within(load).getByText(/^Open handoffs per receiver: Unassigned: 5 \(5 in progress/)).toBeInTheDocument();
    await user.click(within(load).getByRole('button', { name: 'View as table' }));
    const table = within(load).getByRole('table');
    const rows = bodyRows(table);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Unassigned', '5', '0', '0', '5'],
      ['Sam Ortiz', '0', '0', '1', '1'],
    ]);
  });

  it('draws the 50 most late rows first and the rest on request, while the CSV has them all', async () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      makeHandoff({ id: `h-${index}`, title: `Card ${index}`, rank: index, sender: 'maya', stateEnteredAt: hoursAgo(100 + index), createdAt: hoursAgo(200) }),
    );
    const { user } = await renderWithDb(<DashboardScreen />, { templates: [template], settings: { owners, workingHours: ALWAYS_WORKING }, handoffs: many });
    const table = await screen.findByRole('table', { name: /Stalled handoffs/ });
    expect(bodyRows(table)).toHaveLength(50);
    // Most late first: the card that has waited longest leads.
    expect(within(bodyRows(table)[0] ?? table).getByRole('button').textContent).toBe('Card 59');
    await user.click(screen.getByRole('button', { name: 'Show all 60 stalled handoffs' }));
    expect(bodyRows(table)).toHaveLength(60);
  });
});
