import { isoToLocalInput, localInputToIso, relativeTime, safeTimeZone } from './time';

describe('workspace time zone conversion', () => {
  it('shows an instant as wall-clock time in the workspace zone', () => {
    expect(isoToLocalInput('2026-11-24T09:30:00Z', 'Europe/Berlin')).toBe('2026-11-24T10:30');
    expect(isoToLocalInput('2026-11-24T09:30:00Z', 'America/New_York')).toBe('2026-11-24T04:30');
  });

  it('reads typed wall-clock time in the workspace zone back to the same instant', () => {
    expect(localInputToIso('2026-11-24T10:30', 'Europe/Berlin')).toBe('2026-11-24T09:30:00.000Z');
    expect(localInputToIso('2026-07-01T10:30', 'Europe/Berlin')).toBe('2026-07-01T08:30:00.000Z');
  });

  it('round-trips across a DST change', () => {
    const iso = '2026-03-29T02:15:00.000Z';
    expect(localInputToIso(isoToLocalInput(iso, 'Europe/Berlin'), 'Europe/Berlin')).toBe(iso);
  });

  it('refuses malformed input instead of guessing', () => {
    expect(localInputToIso('tomorrow', 'UTC')).toBeNull();
    expect(isoToLocalInput('not a date', 'UTC')).toBe('');
  });

  it('falls back to the machine zone for an unknown zone name', () => {
    expect(safeTimeZone('Mars/Olympus')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('describes due times relative to now', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    expect(relativeTime('2026-11-24T15:00:00Z', now)).toBe('in 3 h');
    expect(relativeTime('2026-11-22T12:00:00Z', now)).toBe('2 d ago');
    expect(relativeTime('2026-11-24T12:00:20Z', now)).toBe('now');
  });
});
