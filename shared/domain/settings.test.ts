import { DEFAULT_SETTINGS, isValidTimeZone, WorkspaceSettingsSchema } from './settings';
import { validationError } from './errors';

function messagesFor(input: unknown): string[] {
  const parsed = WorkspaceSettingsSchema.safeParse(input);
  if (parsed.success) return [];
  return validationError(parsed.error).issues?.map((issue) => `${issue.path}: ${issue.message}`) ?? [];
}

describe('WorkspaceSettingsSchema', () => {
  it('accepts the defaults', () => {
    expect(WorkspaceSettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('fills theme and warning ratio defaults', () => {
    const { theme: _theme, slaWarningRatio: _ratio, ...rest } = DEFAULT_SETTINGS;
    expect(WorkspaceSettingsSchema.parse(rest)).toMatchObject({ theme: 'system', slaWarningRatio: 0.8 });
  });

  it('validates the time zone with Intl', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(messagesFor({ ...DEFAULT_SETTINGS, workingHours: { ...DEFAULT_SETTINGS.workingHours, timeZone: 'Mars/Olympus' } })).toEqual([
      'workingHours.timeZone: Unknown time zone: use an IANA name such as Europe/Berlin or America/New_York',
    ]);
  });

  it('rejects bad working hours with specific messages', () => {
    const hours = DEFAULT_SETTINGS.workingHours;
    expect(messagesFor({ ...DEFAULT_SETTINGS, workingHours: { ...hours, start: '9am' } })).toEqual([
      'workingHours.start: A time of day is written HH:MM on a 24-hour clock, e.g. 09:00',
    ]);
    expect(messagesFor({ ...DEFAULT_SETTINGS, workingHours: { ...hours, start: '18:00' } })).toEqual([
      'workingHours.end: The working day must end after it starts (overnight shifts are not supported)',
    ]);
    expect(messagesFor({ ...DEFAULT_SETTINGS, workingHours: { ...hours, days: [] } })).toEqual(['workingHours.days: Pick at least one working day']);
    expect(messagesFor({ ...DEFAULT_SETTINGS, workingHours: { ...hours, days: [1, 7] } })).toEqual([
      'workingHours.days.1: Weekdays run 0 (Sunday) to 6 (Saturday)',
    ]);
    expect(messagesFor({ ...DEFAULT_SETTINGS, workingHours: { ...hours, days: [1, 1] } })).toEqual(['workingHours.days: A weekday is listed twice']);
    expect(messagesFor({ ...DEFAULT_SETTINGS, workingHours: { ...hours, end: '24:00' } })).toEqual([
      'workingHours.end: A time of day is written HH:MM on a 24-hour clock, e.g. 09:00',
    ]);
  });

  it('rejects bad SLAs, ratios, themes and owners', () => {
    expect(messagesFor({ ...DEFAULT_SETTINGS, slaHours: { ...DEFAULT_SETTINGS.slaHours, IN_HANDOFF: 0 } })).toEqual([
      'slaHours.IN_HANDOFF: An SLA is a positive number of working hours',
    ]);
    expect(messagesFor({ ...DEFAULT_SETTINGS, slaWarningRatio: 1 })).toEqual(['slaWarningRatio: The warning ratio is below 1']);
    expect(messagesFor({ ...DEFAULT_SETTINGS, theme: 'neon' })).toHaveLength(1);
    expect(messagesFor({ ...DEFAULT_SETTINGS, owners: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] })).toEqual(['owners.1.id: Owner id "a" is listed twice']);
    expect(messagesFor({ ...DEFAULT_SETTINGS, owners: [{ id: 'a', name: 'A', email: 'not-mail' }] })).toEqual(['owners.0.email: Not a valid email address']);
    expect(messagesFor({ ...DEFAULT_SETTINGS, currentUser: '' })).toEqual(['currentUser: An id cannot be empty']);
  });
});
