import fc from 'fast-check';
import { workingHoursBetween } from './sla';
import type { WorkingHours } from './settings';

const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland'];
const instant = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') });
const workingHoursArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 0, max: 22 }),
    length: fc.integer({ min: 1, max: 23 }),
  })
  .map(({ timeZone, days, start, length }) => {
    const end = Math.min(23, start + length);
    const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
    return { timeZone, days, start: pad(start), end: end > start ? pad(end) : '23:59' };
  });

describe('workingHoursBetween properties', () => {
  it('is additive over adjacent intervals and bounded by elapsed time', () => {
    fc.assert(
      fc.property(workingHoursArb, instant, fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.integer({ min: 0, max: 30 * 24 * 60 }), (hours, a, gap1, gap2) => {
        const b = a + gap1 * 60_000;
        const c = b + gap2 * 60_000;
        const whole = workingHoursBetween(new Date(a), new Date(c), hours);
        const parts = workingHoursBetween(new Date(a), new Date(b), hours) + workingHoursBetween(new Date(b), new Date(c), hours);
        expect(whole).toBeCloseTo(parts, 6);
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual((c - a) / 3_600_000 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('a full week counts each working day once (give or take an hour for DST)', () => {
    fc.assert(
      fc.property(workingHoursArb, instant, (hours, start) => {
        const week = workingHoursBetween(new Date(start), new Date(start + 7 * 86_400_000), hours);
        const [sh = 0, sm = 0] = hours.start.split(':').map(Number);
        const [eh = 0, em = 0] = hours.end.split(':').map(Number);
        const perDay = (eh * 60 + em - (sh * 60 + sm)) / 60;
        expect(Math.abs(week - perDay * hours.days.length)).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
