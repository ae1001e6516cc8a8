import { z } from 'zod';
import { OwnerIdSchema } from './ids';

/** True when the runtime's Intl knows this IANA zone ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(value: string): boolean {
  if (value.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ClockTimeSchema = z.string().regex(CLOCK_TIME, 'A time of day is written HH:MM on a 24-hour clock, e.g. 09:00');

/** Minutes since midnight of an "HH:MM" string already checked by ClockTimeSchema. */
export function clockMinutes(value: string): number {
  const [hours = '0', minutes = '0'] = value.split(':');
  return Number(hours) * 60 + Number(minutes);
}

export const WorkingHoursSchema = z
  .object({
    timeZone: z.string().refine(isValidTimeZone, { message: 'Unknown time zone: use an IANA name such as Europe/Berlin or America/New_York' }),
    /** Working weekdays, 0 = Sunday … 6 = Saturday. */
    days: z
      .array(z.number().int('A weekday is a whole number').min(0, 'Weekdays run 0 (Sunday) to 6 (Saturday)').max(6, 'Weekdays run 0 (Sunday) to 6 (Saturday)'))
      .min(1, 'Pick at least one working day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: 'A weekday is listed twice' }),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
  })
  // Only compare two well-formed times; a malformed one already has its own message.
  .refine((hours) => !CLOCK_TIME.test(hours.start) || !CLOCK_TIME.test(hours.end) || clockMinutes(hours.end) > clockMinutes(hours.start), {
    message: 'The working day must end after it starts (overnight shifts are not supported)',
    path: ['end'],
  });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const OwnerSchema = z.object({
  id: OwnerIdSchema,
  name: z.string().trim().min(1, 'A person needs a name').max(200),
  email: z.email({ message: 'Not a valid email address' }).optional(),
  role: z.string().trim().max(100).optional(),
});
export type Owner = z.infer<typeof OwnerSchema>;

const SlaHoursSchema = z.number().positive('An SLA is a positive number of working hours').max(10_000, 'An SLA is at most 10,000 working hours');

export const WorkspaceSettingsSchema = z.object({
  /** The owner id of whoever uses this copy of Baton. */
  currentUser: OwnerIdSchema,
  /** Local directory of people; sync fills it from HubSpot owners once connected. */
  owners: z
    .array(OwnerSchema)
    .max(10_000)
    .superRefine((owners, ctx) => {
      const seen = new Set<string>();
      owners.forEach((owner, index) => {
        if (seen.has(owner.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Owner id "${owner.id}" is listed twice` });
        seen.add(owner.id);
      });
    }),
  workingHours: WorkingHoursSchema,
  /** Default time a handoff may sit in each column, in working hours; templates may override. */
  slaHours: z.object({ IN_PROGRESS: SlaHoursSchema, READY_FOR_HANDOFF: SlaHoursSchema, IN_HANDOFF: SlaHoursSchema }),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Share of the SLA after which a card shows a warning. */
  slaWarningRatio: z.number().gt(0, 'The warning ratio is above 0').lt(1, 'The warning ratio is below 1').default(0.8),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;
export type SlaState = keyof WorkspaceSettings['slaHours'];

export const LOCAL_USER_ID = 'local-user';

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  currentUser: LOCAL_USER_ID,
  owners: [{ id: LOCAL_USER_ID, name: 'Me' }],
  workingHours: { timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  slaHours: { IN_PROGRESS: 40, READY_FOR_HANDOFF: 8, IN_HANDOFF: 16 },
  theme: 'system',
  slaWarningRatio: 0.8,
};
