import { makeHandoff, historyOf } from '../domain/fixtures';
import { leadTimePerStage } from './lead-time';

const PERIOD = { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' };

// A: 6 h in progress, 18 h ready, 4 h in handoff, then accepted.
const a = makeHandoff({ id: 'a', createdAt: '2026-11-02T09:00:00Z' });
const aEvents = historyOf('a', '2026-11-02T09:00:00Z', [
  ['2026-11-02T15:00:00Z', 'READY_FOR_HANDOFF'],
  ['2026-11-03T09:00:00Z', 'IN_HANDOFF'],
  ['2026-11-03T13:00:00Z', 'HANDOFF_DONE'],
]);
// B: 10 h in progress, 2 h ready, 48 h in handoff, bounced, 12 h in progress again, still ready.
const b = makeHandoff({ id: 'b', createdAt: '2026-11-02T10:00:00Z' });
const bEvents = historyOf('b', '2026-11-02T10:00:00Z', [
  ['2026-11-02T20:00:00Z', 'READY_FOR_HANDOFF'],
  ['2026-11-02T22:00:00Z', 'IN_HANDOFF'],
  ['2026-11-04T22:00:00Z', 'IN_PROGRESS', 'bounced'],
  ['2026-11-05T10:00:00Z', 'READY_FOR_HANDOFF'],
]);
// C leaves IN_PROGRESS after the period ends: not a sample.
const c = makeHandoff({ id: 'c', createdAt: '2026-11-01T09:00:00Z' });
const cEvents = historyOf('c', '2026-11-01T09:00:00Z', [['2026-11-09T09:00:00Z', 'READY_FOR_HANDOFF']]);

const events = [...aEvents, ...bEvents, ...cEvents];

describe('leadTimePerStage', () => {
  it('gives nearest-rank median and p90 of wall-clock hours per column, one sample per stay', () => {
    expect(leadTimePerStage(events, [a, b, c], PERIOD)).toEqual([
      // samples 6, 10, 12: median rank 2 → 10, p90 rank 3 → 12
      { state: 'IN_PROGRESS', count: 3, medianHours: 10, p90Hours: 12 },
      // samples 2, 18: median rank 1 → 2, p90 rank 2 → 18
      { state: 'READY_FOR_HANDOFF', count: 2, medianHours: 2, p90Hours: 18 },
      // samples 4, 48
      { state: 'IN_HANDOFF', count: 2, medianHours: 4, p90Hours: 48 },
    ]);
  });

  it('only counts the handoffs it is given, so filters apply', () => {
    expect(leadTimePerStage(events, [a], PERIOD)).toEqual([
      { state: 'IN_PROGRESS', count: 1, medianHours: 6, p90Hours: 6 },
      { state: 'READY_FOR_HANDOFF', count: 1, medianHours: 18, p90Hours: 18 },
      { state: 'IN_HANDOFF', count: 1, medianHours: 4, p90Hours: 4 },
    ]);
  });

  it('counts a stay by when it ended, even if it started before the period', () => {
    expect(leadTimePerStage(events, [c], { from: '2026-11-09T00:00:00Z', to: '2026-11-16T00:00:00Z' })[0]).toEqual({
      state: 'IN_PROGRESS',
      count: 1,
      medianHours: 192,
      p90Hours: 192,
    });
  });

  it('reports every column with no data for an empty period', () => {
    expect(leadTimePerStage(events, [a, b, c], { from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' })).toEqual([
      { state: 'IN_PROGRESS', count: 0, medianHours: null, p90Hours: null },
      { state: 'READY_FOR_HANDOFF', count: 0, medianHours: null, p90Hours: null },
      { state: 'IN_HANDOFF', count: 0, medianHours: null, p90Hours: null },
    ]);
  });

  it('p90 over ten stays is the 9th shortest', () => {
    const handoffs = Array.from({ length: 10 }, (_, index) => makeHandoff({ id: `h${index + 1}`, createdAt: '2026-11-02T00:00:00Z' }));
    // h1 … h10 spend 1 … 10 hours in progress.
    const tenEvents = handoffs.flatMap((handoff, index) =>
      historyOf(handoff.id, '2026-11-02T00:00:00Z', [[`2026-11-02T${String(index + 1).padStart(2, '0')}:00:00Z`, 'READY_FOR_HANDOFF']]),
    );
    expect(leadTimePerStage(tenEvents, handoffs, PERIOD)[0]).toEqual({ state: 'IN_PROGRESS', count: 10, medianHours: 5, p90Hours: 9 });
  });

  it('skips a stay whose start history does not record', () => {
    const lone = historyOf('d', '2026-11-02T00:00:00Z', [['2026-11-02T05:00:00Z', 'READY_FOR_HANDOFF']]).slice(1);
    expect(leadTimePerStage(lone, [makeHandoff({ id: 'd', createdAt: '2026-11-02T01:00:00Z' })], PERIOD)[0]).toEqual({
      state: 'IN_PROGRESS',
      count: 1,
      medianHours: 4,
      p90Hours: 4,
    });
    const noCreatedAtKnown = leadTimePerStage(lone, [makeHandoff({ id: 'd', createdAt: '2026-11-03T00:00:00Z' })], PERIOD);
    expect(noCreatedAtKnown[0]).toEqual({ state: 'IN_PROGRESS', count: 0, medianHours: null, p90Hours: null });
  });
});
