import { DEFAULT_DASHBOARD_FILTER, metricsFilterOf, resolvePeriod } from './dashboard-filters';

const NOW = Date.parse('2026-11-24T10:00:00.000Z');

describe('resolvePeriod', () => {
  it('ends presets now: 28 days back, or 13 weeks for the quarter', () => {
    expect(resolvePeriod({ preset: 'last4weeks', customFrom: '', customTo: '' }, NOW, 'UTC')).toEqual({
      ok: true,
      period: { from: '2026-10-27T10:00:00.000Z', to: '2026-11-24T10:00:00.000Z' },
    });
    expect(resolvePeriod({ preset: 'quarter', customFrom: '', customTo: '' }, NOW, 'UTC')).toEqual({
      ok: true,
      period: { from: '2026-08-25T10:00:00.000Z', to: '2026-11-24T10:00:00.000Z' },
    });
  });

  it('runs a custom range from the first day’s start to the last day’s end in the workspace zone', () => {
    expect(resolvePeriod({ preset: 'custom', customFrom: '2026-11-02', customTo: '2026-11-08' }, NOW, 'Europe/Berlin')).toEqual({
      ok: true,
      period: { from: '2026-11-01T23:00:00.000Z', to: '2026-11-08T23:00:00.000Z' },
    });
    // A one-day period is the whole day.
    expect(resolvePeriod({ preset: 'custom', customFrom: '2026-11-02', customTo: '2026-11-02' }, NOW, 'UTC')).toMatchObject({
      ok: true,
      period: { from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T00:00:00.000Z' },
    });
  });

  it('names what is wrong with a custom range', () => {
    const missing = resolvePeriod({ preset: 'custom', customFrom: '', customTo: '2026-11-08' }, NOW, 'UTC');
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Pick the first day of the period', issues: [{ path: 'from' }] } });
    expect(resolvePeriod({ preset: 'custom', customFrom: '2026-11-02', customTo: '' }, NOW, 'UTC')).toMatchObject({ ok: false, error: { issues: [{ path: 'to' }] } });
    expect(resolvePeriod({ preset: 'custom', customFrom: '2026-02-31', customTo: '2026-03-02' }, NOW, 'UTC')).toMatchObject({
      ok: false,
      error: { message: '"2026-02-31" is not a date; use YYYY-MM-DD' },
    });
    expect(resolvePeriod({ preset: 'custom', customFrom: '2026-11-09', customTo: '2026-11-08' }, NOW, 'UTC')).toMatchObject({
      ok: false,
      error: { message: 'The last day must be on or after the first day' },
    });
    const tooLong = resolvePeriod({ preset: 'custom', customFrom: '2010-01-01', customTo: '2026-01-01' }, NOW, 'UTC');
    expect(tooLong.ok).toBe(false);
    if (!tooLong.ok) expect(tooLong.error.message).toContain('at most');
  });
});

describe('metricsFilterOf', () => {
  it('keeps only the filters that are set', () => {
    expect(metricsFilterOf(DEFAULT_DASHBOARD_FILTER)).toEqual({});
    expect(metricsFilterOf({ ...DEFAULT_DASHBOARD_FILTER, clientName: 'Acme Co', owner: 'maya' })).toEqual({ clientName: 'Acme Co', owner: 'maya' });
  });
});
