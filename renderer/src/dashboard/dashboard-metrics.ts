import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { indexTemplates } from '../../../shared/domain/template';
import {
  awaitingAcceptance,
  bounceRate,
  completedPerWeek,
  eventsOf,
  exceptionsByKind,
  filterHandoffs,
  leadTimePerStage,
  loadPerReceiver,
  stalledHandoffs,
  type AwaitingReceiver,
  type BounceRateRow,
  type ExceptionsSummary,
  type MetricsFilter,
  type Period,
  type ReceiverLoad,
  type StageLeadTime,
  type StalledRow,
  type WeekBucket,
} from '../../../shared/metrics';
import type { DashboardData } from './use-dashboard-data';

/** The "now" sections: what is late, waiting or broken at this moment. */
export interface SnapshotMetrics {
  stalled: StalledRow[];
  awaiting: AwaitingReceiver[];
  exceptions: ExceptionsSummary;
}

/** The "over a period" sections: how work flowed. */
export interface FlowMetrics {
  completed: WeekBucket[];
  leadTime: StageLeadTime[];
  bounceByTemplate: BounceRateRow[];
  bounceBySender: BounceRateRow[];
  load: ReceiverLoad[];
}

/** Open work as of `now`, under the client/template/owner filters (no period: a snapshot). */
export function snapshotMetrics(data: DashboardData, filter: Omit<MetricsFilter, 'period'>, settings: WorkspaceSettings, nowMs: number): SnapshotMetrics {
  const kept = filterHandoffs(data.handoffs, filter);
  const now = new Date(nowMs);
  return {
    stalled: stalledHandoffs(kept, indexTemplates(data.templates).byKey, settings, now),
    awaiting: awaitingAcceptance(kept, settings, now),
    exceptions: exceptionsByKind(kept),
  };
}

/** Flow over `period` for the handoffs live in it; load is of those still open. */
export function flowMetrics(data: DashboardData, filter: Omit<MetricsFilter, 'period'>, period: Period, settings: WorkspaceSettings): FlowMetrics {
  const kept = filterHandoffs(data.handoffs, { ...filter, period });
  const events = eventsOf(data.events, kept);
  const labels = { templates: data.templates, owners: settings.owners };
  return {
    completed: completedPerWeek(events, period, settings.workingHours.timeZone),
    leadTime: leadTimePerStage(events, kept, period),
    bounceByTemplate: bounceRate(kept, events, period, 'template', labels),
    bounceBySender: bounceRate(kept, events, period, 'sender', labels),
    load: loadPerReceiver(filterHandoffs(data.handoffs, filter), settings.owners),
  };
}
