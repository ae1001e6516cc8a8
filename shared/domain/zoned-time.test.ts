import { dateOfDayNumber, dayNumber, localDateOf, weekdayOfDayNumber, zonedDayTimeToEpoch, zonedTimeToEpoch } from './zoned-time';

describe('zoned time', () => {
  it('reads the local calendar date in a zone', () => {
    // 23:30Z on the 23rd is already the 24th in Berlin and still the 23rd in New York.
    expect(localDateOf(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 11, day: 24 });
    expect(localDateOf(Date.parse('2026-11-23T23:30:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 11, day: 23 });
  });

  it('turns a wall-clock time into an instant, across DST', () => {
    expect(new Date(zonedTimeToEpoch({ year: 2026, month: 1, day: 15 }, 9 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(new Date(zonedTimeToEpoch({ year: 2026, month: 7, day: 15 }, 9 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(new Date(zonedTimeToEpoch({ year: 2026, month: 3, day: 9 }, 9 * 60, 'America/New_York')).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // 02:30 does not exist in Berlin on 2026-03-29; it lands in the hour after the gap.
    const skipped = zonedTimeToEpoch({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, 'Europe/Berlin');
    expect(skipped).toBeGreaterThanOrEqual(Date.parse('2026-03-29T00:30:00Z'));
    expect(skipped).toBeLessThanOrEqual(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('day numbers and weekdays agree with Date, before and after 1970', () => {
    for (const iso of ['1969-12-31', '1970-01-01', '2026-11-24', '2026-03-08', '1900-03-01']) {
      const date = new Date(`${iso}T00:00:00Z`);
      const day = dayNumber({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
      expect(weekdayOfDayNumber(day)).toBe(date.getUTCDay());
      expect(dateOfDayNumber(day).weekday).toBe(date.getUTCDay());
    }
  });

  it('the memoised form gives the same instants', () => {
    const day = dayNumber({ year: 2026, month: 10, day: 25 });
    for (const minutes of [0, 150, 9 * 60, 17 * 60]) {
      const direct = zonedTimeToEpoch(dateOfDayNumber(day), minutes, 'Europe/Berlin');
      expect(zonedDayTimeToEpoch(day, minutes, 'Europe/Berlin')).toBe(direct);
      expect(zonedDayTimeToEpoch(day, minutes, 'Europe/Berlin')).toBe(direct);
    }
  });
});
