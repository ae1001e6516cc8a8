import { makeHandoff, makeTemplate, historyOf, stateEvent } from '../domain/fixtures';
import { bounceRate } from './bounce-rate';
import { bounceRateSeries, describeForScreenReader } from './chart-text';

const PERIOD = { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' };

const a = makeHandoff({ id: 'a', templateId: 't1', sender: 's1' });
const b = makeHandoff({ id: 'b', templateId: 't1', sender: 's2' });
const c = makeHandoff({ id: 'c', templateId: 't2', sender: 's1' });
const d = makeHandoff({ id: 'd', templateId: 't2', sender: 's2' });
const e = makeHandoff({ id: 'e', templateId: 't2', sender: null });
const handoffs = [a, b, c, d, e];

const events = [
  // a: handed over twice, bounced twice.
  ...historyOf('a', '2026-11-02T09:00:00Z', [
    ['2026-11-02T10:00:00Z', 'READY_FOR_HANDOFF'],
    ['2026-11-02T11:00:00Z', 'IN_HANDOFF'],
    ['2026-11-02T12:00:00Z', 'IN_PROGRESS', 'bounced'],
    ['2026-11-02T13:00:00Z', 'READY_FOR_HANDOFF'],
    ['2026-11-02T14:00:00Z', 'IN_HANDOFF'],
    ['2026-11-02T15:00:00Z', 'IN_PROGRESS', 'bounced'],
  ]),
  // b: handed over and accepted.
  ...historyOf('b', '2026-11-02T09:00:00Z', [
    ['2026-11-03T09:00:00Z', 'IN_HANDOFF'],
    ['2026-11-03T10:00:00Z', 'HANDOFF_DONE'],
  ]),
  // c: one bounce in the period, one after it.
  ...historyOf('c', '2026-11-02T09:00:00Z', [
    ['2026-11-04T09:00:00Z', 'IN_HANDOFF'],
    ['2026-11-05T09:00:00Z', 'IN_PROGRESS', 'bounced'],
    ['2026-11-09T09:00:00Z', 'IN_HANDOFF'],
    ['2026-11-10T09:00:00Z', 'IN_PROGRESS', 'bounced'],
  ]),
  // d: handed over before the period, bounced in it: not in this period's group.
  ...historyOf('d', '2026-10-19T09:00:00Z', [
    ['2026-10-20T09:00:00Z', 'IN_HANDOFF'],
    ['2026-11-03T09:00:00Z', 'IN_PROGRESS', 'bounced'],
  ]),
  // e: bounced from READY_FOR_HANDOFF, never handed over.
  ...historyOf('e', '2026-11-02T09:00:00Z', [
    ['2026-11-04T09:00:00Z', 'READY_FOR_HANDOFF'],
    ['2026-11-05T09:00:00Z', 'IN_PROGRESS', 'bounced'],
  ]),
];

describe('bounceRate', () => {
  it('by template: bounces per handoff that entered IN_HANDOFF in the period; ties on rate by bounces', () => {
    const templates = [makeTemplate({ id: 't1', version: 1, name: 'Old name' }), makeTemplate({ id: 't1', version: 2, name: 'Design → Dev' })];
    expect(bounceRate(handoffs, events, PERIOD, 'template', { templates })).toEqual([
      { key: 't1', label: 'Design → Dev', handoffs: 2, bounces: 2, rate: 1 },
      { key: 't2', label: 'Template not loaded', handoffs: 1, bounces: 1, rate: 1 },
    ]);
  });

  it('by sender, named from the owner directory', () => {
    expect(bounceRate(handoffs, events, PERIOD, 'sender', { owners: [{ id: 's1', name: 'Sam' }] })).toEqual([
      { key: 's1', label: 'Sam', handoffs: 2, bounces: 3, rate: 1.5 },
      { key: 's2', label: 'Someone not in People', handoffs: 1, bounces: 0, rate: 0 },
    ]);
  });

  it('only counts the handoffs it is given', () => {
    expect(bounceRate([c], events, PERIOD, 'template')).toEqual([{ key: 't2', label: 'Template not loaded', handoffs: 1, bounces: 1, rate: 1 }]);
  });

  it('a bounce taken back by undo is not a bounce', () => {
    const f = makeHandoff({ id: 'f', templateId: 't1', sender: 's1' });
    const fEvents = [
      ...historyOf('f', '2026-11-02T09:00:00Z', [
        ['2026-11-02T10:00:00Z', 'IN_HANDOFF'],
        ['2026-11-02T11:00:00Z', 'IN_PROGRESS', 'bounced'],
      ]),
      stateEvent('f', '2026-11-02T11:01:00Z', 'IN_PROGRESS', 'IN_HANDOFF', 'undo'),
    ];
    expect(bounceRate([f], fEvents, PERIOD, 'template')).toEqual([{ key: 't1', label: 'Template not loaded', handoffs: 1, bounces: 0, rate: 0 }]);
  });

  it('is empty for a period with no handovers', () => {
    expect(bounceRate(handoffs, events, { from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' }, 'template')).toEqual([]);
  });

  it('reads as text', () => {
    const rows = bounceRate(handoffs, events, PERIOD, 'sender', { owners: [{ id: 's1', name: 'Sam' }] });
    expect(describeForScreenReader(bounceRateSeries(rows, 'sender'))).toBe(
      'Bounces per handoff by sender: Sam: 1.5 (3 bounces over 2 handoffs), Someone not in People: 0 (0 bounces over 1 handoff).',
    );
  });
});
