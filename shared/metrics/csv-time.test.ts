import { csvTimeHeader, formatCsvTime } from './csv-time';

describe('formatCsvTime', () => {
  it('writes the wall-clock time of the workspace zone, not UTC', () => {
    // 09:30 UTC on 9 Dec 2026 is 10:30 in Berlin (CET, UTC+1).
    expect(formatCsvTime('2026-12-09T09:30:00.000Z', 'Europe/Berlin')).toBe('2026-12-09 10:30');
    expect(formatCsvTime('2026-12-09T09:30:00.000Z', 'America/New_York')).toBe('2026-12-09 04:30');
  });

  it('follows daylight saving and rolls the date over at local midnight', () => {
    // Summer: Berlin is UTC+2.
    expect(formatCsvTime('2026-07-01T22:15:00.000Z', 'Europe/Berlin')).toBe('2026-07-02 00:15');
    expect(formatCsvTime(new Date(Date.UTC(2026, 0, 1, 0, 5)), 'UTC')).toBe('2026-01-01 00:05');
  });

  it('names the zone in the header', () => {
    expect(csvTimeHeader('Raised at', 'Europe/Berlin')).toBe('Raised at (Europe/Berlin time)');
  });
});
