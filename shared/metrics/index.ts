/** The dashboard's metrics: pure functions of (data, options, now) → rows. See README.md. */
export { parsePeriod, PeriodSchema, MAX_PERIOD_DAYS } from './period';
export type { Period, PeriodResult } from './period';
export { filterHandoffs, eventsOf } from './filter';
export type { MetricsFilter } from './filter';
export { holderOf, ownerNamer, UNASSIGNED_LABEL, UNKNOWN_PERSON_LABEL } from './people';
export type { MetricLabels } from './people';
export { stalledHandoffs } from './stalled';
export type { StalledRow } from './stalled';
export { awaitingAcceptance } from './awaiting';
export type { AwaitingItem, AwaitingReceiver } from './awaiting';
export { exceptionsByKind, EXCEPTION_KIND_LABELS } from './exceptions';
export type { ExceptionGroup, ExceptionRow, ExceptionsSummary } from './exceptions';
export { stateStays } from './state-stays';
export type { StateStay } from './state-stays';
export { nearestRankPercentile } from './percentile';
export { completedPerWeek, isoWeekOf } from './completed-per-week';
export type { WeekBucket } from './completed-per-week';
export { leadTimePerStage, FLOW_STATES } from './lead-time';
export type { FlowState, StageLeadTime } from './lead-time';
export { bounceRate } from './bounce-rate';
export type { BounceGrouping, BounceRateRow } from './bounce-rate';
export { loadPerReceiver } from './load';
export type { ReceiverLoad } from './load';
export { toCsv } from './csv';
export { csvTimeHeader, formatCsvTime } from './csv-time';
export type { CsvColumn } from './csv';
export {
  describeForScreenReader,
  describeStalled,
  completedPerWeekSeries,
  leadTimeSeries,
  bounceRateSeries,
  loadSeries,
  awaitingSeries,
  exceptionsSeries,
  formatNumber,
} from './chart-text';
export type { ChartPoint, ChartSeries } from './chart-text';
