import { z } from 'zod';
import { IsoDateTimeSchema } from '../domain/ids';
import { isValidTimeZone } from '../domain/settings';
import { toEpochMs } from '../domain/instant';
import { validationError } from '../domain/errors';
import type { DomainError } from '../domain/errors';

/** Longest period a dashboard may ask for; keeps week buckets and scans bounded. */
export const MAX_PERIOD_DAYS = 366 * 5;
const DAY_MS = 86_400_000;

/**
 * A reporting period: every instant t with from <= t < to. Half-open, so
 * consecutive periods never count the same event twice.
 */
const BoundSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Required: a date-time such as 2026-11-24T09:00:00Z' : 'Expected an ISO 8601 date-time, e.g. 2026-11-24T09:00:00Z') })
  .pipe(IsoDateTimeSchema);

export const PeriodSchema = z
  .object({ from: BoundSchema, to: BoundSchema })
  .refine((period) => !IsoDateTimeSchema.safeParse(period.from).success || !IsoDateTimeSchema.safeParse(period.to).success || Date.parse(period.to) > Date.parse(period.from), {
    message: 'The period must end after it starts',
    path: ['to'],
  })
  .refine((period) => !(Date.parse(period.to) - Date.parse(period.from) > MAX_PERIOD_DAYS * DAY_MS), {
    message: `A period is at most ${MAX_PERIOD_DAYS} days (five years)`,
    path: ['to'],
  });
export type Period = z.infer<typeof PeriodSchema>;

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: DomainError };

/** Checks a period typed or chosen by a person; the error names what is wrong. */
export function parsePeriod(input: unknown): PeriodResult {
  const parsed = PeriodSchema.safeParse(input);
  return parsed.success ? { ok: true, period: parsed.data } : { ok: false, error: validationError(parsed.error, 'The period') };
}

/** Epoch bounds of an already-validated period. */
export interface PeriodBounds {
  fromMs: number;
  toMs: number;
}

/**
 * Metric functions take a Period the caller validated with `parsePeriod`; one
 * that still is not a period is a programming error, so it throws with the
 * same human message.
 */
export function periodBounds(period: Period): PeriodBounds {
  const checked = parsePeriod(period);
  if (!checked.ok) throw new RangeError(checked.error.message);
  return { fromMs: toEpochMs(period.from), toMs: toEpochMs(period.to) };
}

export function inPeriod(epochMs: number, bounds: PeriodBounds): boolean {
  return epochMs >= bounds.fromMs && epochMs < bounds.toMs;
}

/** Same contract as periodBounds: a bad zone from code is a bug, not user input. */
export function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`Unknown time zone "${timeZone}": use an IANA name such as Europe/Berlin or America/New_York`);
  }
}
