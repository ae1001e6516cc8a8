import type { PipelineIds } from '../../shared/hubspot/mapping';
import type { RecordType } from '../../shared/hubspot/record-type';
import { PROP } from '../../shared/hubspot/properties';
import { CARRIER_PROPERTIES } from '../../shared/sync/carrier';
import type { RemoteDeal, SyncCursor } from '../../shared/sync/protocol';
import type { HubSpotGateway } from './hubspot-gateway';
import type { CrmObject } from './hubspot-schemas';

/**
 * Incremental pull of deals in the Handoffs pipeline. Search is sorted by
 * `hs_lastmodifieddate` (one sort allowed), paged 200 at a time, and split into
 * new time windows before the 10,000-results cap; a window made entirely of
 * one timestamp is swept by `hs_object_id`. Search is eventually consistent,
 * so each pull looks back `lookbackMs` before the cursor and relies on
 * reconcile being idempotent.
 */

export const MODIFIED = 'hs_lastmodifieddate';
export const OBJECT_ID = 'hs_object_id';

export interface PullContext {
  gateway: HubSpotGateway;
  /** The HubSpot object handoffs live on; property names stay Baton's canonical ones (the gateway renames). */
  recordType: RecordType;
  pipeline: PipelineIds;
  /** Mapped properties to read. */
  properties: string[];
  /** How far before the cursor to look again for late-indexed writes. Default 5 minutes. */
  lookbackMs?: number;
  /** HubSpot's cap on results per search query (10,000); only tests lower it. */
  maxResultsPerQuery?: number;
  pageSize?: number;
  /** Property-history reads per call (history makes responses large). */
  historyBatchSize?: number;
  onProgress?: (done: number, total: number | null) => void;
}

export interface PullOutcome {
  deals: RemoteDeal[];
  cursor: SyncCursor;
}

function modifiedMs(object: CrmObject): number {
  const raw = object.properties[MODIFIED] ?? object.updatedAt ?? '';
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isNaN(ms) ? 0 : ms;
}

type Filter = { propertyName: string; operator: string; value?: string };

async function searchAll(ctx: PullContext, since: number | null, collect: (objects: CrmObject[]) => void): Promise<void> {
  const cap = ctx.maxResultsPerQuery ?? 10_000;
  const limit = Math.min(200, ctx.pageSize ?? 200);
  const inPipeline: Filter = { propertyName: PROP.pipeline, operator: 'EQ', value: ctx.pipeline.pipelineId };
  const properties = [...new Set([...ctx.properties, MODIFIED, OBJECT_ID])];

  /** One query, paged until done or until the next page would pass the cap. Returns the objects it saw and whether it ran out. */
  const runQuery = async (filters: Filter[], sortBy: string): Promise<{ seen: CrmObject[]; exhausted: boolean }> => {
    const seen: CrmObject[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ctx.gateway.search(ctx.recordType, {
        filterGroups: [{ filters: [inPipeline, ...filters] }],
        sorts: [{ propertyName: sortBy, direction: 'ASCENDING' }],
        properties,
        limit,
        ...(after ? { after } : {}),
      });
      seen.push(...page.results);
      collect(page.results);
      after = page.paging?.next?.after;
      if (!after || page.results.length === 0) return { seen, exhausted: true };
      if (Number(after) + limit > cap || seen.length + limit > cap) return { seen, exhausted: false };
    }
  };

  let lower = since;
  for (;;) {
    const { seen, exhausted } = await runQuery(lower === null ? [] : [{ propertyName: MODIFIED, operator: 'GT', value: String(lower) }], MODIFIED);
    if (exhausted || seen.length === 0) return;
    const first = modifiedMs(seen[0] as CrmObject);
    const last = Math.max(...seen.map(modifiedMs));
    if (first === last) {
      // More than a window's worth share one timestamp (a bulk update): sweep them by id.
      let afterId = '0';
      for (;;) {
        const sweep = await runQuery(
          [
            { propertyName: MODIFIED, operator: 'EQ', value: String(last) },
            { propertyName: OBJECT_ID, operator: 'GT', value: afterId },
          ],
          OBJECT_ID,
        );
        if (sweep.exhausted || sweep.seen.length === 0) break;
        afterId = sweep.seen.reduce((max, o) => (BigInt(o.id) > BigInt(max) ? o.id : max), afterId);
      }
      lower = last;
    } else {
      // Start the next window at the newest timestamp seen (again, in case it was cut mid-way); duplicates are dropped.
      lower = last - 1;
    }
  }
}

function toRemoteDeal(object: CrmObject, names: readonly string[]): RemoteDeal {
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = object.properties[name] ?? null;
  const history: RemoteDeal['history'] = {};
  for (const [name, entries] of Object.entries(object.propertiesWithHistory ?? {})) {
    history[name] = entries
      .map((e) => ({ value: e.value ?? null, timestamp: e.timestamp }))
      .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
  }
  return {
    dealId: object.id,
    batonId: object.properties[PROP.batonId] ?? null,
    properties,
    history,
    archived: false,
    updatedAt: new Date(modifiedMs(object)).toISOString(),
  };
}

/** History reads in flight at once while the search pages on (the limiter still paces them). */
export const HISTORY_READ_CONCURRENCY = 8;

/**
 * Reads property history for deals as the search finds them, in batches, a few
 * at a time, so the reads overlap the search paging (which waits on the 5/s
 * search limit) instead of starting only after it. Failures are kept and
 * rethrown by `finish`, after every read has settled.
 */
function historyReader(ctx: PullContext) {
  const size = ctx.historyBatchSize ?? 50;
  const requested = new Set<string>();
  let waiting: string[] = [];
  const settled: Promise<void>[] = [];
  const results: CrmObject[] = [];
  let failure: { error: unknown } | null = null;
  let running = 0;
  const queue: Array<() => void> = [];

  const start = (ids: string[]) => {
    const run = async () => {
      running += 1;
      try {
        // The Baton record is read but its history is not: it is large, and the record itself holds its history.
        const result = await ctx.gateway.batchRead(ctx.recordType, ids, [...ctx.properties, MODIFIED], ctx.properties.filter((name) => !CARRIER_PROPERTIES.includes(name)));
        results.push(...result.results);
      } catch (error) {
        failure ??= { error };
      } finally {
        running -= 1;
        queue.shift()?.();
      }
    };
    settled.push(
      running < HISTORY_READ_CONCURRENCY
        ? run()
        : new Promise<void>((resolve) => {
            queue.push(() => resolve(run()));
          }),
    );
  };

  return {
    add(objects: readonly CrmObject[]) {
      for (const object of objects) {
        if (requested.has(object.id)) continue;
        requested.add(object.id);
        waiting.push(object.id);
        if (waiting.length >= size) {
          start(waiting);
          waiting = [];
        }
      }
    },
    async finish(): Promise<CrmObject[]> {
      if (waiting.length > 0) start(waiting);
      waiting = [];
      // Reads queued behind others are added to `settled` as they start: wait until none is left.
      for (let seen = 0; seen < settled.length; seen = settled.length) await Promise.all(settled.slice(seen));
      if (failure) throw failure.error;
      return results;
    },
  };
}

/**
 * Known deals that are gone: read them as archived, so the Baton record an archive made in Baton wrote
 * before deleting the deal arrives (the archive then folds in as that act by that person). A deal gone
 * for good, or deleted by someone not using Baton, arrives without a record, as before. A deal whose
 * handoff also came back on a live deal (restored: a new deal with the same `baton_id`) is left out.
 */
async function readDeleted(ctx: PullContext, ids: readonly string[], live: readonly RemoteDeal[]): Promise<RemoteDeal[]> {
  if (ids.length === 0) return [];
  const names = [PROP.batonId, PROP.pipeline, PROP.stage, ...CARRIER_PROPERTIES];
  const result = await ctx.gateway.batchRead(ctx.recordType, [...ids], names, [], true);
  const read = new Map(result.results.map((o) => [o.id, o]));
  const restored = new Set(live.filter((d) => !d.archived && d.batonId !== null).map((d) => d.batonId));
  const gone: RemoteDeal[] = [];
  for (const id of ids) {
    const object = read.get(id);
    if (object && restored.has(object.properties[PROP.batonId] ?? null)) continue;
    gone.push(object ? { ...toRemoteDeal(object, names), archived: true } : { dealId: id, batonId: null, properties: {}, history: {}, archived: true, updatedAt: new Date(0).toISOString() });
  }
  return gone;
}

export async function pull(request: { cursor: SyncCursor | null; knownDealIds: readonly string[] }, ctx: PullContext): Promise<PullOutcome> {
  const lookback = ctx.lookbackMs ?? 5 * 60_000;
  const since = request.cursor === null ? null : Math.max(0, request.cursor.lastModifiedMs - lookback);
  const found = new Map<string, CrmObject>();
  // Incremental: read property history so conflicts are decided by HubSpot's own timestamps.
  const history = request.cursor === null ? null : historyReader(ctx);
  try {
    await searchAll(ctx, since, (objects) => {
      for (const object of objects) found.set(object.id, object);
      history?.add(objects);
      ctx.onProgress?.(found.size, null);
    });
  } catch (error) {
    // Let reads already started settle before the failure travels on.
    await history?.finish().catch(() => undefined);
    throw error;
  }

  let changed = [...found.values()];
  if (history !== null) {
    const withHistory = await history.finish();
    const readIds = new Set(withHistory.map((o) => o.id));
    // A deal deleted between search and read is picked up by the deletion check below.
    changed = [...withHistory, ...changed.filter((o) => !readIds.has(o.id) && !request.knownDealIds.includes(o.id))];
  }

  const deals = changed.map((object) => toRemoteDeal(object, ctx.properties));
  const present = new Set(deals.map((d) => d.dealId));
  const toCheck = request.knownDealIds.filter((id) => !present.has(id));
  // Known deals the search did not return are either unchanged, deleted, or moved to another
  // pipeline (the search only covers the Handoffs pipeline): one read tells them apart.
  const located = [PROP.batonId, PROP.pipeline, PROP.stage];
  for (let i = 0; i < toCheck.length; i += 100) {
    const ids = toCheck.slice(i, i + 100);
    const result = await ctx.gateway.batchRead(ctx.recordType, ids, located);
    const alive = new Set(result.results.map((o) => o.id));
    deals.push(...(await readDeleted(ctx, ids.filter((id) => !alive.has(id)), deals)));
    for (const object of result.results) {
      const pipeline = object.properties[PROP.pipeline];
      // Only the pipeline and stage: reconcile flags the move and merges nothing else of a deal it cannot follow.
      if (pipeline && pipeline !== ctx.pipeline.pipelineId) deals.push(toRemoteDeal(object, located));
    }
  }

  const newest = Math.max(request.cursor?.lastModifiedMs ?? 0, ...changed.map(modifiedMs));
  return { deals, cursor: { lastModifiedMs: newest } };
}
