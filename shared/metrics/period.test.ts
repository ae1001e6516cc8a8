import { parsePeriod, periodBounds, inPeriod } from './period';

describe('parsePeriod', () => {
  it('accepts a period that ends after it starts', () => {
    expect(parsePeriod({ from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' })).toEqual({
      ok: true,
      period: { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' },
    });
  });

  it('refuses a period that ends before or when it starts, naming the field', () => {
    const result = parsePeriod({ from: '2026-11-09T00:00:00Z', to: '2026-11-09T00:00:00Z' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'The period is not valid — to: The period must end after it starts', issues: [{ path: 'to', message: 'The period must end after it starts' }] },
    });
  });

  it('refuses a date that is not ISO 8601 with an example of what is expected', () => {
    const result = parsePeriod({ from: 'last monday', to: '2026-11-09T00:00:00Z' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('The period is not valid — from: Expected an ISO 8601 date-time, e.g. 2026-11-24T09:00:00Z');
  });

  it('refuses a missing bound and a period longer than five years', () => {
    const missing = parsePeriod({ from: '2026-11-02T00:00:00Z' });
    expect(missing.ok === false && missing.error.message).toBe('The period is not valid — to: Required: a date-time such as 2026-11-24T09:00:00Z');
    const long = parsePeriod({ from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(long.ok === false && long.error.message).toBe('The period is not valid — to: A period is at most 1830 days (five years)');
  });
});

describe('periodBounds', () => {
  it('is half-open: from is in, to is out', () => {
    const bounds = periodBounds({ from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' });
    expect(inPeriod(Date.parse('2026-11-02T00:00:00Z'), bounds)).toBe(true);
    expect(inPeriod(Date.parse('2026-11-08T23:59:59.999Z'), bounds)).toBe(true);
    expect(inPeriod(Date.parse('2026-11-09T00:00:00Z'), bounds)).toBe(false);
    expect(inPeriod(Date.parse('2026-11-01T23:59:59.999Z'), bounds)).toBe(false);
  });

  it('throws for a period code did not validate', () => {
    expect(() => periodBounds({ from: '2026-11-09T00:00:00Z', to: '2026-11-02T00:00:00Z' })).toThrow('The period must end after it starts');
  });
});
