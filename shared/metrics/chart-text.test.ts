import { completedPerWeekSeries, describeForScreenReader, formatNumber, leadTimeSeries } from './chart-text';

describe('describeForScreenReader', () => {
  it('reads every point with its unit and note, in order', () => {
    expect(
      describeForScreenReader({
        title: 'Time',
        unit: 'hours',
        points: [
          { label: 'A', value: 1 },
          { label: 'B', value: 2.25, note: 'two stays' },
          { label: 'C', value: null },
        ],
      }),
    ).toBe('Time: A: 1 hour, B: 2.3 hours (two stays), C: no data.');
  });

  it('says when a chart has nothing to show', () => {
    expect(describeForScreenReader({ title: 'Handoffs completed per week', points: [] })).toBe('Handoffs completed per week: no data.');
  });
});

describe('chart series', () => {
  it('weeks read as "week of 3 Nov", with the year only when the weeks cross New Year', () => {
    const weeks = completedPerWeekSeries([
      { weekStart: '2026-11-02', isoWeek: '2026-W45', count: 4 },
      { weekStart: '2026-11-09', isoWeek: '2026-W46', count: 0 },
    ]);
    expect(describeForScreenReader(weeks)).toBe('Handoffs completed per week: week of 2 Nov: 4, week of 9 Nov: 0.');
    const newYear = completedPerWeekSeries([
      { weekStart: '2026-12-28', isoWeek: '2026-W53', count: 1 },
      { weekStart: '2027-01-04', isoWeek: '2027-W01', count: 2 },
    ]);
    expect(describeForScreenReader(newYear)).toBe('Handoffs completed per week: week of 28 Dec 2026: 1, week of 4 Jan 2027: 2.');
  });

  it('lead time reads median, p90 and how many stays, or that there were none', () => {
    expect(
      describeForScreenReader(
        leadTimeSeries([
          { state: 'IN_PROGRESS', count: 3, medianHours: 10, p90Hours: 12 },
          { state: 'READY_FOR_HANDOFF', count: 1, medianHours: 1, p90Hours: 1 },
          { state: 'IN_HANDOFF', count: 0, medianHours: null, p90Hours: null },
        ]),
      ),
    ).toBe(
      'Median time in each column: In progress: 10 hours (90th percentile 12 hours, 3 stays), Ready for handoff: 1 hour (90th percentile 1 hour, 1 stay), In handoff: no data (no handoffs left this column in the period).',
    );
  });

  it('formats numbers to one decimal without trailing zeros', () => {
    expect([formatNumber(12), formatNumber(12.04), formatNumber(0.25), formatNumber(-0.01), formatNumber(1 / 3)]).toEqual(['12', '12', '0.3', '0', '0.3']);
  });
});
