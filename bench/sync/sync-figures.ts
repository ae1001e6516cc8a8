import { handoffToDealProperties } from '../../shared/hubspot/mapping';
import { PROP } from '../../shared/hubspot/properties';
import type { PushItem } from '../../shared/sync/protocol';
import { makeHandoff, TEMPLATE } from '../../test/integration/sync/fixtures';
import { chunk, HANDOFFS_PER_PUSH } from '../../renderer/src/sync/push-batches';
import { figure, type Figure } from '../results-schema';
import { BENCH_RATE_LIMIT, startSyncBenchHost, type SyncBenchHost } from './sync-bench-host';
import { runTeamFigures } from './team-figures';

/** Reads any push makes before its batches: the Handoffs pipeline lookup and the owner list. */
const PUSH_SETUP_READS = 2;
/** Pull reads of deal property history take at most this many ids per call (HubSpot's limit with history). */
const HISTORY_BATCH = 50;

/** "1k", "10k"… for figure names. */
export function sizeLabel(count: number): string {
  return count >= 1000 ? `${count / 1000}k` : String(count);
}

/** "path (status): count, …" of what the fake received since its last stats reset. */
function requestsByPath(host: SyncBenchHost): string {
  const counts = new Map<string, number>();
  for (const request of host.fake.stats.requests) {
    const key = `${request.method} ${request.path.split('?')[0] ?? request.path} ${request.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, n]) => `${key}: ${n}`).join(', ');
}

/** When (s after the first request) searches and other requests arrived at the fake. */
function timeline(host: SyncBenchHost): string {
  const requests = host.fake.stats.requests;
  const first = requests[0]?.at ?? 0;
  const span = (list: typeof requests) => (list.length === 0 ? '-' : `${((list[0]?.at ?? first) - first) / 1000}–${((list[list.length - 1]?.at ?? first) - first) / 1000} s`);
  return `searches ${span(requests.filter((r) => r.path.includes('/search')))}, reads ${span(requests.filter((r) => r.path.includes('/batch/read')))}`;
}

/**
 * Figure 5. `count` handoffs already linked to deals are changed locally and
 * pushed the way the renderer's sync run does it (`HANDOFFS_PER_PUSH` per
 * `sync.push` call, one call after the other) by a freshly started sync service.
 */
async function pushFigures(host: SyncBenchHost, count: number, log: (line: string) => void): Promise<Figure[]> {
  const label = sizeLabel(count);
  const owner = host.fake.colleague.addOwner({ email: 'sam@example.com', firstName: 'Sam', lastName: 'Sender' }).id;
  const items: PushItem[] = [];
  for (let i = 0; i < count; i += 1) {
    const synced = makeHandoff({ id: `h-${i}`, title: `Handoff ${i}`, sender: owner });
    const base = handoffToDealProperties(synced, TEMPLATE, host.pipeline);
    const deal = host.fake.colleague.createDeal({ dealname: synced.title, pipeline: host.pipeline.pipelineId, dealstage: host.pipeline.stageIds.IN_PROGRESS, [PROP.batonId]: synced.id });
    const changed = { ...synced, title: `Handoff ${i} (renamed)`, version: synced.version + 1 };
    const entry = { id: `ob-${i}`, seq: i + 1, handoffId: synced.id, kind: 'upsert_handoff' as const, refId: null, createdAt: '2026-11-20T08:00:00.000Z', attempts: 0, lastError: null, status: 'pending' as const };
    items.push({ handoff: changed, template: TEMPLATE, base, dealId: deal.id, entries: [entry] });
  }
  const handlers = host.freshHandlers();
  host.fake.stats.reset();
  const started = performance.now();
  let ok = 0;
  for (const batch of chunk(items, HANDOFFS_PER_PUSH)) {
    const { acks } = await handlers['sync.push']({ items: batch });
    ok += acks.filter((ack) => ack.status === 'ok').length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (ok !== count) throw new Error(`Push acknowledged ${ok} of ${count} handoffs as sent`);
  const requests = host.fake.stats.count();
  const minimum = Math.ceil(count / 100) + PUSH_SETUP_READS;
  const limitPerSecond = BENCH_RATE_LIMIT.burstPer10s / 10;
  const throughput = requests / seconds;
  log(`push: ${requests} requests (minimum ${minimum}) in ${seconds.toFixed(2)} s, ${host.fake.stats.rateLimited} x 429`);
  log(`push requests: ${requestsByPath(host)}`);
  return [
    figure(`sync-push-${label}-requests-ratio`, requests / minimum, 'x minimum', { op: '<=', value: 1.05 }, `${requests} requests for ${count} changed handoffs; minimum ${minimum} = ceil(N/100) batch calls + ${PUSH_SETUP_READS} setup reads (pipeline, owners)`),
    figure(`sync-push-${label}-throughput-share`, throughput / limitPerSecond, 'x limit', { op: '>=', value: 0.9 }, `${throughput.toFixed(1)} requests/s against a ${BENCH_RATE_LIMIT.burstPer10s}/10 s limit; wall ${seconds.toFixed(2)} s`),
    figure(`sync-push-${label}-429s`, host.fake.stats.rateLimited, 'responses', { op: '==', value: 0 }),
    figure(`sync-push-${label}-wall-s`, seconds, 's', null),
  ];
}

/**
 * Figure 6. `count` deals changed in HubSpot since the last sync (one a second
 * over the last hours, as a busy day would), pulled incrementally by a fresh
 * sync service: search pages of 200 at the 5/s search limit, plus the property
 * history reads an incremental pull makes to merge conflicts.
 */
async function pullFigures(host: SyncBenchHost, count: number, log: (line: string) => void): Promise<Figure[]> {
  const label = sizeLabel(count);
  const firstChange = Date.now() - (count + 60) * 1000;
  let tick = 0;
  const dealIds = host.withFakeClock(
    () => firstChange + tick * 1000,
    () =>
      Array.from({ length: count }, (_, i) => {
        tick = i;
        return host.fake.colleague.createDeal({ dealname: `Remote ${i}`, pipeline: host.pipeline.pipelineId, dealstage: host.pipeline.stageIds.IN_PROGRESS }).id;
      }),
  );
  const handlers = host.freshHandlers();
  // The last sync ran just before the first change, longer ago than the 5-minute look-back.
  const cursor = { lastModifiedMs: firstChange - 10 * 60_000 };
  host.fake.stats.reset();
  const started = performance.now();
  const result = await handlers['sync.pull']({ cursor, knownDealIds: dealIds, templates: [TEMPLATE] });
  const seconds = (performance.now() - started) / 1000;
  const pulled = new Set(result.deals.filter((d) => !d.archived).map((d) => d.dealId));
  const missing = dealIds.filter((id) => !pulled.has(id)).length;
  if (missing > 0) throw new Error(`Pull missed ${missing} of ${count} changed deals`);
  const searches = host.fake.stats.count('/crm/v3/objects/deals/search');
  const requests = host.fake.stats.count();
  const minimumSearches = Math.ceil(count / 200);
  const minimumSeconds = minimumSearches / BENCH_RATE_LIMIT.searchPerSecond;
  const historyReads = Math.ceil(count / HISTORY_BATCH);
  log(`pull requests: ${requestsByPath(host)}`);
  log(`pull timeline: ${timeline(host)}`);
  log(`pull: ${requests} requests (${searches} searches, minimum ${minimumSearches}) in ${seconds.toFixed(2)} s, ${host.fake.stats.rateLimited} x 429`);
  return [
    figure(`sync-pull-${label}-search-requests-ratio`, searches / minimumSearches, 'x minimum', null, `${searches} searches (minimum ceil(N/200) = ${minimumSearches}); ${requests} requests in all, incl. ${historyReads} expected history reads of ${HISTORY_BATCH}`),
    figure(`sync-pull-${label}-speed-vs-search-minimum`, minimumSeconds / seconds, 'x search-limit minimum', { op: '>=', value: 0.85 }, `${seconds.toFixed(2)} s for ${count} deals; the search limit alone needs ${minimumSeconds.toFixed(1)} s (${minimumSearches} pages at ${BENCH_RATE_LIMIT.searchPerSecond}/s)`),
    figure(`sync-pull-${label}-wall-s`, seconds, 's', null),
    figure(`sync-pull-${label}-429s`, host.fake.stats.rateLimited, 'responses', { op: '==', value: 0 }),
  ];
}

/** Figures 5 and 6 (Node: the real sync service against the HubSpot fake, real time). */
export async function runSyncFigures(count: number, log: (line: string) => void): Promise<Figure[]> {
  // A portal (and rate-limit window) of its own per figure: the push's deals must not show up as pull changes.
  const run = async (measure: (host: SyncBenchHost) => Promise<Figure[]>): Promise<Figure[]> => {
    const host = await startSyncBenchHost();
    try {
      const figures = await measure(host);
      if (host.warnings.length > 0) log(`sync warnings (${host.warnings.length}): ${host.warnings.slice(0, 3).join(' | ')}`);
      return figures;
    } finally {
      await host.close();
    }
  };
  return [...(await run((host) => pushFigures(host, count, log))), ...(await run((host) => pullFigures(host, count, log))), ...(await runTeamFigures(1_000, log))];
}
