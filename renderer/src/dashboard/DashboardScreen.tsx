import { useMemo, useState } from 'react';
import type { Template } from '../../../shared/domain/template';
import { compareText } from '../../../shared/metrics/people';
import { useNowMinute } from '../ui/use-now-minute';
import { useWorkspace } from '../ui/use-workspace';
import { AwaitingPanel } from './AwaitingPanel';
import { DashboardFilters } from './DashboardFilters';
import { DEFAULT_DASHBOARD_FILTER, metricsFilterOf, resolvePeriod, type DashboardFilterInput } from './dashboard-filters';
import { flowMetrics, snapshotMetrics } from './dashboard-metrics';
import { ExceptionsPanel } from './ExceptionsPanel';
import { FlowCharts } from './FlowCharts';
import { StalledTable } from './StalledTable';
import { useDashboardData } from './use-dashboard-data';
import './dashboard.css';

function latestTemplates(templates: readonly Template[]): Template[] {
  const newest = new Map<string, Template>();
  for (const template of templates) {
    const known = newest.get(template.id);
    if (known === undefined || template.version > known.version) newest.set(template.id, template);
  }
  return [...newest.values()].sort((a, b) => compareText(a.name, b.name));
}

/**
 * The Visibility screen: what is late (and who holds it, and what is missing),
 * what waits for acceptance, what is broken, and how work flowed over a period —
 * all computed from local data, so it works offline.
 */
export function DashboardScreen() {
  const data = useDashboardData();
  const { settings, timeZone, loading: settingsLoading } = useWorkspace();
  const nowMs = useNowMinute();
  const [input, setInput] = useState<DashboardFilterInput>(DEFAULT_DASHBOARD_FILTER);

  const filter = useMemo(() => metricsFilterOf(input), [input]);
  const periodResult = useMemo(() => resolvePeriod(input, nowMs, timeZone), [input, nowMs, timeZone]);
  const period = useMemo(() => {
    if (periodResult.ok) return periodResult.period;
    const fallback = resolvePeriod(DEFAULT_DASHBOARD_FILTER, nowMs, timeZone);
    return fallback.ok ? fallback.period : null;
  }, [periodResult, nowMs, timeZone]);

  // The heavy part (stalled handoffs cost ~200 ms at 10k cards): only recompute when data, filters or the minute change.
  // Metrics wait for the settings (SLAs, people, zone) rather than paint with the defaults first.
  const snapshot = useMemo(() => (data === undefined || settingsLoading ? null : snapshotMetrics(data, filter, settings, nowMs)), [data, filter, settings, nowMs, settingsLoading]);
  const flow = useMemo(() => (data === undefined || period === null ? null : flowMetrics(data, filter, period, settings)), [data, filter, period, settings]);
  const clients = useMemo(() => [...new Set((data?.handoffs ?? []).map((handoff) => handoff.client.name))].sort(compareText), [data]);
  const templates = useMemo(() => latestTemplates(data?.templates ?? []), [data]);

  return (
    <div className="page dash-page">
      <div className="dash-inner">
        <h1 className="dash-title">Dashboard</h1>
        <DashboardFilters
          value={input}
          onChange={(patch) => setInput((current) => ({ ...current, ...patch }))}
          clients={clients}
          templates={templates}
          owners={settings.owners}
          periodError={periodResult.ok ? null : periodResult.error}
        />
        {snapshot === null ? (
          <p className="muted" role="status">
            Loading…
          </p>
        ) : (
          <>
            <StalledTable rows={snapshot.stalled} />
            <div className="dash-columns">
              <AwaitingPanel rows={snapshot.awaiting} />
              <ExceptionsPanel summary={snapshot.exceptions} timeZone={timeZone} />
            </div>
            <section className="dash-section" aria-labelledby="dash-flow-title">
              <h2 id="dash-flow-title" className="dash-flow-title">
                Flow metrics
              </h2>
              {flow === null ? null : <FlowCharts metrics={flow} />}
            </section>
          </>
        )}
      </div>
    </div>
  );
}
