import { detectExceptions, slaStatus, workingHoursBetween } from './sla';
import { DEFAULT_SETTINGS } from './settings';
import type { WorkingHours, WorkspaceSettings } from './settings';
import { makeHandoff, makeTemplate } from './fixtures';

const utcWeek: WorkingHours = { timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

describe('workingHoursBetween', () => {
  it('counts the hours inside one working day', () => {
    expect(workingHoursBetween('2026-11-24T10:00:00Z', '2026-11-24T15:00:00Z', utcWeek)).toBeCloseTo(5);
    expect(workingHoursBetween('2026-11-24T06:00:00Z', '2026-11-24T20:00:00Z', utcWeek)).toBeCloseTo(8);
    expect(workingHoursBetween('2026-11-24T10:15:00Z', '2026-11-24T10:45:00Z', utcWeek)).toBeCloseTo(0.5);
  });

  it('skips nights and weekends', () => {
    // Friday 16:00 → Monday 10:00: one hour on Friday, one on Monday.
    expect(workingHoursBetween('2026-11-20T16:00:00Z', '2026-11-23T10:00:00Z', utcWeek)).toBeCloseTo(2);
    expect(workingHoursBetween('2026-11-21T09:00:00Z', '2026-11-22T17:00:00Z', utcWeek)).toBe(0);
    // Two full weeks.
    expect(workingHoursBetween('2026-11-09T00:00:00Z', '2026-11-23T00:00:00Z', utcWeek)).toBeCloseTo(80);
  });

  it('is zero for an empty or inverted interval', () => {
    expect(workingHoursBetween('2026-11-24T10:00:00Z', '2026-11-24T10:00:00Z', utcWeek)).toBe(0);
    expect(workingHoursBetween('2026-11-24T15:00:00Z', '2026-11-24T10:00:00Z', utcWeek)).toBe(0);
  });

  it('places the working day in the workspace time zone', () => {
    const newYork: WorkingHours = { ...utcWeek, timeZone: 'America/New_York' };
    // 13:00Z–23:00Z on Monday is 08:00–18:00 EST: the whole 09:00–17:00 day.
    expect(workingHoursBetween('2026-11-23T13:00:00Z', '2026-11-23T23:00:00Z', newYork)).toBeCloseTo(8);
    // 09:00–17:00 IST is 03:30Z–11:30Z.
    const kolkata: WorkingHours = { ...utcWeek, timeZone: 'Asia/Kolkata' };
    expect(workingHoursBetween('2026-11-24T00:00:00Z', '2026-11-24T05:00:00Z', kolkata)).toBeCloseTo(1.5);
    // Saturday morning in Tokyo is still Friday in UTC: Tokyo's weekend counts, not UTC's.
    const tokyo: WorkingHours = { ...utcWeek, timeZone: 'Asia/Tokyo' };
    expect(workingHoursBetween('2026-11-21T00:00:00Z', '2026-11-21T08:00:00Z', tokyo)).toBe(0);
  });

  it('follows daylight saving changes', () => {
    const newYork: WorkingHours = { ...utcWeek, timeZone: 'America/New_York' };
    // Clocks go forward on Sunday 2026-03-08. Friday 09:00 EST (14:00Z) to Monday 10:00 EDT (14:00Z):
    // 8 hours on Friday and 1 on Monday. A fixed offset would find 0 on Monday.
    expect(workingHoursBetween('2026-03-06T14:00:00Z', '2026-03-09T14:00:00Z', newYork)).toBeCloseTo(9);
    // A window that spans the change itself is an hour shorter in spring and longer in autumn.
    const berlinNights: WorkingHours = { timeZone: 'Europe/Berlin', days: [0], start: '00:00', end: '06:00' };
    expect(workingHoursBetween('2026-03-28T12:00:00Z', '2026-03-30T12:00:00Z', berlinNights)).toBeCloseTo(5);
    expect(workingHoursBetween('2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z', berlinNights)).toBeCloseTo(7);
  });

  it('accepts Date objects', () => {
    expect(workingHoursBetween(new Date('2026-11-24T09:00:00Z'), new Date('2026-11-24T11:00:00Z'), utcWeek)).toBeCloseTo(2);
  });
});

describe('slaStatus', () => {
  const settings: WorkspaceSettings = { ...DEFAULT_SETTINGS, workingHours: utcWeek, slaHours: { IN_PROGRESS: 40, READY_FOR_HANDOFF: 8, IN_HANDOFF: 16 } };
  // Entered IN_HANDOFF Friday 09:00; Tuesday 10:00 is 8 + 8 + 1 = 17 working hours later.
  const waiting = makeHandoff({ state: 'IN_HANDOFF', stateEnteredAt: '2026-11-20T09:00:00Z' });
  const now = '2026-11-24T10:00:00Z';

  it('is breached past the workspace limit', () => {
    const status = slaStatus(waiting, makeTemplate(), settings, now);
    expect(status.state).toBe('IN_HANDOFF');
    expect(status.limitHours).toBe(16);
    expect(status.elapsedHours).toBeCloseTo(17);
    expect(status.status).toBe('breached');
    expect(status.lateByHours).toBeCloseTo(1);
    expect(status.overdueNextAction).toBe(false);
  });

  it('uses the template override and warns from the warning ratio on', () => {
    expect(slaStatus(waiting, makeTemplate({ sla: { IN_HANDOFF: 20 } }), settings, now)).toMatchObject({ limitHours: 20, status: 'warning', lateByHours: 0 });
    expect(slaStatus(waiting, makeTemplate({ sla: { IN_HANDOFF: 24 } }), settings, now)).toMatchObject({ limitHours: 24, status: 'ok' });
  });

  it('has no SLA once accepted or archived', () => {
    expect(slaStatus({ ...waiting, state: 'HANDOFF_DONE' }, makeTemplate(), settings, now)).toMatchObject({ limitHours: null, status: 'none', lateByHours: 0 });
    expect(slaStatus({ ...waiting, archivedAt: now }, makeTemplate(), settings, now)).toMatchObject({ limitHours: null, status: 'none' });
  });

  it('flags an overdue next action on open handoffs only', () => {
    const overdue = { ...waiting, nextAction: { text: 'Estimate', dueAt: '2026-11-24T09:59:00Z' } };
    expect(slaStatus(overdue, makeTemplate(), settings, now).overdueNextAction).toBe(true);
    expect(slaStatus({ ...overdue, nextAction: { text: 'Estimate', dueAt: '2026-11-24T10:01:00Z' } }, makeTemplate(), settings, now).overdueNextAction).toBe(false);
    expect(slaStatus({ ...overdue, state: 'HANDOFF_DONE' }, makeTemplate(), settings, now).overdueNextAction).toBe(false);
    expect(slaStatus({ ...overdue, archivedAt: now }, makeTemplate(), settings, now).overdueNextAction).toBe(false);
  });

  it('detectExceptions reports a breach and an overdue next action unless already open', () => {
    const overdue = { ...waiting, nextAction: { text: 'Estimate', dueAt: '2026-11-23T09:00:00Z' } };
    expect(detectExceptions(overdue, makeTemplate(), settings, now)).toEqual([
      {
        id: `sla-IN_HANDOFF-${Date.parse(waiting.stateEnteredAt)}-handoff-1`,
        kind: 'SLA_BREACHED',
        message: 'In handoff for 17 working hours; the limit is 16 working hours (1 working hour over)',
      },
      { id: `overdue-${Date.parse('2026-11-23T09:00:00Z')}-handoff-1`, kind: 'NEXT_ACTION_OVERDUE', message: 'Next action "Estimate" was due Mon 23 Nov, 09:00' },
    ]);
    const open = {
      ...overdue,
      exceptions: [{ id: 'e1', kind: 'SLA_BREACHED' as const, message: 'old', raisedAt: now, resolvedAt: null, resolvedBy: null, resolution: null }],
    };
    expect(detectExceptions(open, makeTemplate(), settings, now).map((item) => item.kind)).toEqual(['NEXT_ACTION_OVERDUE']);
    const resolved = { ...open, exceptions: open.exceptions.map((item) => ({ ...item, resolvedAt: now, resolvedBy: 'me', resolution: 'ok' })) };
    expect(detectExceptions(resolved, makeTemplate(), settings, now).map((item) => item.kind)).toEqual(['SLA_BREACHED', 'NEXT_ACTION_OVERDUE']);
    expect(detectExceptions(makeHandoff({ stateEnteredAt: now }), makeTemplate(), settings, now)).toEqual([]);
  });
});
