import { memo, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STATE_LABELS } from '../../../shared/domain/states';
import {
  bounceRateSeries,
  completedPerWeekSeries,
  describeForScreenReader,
  leadTimeSeries,
  loadSeries,
  type BounceRateRow,
  type ReceiverLoad,
  type StageLeadTime,
  type WeekBucket,
} from '../../../shared/metrics';
import { ChartCard, type TableColumn } from './ChartCard';
import type { FlowMetrics } from './dashboard-metrics';

// Colours come from theme variables so charts follow light and dark themes.
const AXIS_TICK = { fill: 'var(--text-muted)', fontSize: 12 };
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)', borderRadius: 6 };
const TOOLTIP_LABEL = { color: 'var(--text)', fontWeight: 600 };
const CURSOR = { fill: 'var(--surface-2)' };
const CHART_HEIGHT = 220;
// Before the first measurement (and in tests without layout) charts draw at this size.
const INITIAL_SIZE = { width: 480, height: CHART_HEIGHT };

function Frame({ children }: { children: ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT} initialDimension={INITIAL_SIZE}>
      {children}
    </ResponsiveContainer>
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortWeek(weekStart: string): string {
  const [, month = '1', day = '1'] = weekStart.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month}`;
}

interface CompletedRow {
  week: string;
  isoWeek: string;
  count: number;
}
const COMPLETED_COLUMNS: readonly TableColumn<CompletedRow>[] = [
  { key: 'week', header: 'Week of' },
  { key: 'isoWeek', header: 'ISO week' },
  { key: 'count', header: 'Completed', numeric: true },
];

function CompletedChart({ buckets }: { buckets: readonly WeekBucket[] }) {
  const rows = buckets.map((bucket) => ({ week: shortWeek(bucket.weekStart), isoWeek: bucket.isoWeek, count: bucket.count }));
  return (
    <ChartCard
      title="Completed per week"
      description={describeForScreenReader(completedPerWeekSeries(buckets))}
      columns={COMPLETED_COLUMNS}
      rows={rows}
      chart={
        <Frame>
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="week" tick={AXIS_TICK} stroke="var(--border-strong)" />
            <YAxis allowDecimals={false} tick={AXIS_TICK} stroke="var(--border-strong)" />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL} cursor={CURSOR} />
            <Bar dataKey="count" name="Completed" fill="var(--chart-1)" isAnimationActive={false} />
          </BarChart>
        </Frame>
      }
    />
  );
}

interface LeadRow {
  stage: string;
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}
const LEAD_COLUMNS: readonly TableColumn<LeadRow>[] = [
  { key: 'stage', header: 'Column' },
  { key: 'count', header: 'Stays', numeric: true },
  { key: 'medianHours', header: 'Median (hours)', numeric: true },
  { key: 'p90Hours', header: '90th percentile (hours)', numeric: true },
];

function LeadTimeChart({ stages }: { stages: readonly StageLeadTime[] }) {
  const rows = stages.map((stage) => ({ stage: STATE_LABELS[stage.state], count: stage.count, medianHours: stage.medianHours, p90Hours: stage.p90Hours }));
  const anySamples = stages.some((stage) => stage.count > 0);
  return (
    <ChartCard
      title="Lead time per column"
      description={describeForScreenReader(leadTimeSeries(stages))}
      columns={LEAD_COLUMNS}
      rows={anySamples ? rows : []}
      emptyText="No handoff left a column in this period."
      chart={
        <Frame>
          {/* Room for "1,200 h" on the left and every column name below (none dropped or cut). */}
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 4 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="stage" tick={AXIS_TICK} stroke="var(--border-strong)" interval={0} />
            <YAxis tick={AXIS_TICK} stroke="var(--border-strong)" unit=" h" width={64} />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL} cursor={CURSOR} />
            <Legend itemSorter={null} wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} />
            <Bar dataKey="medianHours" name="Median" fill="var(--chart-1)" isAnimationActive={false} />
            <Bar dataKey="p90Hours" name="90th percentile" fill="var(--chart-2)" isAnimationActive={false} />
          </BarChart>
        </Frame>
      }
    />
  );
}

interface BounceRow {
  label: string;
  handoffs: number;
  bounces: number;
  rate: number;
}
const BOUNCE_COLUMNS = (by: string): readonly TableColumn<BounceRow>[] => [
  { key: 'label', header: by },
  { key: 'handoffs', header: 'Handed over', numeric: true },
  { key: 'bounces', header: 'Bounces', numeric: true },
  { key: 'rate', header: 'Bounces per handoff', numeric: true },
];

function BounceChart({ rows, by }: { rows: readonly BounceRateRow[]; by: 'template' | 'sender' }) {
  const tableRows = rows.map((row) => ({ label: row.label, handoffs: row.handoffs, bounces: row.bounces, rate: Math.round(row.rate * 100) / 100 }));
  return (
    <ChartCard
      title={`Bounce-back rate by ${by}`}
      description={describeForScreenReader(bounceRateSeries(rows, by))}
      columns={BOUNCE_COLUMNS(by === 'template' ? 'Template' : 'Sender')}
      rows={tableRows}
      emptyText="Nothing was handed over in this period."
      chart={
        <Frame>
          <BarChart accessibilityLayer={false} data={tableRows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="var(--border)" horizontal={false} />
            <XAxis type="number" tick={AXIS_TICK} stroke="var(--border-strong)" />
            <YAxis type="category" dataKey="label" width={140} tick={AXIS_TICK} stroke="var(--border-strong)" />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL} cursor={CURSOR} />
            <Bar dataKey="rate" name="Bounces per handoff" fill="var(--chart-3)" isAnimationActive={false} />
          </BarChart>
        </Frame>
      }
    />
  );
}

interface LoadRow {
  receiver: string;
  inProgress: number;
  ready: number;
  inHandoff: number;
  total: number;
}
const LOAD_COLUMNS: readonly TableColumn<LoadRow>[] = [
  { key: 'receiver', header: 'Receiver' },
  { key: 'inProgress', header: STATE_LABELS.IN_PROGRESS, numeric: true },
  { key: 'ready', header: STATE_LABELS.READY_FOR_HANDOFF, numeric: true },
  { key: 'inHandoff', header: STATE_LABELS.IN_HANDOFF, numeric: true },
  { key: 'total', header: 'Total', numeric: true },
];

function LoadChart({ load }: { load: readonly ReceiverLoad[] }) {
  const rows = load.map((row) => ({
    receiver: row.receiverName,
    inProgress: row.byState.IN_PROGRESS,
    ready: row.byState.READY_FOR_HANDOFF,
    inHandoff: row.byState.IN_HANDOFF,
    total: row.total,
  }));
  return (
    <ChartCard
      title="Load per receiver"
      description={describeForScreenReader(loadSeries(load))}
      columns={LOAD_COLUMNS}
      rows={rows}
      emptyText="No open handoffs."
      chart={
        <Frame>
          <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="receiver" tick={AXIS_TICK} stroke="var(--border-strong)" />
            <YAxis allowDecimals={false} tick={AXIS_TICK} stroke="var(--border-strong)" />
            <Tooltip contentStyle={TOOLTIP_STYLE} labelStyle={TOOLTIP_LABEL} cursor={CURSOR} />
            <Legend itemSorter={null} wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} />
            <Bar dataKey="inProgress" name={STATE_LABELS.IN_PROGRESS} stackId="load" fill="var(--chart-1)" isAnimationActive={false} />
            <Bar dataKey="ready" name={STATE_LABELS.READY_FOR_HANDOFF} stackId="load" fill="var(--chart-2)" isAnimationActive={false} />
            <Bar dataKey="inHandoff" name={STATE_LABELS.IN_HANDOFF} stackId="load" fill="var(--chart-4)" isAnimationActive={false} />
          </BarChart>
        </Frame>
      }
    />
  );
}

/** The flow metrics over the chosen period, each as a chart, a table and words. */
export const FlowCharts = memo(function FlowCharts({ metrics }: { metrics: FlowMetrics }) {
  return (
    <div className="dash-charts">
      <CompletedChart buckets={metrics.completed} />
      <LeadTimeChart stages={metrics.leadTime} />
      <BounceChart rows={metrics.bounceByTemplate} by="template" />
      <BounceChart rows={metrics.bounceBySender} by="sender" />
      <LoadChart load={metrics.load} />
    </div>
  );
});
