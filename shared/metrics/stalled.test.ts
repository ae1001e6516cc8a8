import { DEFAULT_SETTINGS } from '../domain/settings';
import type { WorkspaceSettings } from '../domain/settings';
import { templateKey } from '../domain/template';
import { FIXTURE_NOW, makeCompleteHandoff, makeHandoff, makeTemplate } from '../domain/fixtures';
import { stalledHandoffs } from './stalled';
import { describeStalled } from './chart-text';

// Working hours Mon–Fri 09:00–17:00 UTC; SLA 40 / 8 / 16 h; warning at 80 %. Now is Tue 24 Nov 10:00 UTC.
const SETTINGS: WorkspaceSettings = {
  ...DEFAULT_SETTINGS,
  owners: [
    { id: 'sam', name: 'Sam Sender' },
    { id: 'dana', name: 'Dana Receiver' },
  ],
};
const fixture = makeTemplate();
const strict = makeTemplate({ id: 'strict', name: 'Strict', sla: { IN_HANDOFF: 8 } });
const TEMPLATES = new Map([
  [templateKey(fixture.id, fixture.version), fixture],
  [templateKey(strict.id, strict.version), strict],
]);

// Mon 16 Nov 09:00 → now: 5 × 8 + 1 = 49 working hours in progress (limit 40, 9 over).
const h3 = makeHandoff({ id: 'h3', title: 'Checkout flow', client: { name: 'Beta', hubspotCompanyId: null, hubspotDealId: null }, sender: 'sam', stateEnteredAt: '2026-11-16T09:00:00Z' });
// Mon 23 Nov 09:00 → now: 9 h ready (limit 8, 1 over, 112.5 % used).
const h2 = makeHandoff({ id: 'h2', title: 'Brand guide', state: 'READY_FOR_HANDOFF', sender: 'sam', stateEnteredAt: '2026-11-23T09:00:00Z' });
// Fri 20 Nov 09:00 → now: 17 h in handoff (limit 16, 1 over, 106.25 % used).
const h1 = makeHandoff({ id: 'h1', title: 'Homepage redesign', state: 'IN_HANDOFF', receiver: 'dana', stateEnteredAt: '2026-11-20T09:00:00Z' });
// Same lateness as h1, template version not loaded, no receiver; sorts before h1 by title.
const h8 = makeHandoff({ id: 'h8', title: 'Analytics setup', state: 'IN_HANDOFF', templateVersion: 9, stateEnteredAt: '2026-11-20T09:00:00Z' });
// Mon 23 Nov 11:00 → now: 7 of 8 h (template override): a warning, nothing missing.
const h4 = makeCompleteHandoff({ id: 'h4', title: 'Launch emails', state: 'IN_HANDOFF', templateId: 'strict', receiver: 'dana', stateEnteredAt: '2026-11-23T11:00:00Z' });
const fresh = makeHandoff({ id: 'fresh', stateEnteredAt: '2026-11-24T09:00:00Z' });
const archived = makeHandoff({ id: 'archived', stateEnteredAt: '2026-11-02T09:00:00Z', archivedAt: '2026-11-23T09:00:00Z' });
const done = makeHandoff({ id: 'done', state: 'HANDOFF_DONE', stateEnteredAt: '2026-11-02T09:00:00Z' });

const ALL = [h1, h2, h3, h4, h8, fresh, archived, done];

describe('stalledHandoffs', () => {
  const rows = stalledHandoffs(ALL, TEMPLATES, SETTINGS, FIXTURE_NOW);

  it('lists open cards at or past their warning, most late first, ties by share of the limit, then title', () => {
    expect(rows.map((row) => [row.handoffId, row.status, row.elapsedHours, row.limitHours, row.lateByHours])).toEqual([
      ['h3', 'breached', 49, 40, 9],
      ['h2', 'breached', 9, 8, 1],
      ['h8', 'breached', 17, 16, 1],
      ['h1', 'breached', 17, 16, 1],
      ['h4', 'warning', 7, 8, 0],
    ]);
  });

  it('names who holds each card: the sender before the handoff, the receiver during it', () => {
    expect(rows.map((row) => [row.handoffId, row.state, row.holder, row.holderName])).toEqual([
      ['h3', 'IN_PROGRESS', 'sam', 'Sam Sender'],
      ['h2', 'READY_FOR_HANDOFF', 'sam', 'Sam Sender'],
      ['h8', 'IN_HANDOFF', null, 'Unassigned'],
      ['h1', 'IN_HANDOFF', 'dana', 'Dana Receiver'],
      ['h4', 'IN_HANDOFF', 'dana', 'Dana Receiver'],
    ]);
  });

  it('says what the next gate is missing, with the gate’s own reasons', () => {
    const byId = new Map(rows.map((row) => [row.handoffId, row]));
    expect(byId.get('h1')).toMatchObject({
      title: 'Homepage redesign',
      client: 'Acme',
      missing: [{ criterionId: 'lead_approval', gate: 'ACCEPT', kind: 'approval', label: 'Accepted by the dev lead', reason: 'Not yet approved by the Dev lead' }],
      missingSummary: 'Accepted by the dev lead',
      templateFound: true,
    });
    expect(byId.get('h2')?.missingSummary).toBe('Receiver assigned, Next action scheduled, Client notified');
    expect(byId.get('h3')?.missingSummary).toBe('Brief written, Assets uploaded, Design approved by client');
    expect(byId.get('h4')?.missingSummary).toBe('Nothing missing; waiting for Dana Receiver to accept');
    expect(byId.get('h8')).toMatchObject({ missing: [], missingSummary: "Unknown: this handoff's template version is not loaded", templateFound: false });
  });

  it('has nothing to say about no handoffs or only healthy ones', () => {
    expect(stalledHandoffs([], TEMPLATES, SETTINGS, FIXTURE_NOW)).toEqual([]);
    expect(stalledHandoffs([fresh, archived, done], TEMPLATES, SETTINGS, FIXTURE_NOW)).toEqual([]);
  });

  it('a single card is a single row', () => {
    expect(stalledHandoffs([h4], TEMPLATES, SETTINGS, FIXTURE_NOW).map((row) => row.handoffId)).toEqual(['h4']);
  });

  it('reads as the three most late, who holds them and what is missing', () => {
    expect(describeStalled(rows)).toBe(
      '5 handoffs are late or close to the limit, 4 past it. Most late: ' +
        '1. "Checkout flow" for Beta, In progress, held by Sam Sender, 9 working hours over the 40-hour limit; missing: Brief written, Assets uploaded, Design approved by client. ' +
        '2. "Brand guide" for Acme, Ready for handoff, held by Sam Sender, 1 working hour over the 8-hour limit; missing: Receiver assigned, Next action scheduled, Client notified. ' +
        '3. "Analytics setup" for Acme, In handoff, no one assigned, 1 working hour over the 16-hour limit; missing: Unknown: this handoff\'s template version is not loaded.',
    );
    expect(describeStalled(rows.slice(4))).toBe(
      '1 handoff is late or close to the limit, 0 past it. Most late: 1. "Launch emails" for Acme, In handoff, held by Dana Receiver, 7 of 8 working hours used; missing: Nothing missing; waiting for Dana Receiver to accept.',
    );
    expect(describeStalled([])).toBe('No handoffs are late or close to their limit.');
  });
});
