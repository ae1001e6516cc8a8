import { STATE_LABELS } from '../domain/states';
import type { AwaitingReceiver } from './awaiting';
import type { BounceRateRow } from './bounce-rate';
import type { WeekBucket } from './completed-per-week';
import type { ExceptionsSummary } from './exceptions';
import type { StageLeadTime } from './lead-time';
import type { ReceiverLoad } from './load';
import type { StalledRow } from './stalled';

/** One bar or point of a chart, as words. */
export interface ChartPoint {
  label: string;
  /** null: nothing to measure (e.g. no stays ended in the period). */
  value: number | null;
  /** Extra context read after the value, e.g. "90th percentile 30 hours". */
  note?: string;
}

export interface ChartSeries {
  title: string;
  /** Read after every value: "hours" → "12 hours". */
  unit?: string;
  points: readonly ChartPoint[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One decimal at most, no trailing ".0": 12, 12.5, 0.3. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function withUnit(value: number, unit: string | undefined): string {
  const text = formatNumber(value);
  if (unit === undefined) return text;
  // "1 hour", "2 hours": drop a plural s for exactly one.
  return `${text} ${text === '1' && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
}

/**
 * The text equivalent of a chart, for a screen reader (and for the chart's
 * accessible description): "Title: label: value, label: value." Empty charts
 * say so instead of reading nothing.
 */
export function describeForScreenReader(series: ChartSeries): string {
  if (series.points.length === 0) return `${series.title}: no data.`;
  const points = series.points.map((point) => {
    const value = point.value === null ? 'no data' : withUnit(point.value, series.unit);
    return `${point.label}: ${value}${point.note === undefined ? '' : ` (${point.note})`}`;
  });
  return `${series.title}: ${points.join(', ')}.`;
}

function weekLabel(weekStart: string, withYear: boolean): string {
  const [year = '', month = '1', day = '1'] = weekStart.split('-');
  return `week of ${Number(day)} ${MONTHS[Number(month) - 1] ?? month}${withYear ? ` ${year}` : ''}`;
}

export function completedPerWeekSeries(buckets: readonly WeekBucket[]): ChartSeries {
  // The year is only noise until the weeks cross New Year.
  const years = new Set(buckets.map((bucket) => bucket.weekStart.slice(0, 4)));
  return {
    title: 'Handoffs completed per week',
    points: buckets.map((bucket) => ({ label: weekLabel(bucket.weekStart, years.size > 1), value: bucket.count })),
  };
}

export function leadTimeSeries(rows: readonly StageLeadTime[]): ChartSeries {
  return {
    title: 'Median time in each column',
    unit: 'hours',
    points: rows.map((row) => ({
      label: STATE_LABELS[row.state],
      value: row.medianHours,
      note: row.p90Hours === null ? 'no handoffs left this column in the period' : `90th percentile ${withUnit(row.p90Hours, 'hours')}, ${plural(row.count, 'stay')}`,
    })),
  };
}

export function bounceRateSeries(rows: readonly BounceRateRow[], by: 'template' | 'sender'): ChartSeries {
  return {
    title: `Bounces per handoff by ${by}`,
    points: rows.map((row) => ({ label: row.label, value: row.rate, note: `${plural(row.bounces, 'bounce')} over ${plural(row.handoffs, 'handoff')}` })),
  };
}

export function loadSeries(rows: readonly ReceiverLoad[]): ChartSeries {
  return {
    title: 'Open handoffs per receiver',
    points: rows.map((row) => ({
      label: row.receiverName,
      value: row.total,
      note: `${row.byState.IN_PROGRESS} in progress, ${row.byState.READY_FOR_HANDOFF} ready for handoff, ${row.byState.IN_HANDOFF} in handoff`,
    })),
  };
}

export function awaitingSeries(rows: readonly AwaitingReceiver[]): ChartSeries {
  return {
    title: 'Waiting for acceptance',
    points: rows.map((row) => ({ label: row.receiverName, value: row.count, note: `oldest waiting ${withUnit(row.oldestWaitingHours, 'working hours')}` })),
  };
}

export function exceptionsSeries(summary: ExceptionsSummary): ChartSeries {
  return { title: `Open exceptions (${summary.openExceptionCount})`, points: summary.groups.map((group) => ({ label: group.label, value: group.count })) };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The dashboard's headline as one passage: how many cards are late, then the
 * `top` most late with who holds them and what is missing — the question a PM
 * must be able to answer without opening a card.
 */
export function describeStalled(rows: readonly StalledRow[], top = 3): string {
  if (rows.length === 0) return 'No handoffs are late or close to their limit.';
  const breached = rows.filter((row) => row.status === 'breached').length;
  const head = `${plural(rows.length, 'handoff')} ${rows.length === 1 ? 'is' : 'are'} late or close to the limit, ${breached} past it.`;
  const listed = rows.slice(0, top).map((row, index) => {
    const timing =
      row.status === 'breached'
        ? `${withUnit(row.lateByHours, 'working hours')} over the ${formatNumber(row.limitHours)}-hour limit`
        : `${formatNumber(row.elapsedHours)} of ${withUnit(row.limitHours, 'working hours')} used`;
    return `${index + 1}. "${row.title}" for ${row.client}, ${STATE_LABELS[row.state]}, ${row.holder === null ? 'no one assigned' : `held by ${row.holderName}`}, ${timing}; missing: ${row.missingSummary}.`;
  });
  return [head, `Most late: ${listed.join(' ')}`].join(' ');
}
