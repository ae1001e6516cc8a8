import { historyOf, stateEvent } from '../domain/fixtures';
import { completedPerWeek, isoWeekOf } from './completed-per-week';

function acceptedAt(id: string, at: string) {
  return historyOf(id, '2026-10-01T09:00:00Z', [['2026-10-01T10:00:00Z', 'IN_HANDOFF'], [at, 'HANDOFF_DONE']]);
}

describe('completedPerWeek', () => {
  it('counts acceptances per Monday-start week, empty weeks included', () => {
    const events = [...acceptedAt('a', '2026-11-03T13:00:00Z'), ...acceptedAt('b', '2026-11-05T10:00:00Z'), ...acceptedAt('c', '2026-11-17T08:00:00Z')];
    expect(completedPerWeek(events, { from: '2026-11-02T00:00:00Z', to: '2026-11-23T00:00:00Z' }, 'UTC')).toEqual([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 2 },
      { weekStart: '2026-11-09', isoWeek: '2026-W46', count: 0 },
      { weekStart: '2026-11-16', isoWeek: '2026-W47', count: 1 },
    ]);
  });

  it('places an acceptance in the week of its local date in the workspace zone', () => {
    // 23:30 UTC on Sunday 8 Nov is 00:30 on Monday 9 Nov in Berlin (UTC+1).
    const events = acceptedAt('a', '2026-11-08T23:30:00Z');
    const period = { from: '2026-11-02T00:00:00Z', to: '2026-11-16T00:00:00Z' };
    expect(completedPerWeek(events, period, 'UTC')).toEqual([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 1 },
      { weekStart: '2026-11-09', isoWeek: '2026-W46', count: 0 },
    ]);
    // In Berlin the period runs from Mon 2 Nov 01:00 to Mon 16 Nov 01:00, so it touches three weeks.
    expect(completedPerWeek(events, period, 'Europe/Berlin')).toEqual([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 0 },
      { weekStart: '2026-11-09', isoWeek: '2026-W46', count: 1 },
      { weekStart: '2026-11-16', isoWeek: '2026-W47', count: 0 },
    ]);
  });

  it('uses the zone’s offset after a DST change (New York is UTC−5 from 1 Nov 2026)', () => {
    // 04:30 UTC on Monday 9 Nov is 23:30 on Sunday 8 Nov in New York.
    const events = acceptedAt('a', '2026-11-09T04:30:00Z');
    expect(completedPerWeek(events, { from: '2026-11-02T05:00:00Z', to: '2026-11-16T05:00:00Z' }, 'America/New_York')).toEqual([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 1 },
      { weekStart: '2026-11-09', isoWeek: '2026-W46', count: 0 },
    ]);
  });

  it('names ISO weeks by the year of their Thursday across New Year', () => {
    expect(completedPerWeek([], { from: '2026-12-28T00:00:00Z', to: '2027-01-11T00:00:00Z' }, 'UTC')).toEqual([
      { weekStart: '2026-12-28', isoWeek: '2026-W53', count: 0 },
      { weekStart: '2027-01-04', isoWeek: '2027-W01', count: 0 },
    ]);
    // Monday 29 Dec 2025 is in week 1 of 2026.
    expect(isoWeekOf(Date.UTC(2025, 11, 29) / 86_400_000)).toBe('2026-W01');
  });

  it('a period inside one week is one bucket, and acceptances outside the period do not count', () => {
    const events = [...acceptedAt('a', '2026-11-02T10:00:00Z'), ...acceptedAt('b', '2026-11-04T10:00:00Z')];
    expect(completedPerWeek(events, { from: '2026-11-04T00:00:00Z', to: '2026-11-05T00:00:00Z' }, 'UTC')).toEqual([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 1 },
    ]);
  });

  it('counts each acceptance of a reopened card, and none that were undone', () => {
    const reopened = [
      ...acceptedAt('a', '2026-11-03T10:00:00Z'),
      stateEvent('a', '2026-11-03T11:00:00Z', 'HANDOFF_DONE', 'IN_PROGRESS', 'transition'),
      stateEvent('a', '2026-11-04T11:00:00Z', 'IN_PROGRESS', 'HANDOFF_DONE', 'accepted'),
    ];
    const undone = [...acceptedAt('b', '2026-11-03T10:00:00Z'), stateEvent('b', '2026-11-03T10:01:00Z', 'HANDOFF_DONE', 'IN_HANDOFF', 'undo')];
    expect(completedPerWeek([...reopened, ...undone], { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' }, 'UTC')).toEqual([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 2 },
    ]);
  });

  it('refuses an unknown time zone with a clear message', () => {
    expect(() => completedPerWeek([], { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' }, 'Mars/Olympus')).toThrow(
      'Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Berlin or America/New_York',
    );
  });
});
