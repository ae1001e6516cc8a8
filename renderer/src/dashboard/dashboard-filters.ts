import { parsePeriod, type MetricsFilter, type PeriodResult } from '../../../shared/metrics';
import { zonedTimeToEpoch } from '../../../shared/domain/zoned-time';

export const PERIOD_PRESETS = ['last4weeks', 'quarter', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  last4weeks: 'Last 4 weeks',
  quarter: 'Last quarter (13 weeks)',
  custom: 'Custom dates',
};

/** The dashboard's filter bar as the person set it (dates as typed in `<input type="date">`). */
export interface DashboardFilterInput {
  clientName: string;
  templateId: string;
  owner: string;
  preset: PeriodPreset;
  /** "YYYY-MM-DD", first day included. */
  customFrom: string;
  /** "YYYY-MM-DD", last day included. */
  customTo: string;
}

export const DEFAULT_DASHBOARD_FILTER: DashboardFilterInput = {
  clientName: '',
  templateId: '',
  owner: '',
  preset: 'last4weeks',
  customFrom: '',
  customTo: '',
};

const DAY_MS = 86_400_000;
const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDayStart(value: string, timeZone: string): number | null {
  const match = DATE_INPUT.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Reject 2026-02-31 rather than silently rolling over into March.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return zonedTimeToEpoch({ year, month, day }, 0, timeZone);
}

function nextLocalDay(value: string): string {
  const match = DATE_INPUT.exec(value);
  if (!match) return value;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + DAY_MS).toISOString().slice(0, 10);
}

function invalid(message: string, path: string): PeriodResult {
  return { ok: false, error: { code: 'VALIDATION', message, issues: [{ path, message }] } };
}

/**
 * The reporting period a filter bar stands for. Presets end now; custom dates
 * run from the start of the first day to the end of the last day, both in the
 * workspace's time zone. A bad custom range answers a VALIDATION error naming
 * the field, and the dashboard keeps showing the last good period.
 */
export function resolvePeriod(input: Pick<DashboardFilterInput, 'preset' | 'customFrom' | 'customTo'>, nowMs: number, timeZone: string): PeriodResult {
  if (input.preset !== 'custom') {
    const days = input.preset === 'last4weeks' ? 28 : 91;
    return parsePeriod({ from: new Date(nowMs - days * DAY_MS).toISOString(), to: new Date(nowMs).toISOString() });
  }
  if (input.customFrom === '') return invalid('Pick the first day of the period', 'from');
  if (input.customTo === '') return invalid('Pick the last day of the period', 'to');
  const from = localDayStart(input.customFrom, timeZone);
  if (from === null) return invalid(`"${input.customFrom}" is not a date; use YYYY-MM-DD`, 'from');
  const last = localDayStart(input.customTo, timeZone);
  if (last === null) return invalid(`"${input.customTo}" is not a date; use YYYY-MM-DD`, 'to');
  if (last < from) return invalid('The last day must be on or after the first day', 'to');
  const to = localDayStart(nextLocalDay(input.customTo), timeZone) ?? last + DAY_MS;
  return parsePeriod({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
}

/** The filters every metric shares: only the set ones, in the shape `filterHandoffs` takes. */
export function metricsFilterOf(input: DashboardFilterInput): Omit<MetricsFilter, 'period'> {
  const filter: Omit<MetricsFilter, 'period'> = {};
  if (input.clientName !== '') filter.clientName = input.clientName;
  if (input.templateId !== '') filter.templateId = input.templateId;
  if (input.owner !== '') filter.owner = input.owner;
  return filter;
}
