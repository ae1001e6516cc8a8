import type { Handoff } from '../../shared/domain/handoff';
import type { Template } from '../../shared/domain/template';
import type { OutboxEntry } from '../../shared/sync/outbox';
import { handoffToDealProperties } from '../../shared/hubspot/mapping';
import type { PipelineIds } from '../../shared/hubspot/mapping';
import type { RecordType } from '../../shared/hubspot/record-type';
import { PROP } from '../../shared/hubspot/properties';
import { syncError } from '../../shared/sync/protocol';
import type { SyncBase, SyncError } from '../../shared/sync/protocol';
import type { BatchError, BatchResult, CrmObject } from './hubspot-schemas';
import type { BatchInput, HubSpotGateway } from './hubspot-gateway';
import { HubSpotError, toSyncError } from './hubspot-error';
import type { CarriedEvent } from '../../shared/sync/carrier';
import { CarrierTooLarge, encodeCarrier } from '../../shared/sync/carrier';

/** A push item after IPC validation. */
export interface PushWork {
  handoff: Handoff;
  template: Template;
  base: SyncBase | null;
  dealId: string | null;
  entries: OutboxEntry[];
  log?: CarriedEvent[];
}

export type DealOutcome = { status: 'ok'; dealId: string | null; newBase: SyncBase } | { status: 'retry' | 'failed'; error: SyncError };

interface Planned {
  index: number;
  input: BatchInput;
  /** The canonical values this write sends; merged into the base on success. */
  sent: SyncBase;
}

export interface DealPushContext {
  gateway: HubSpotGateway;
  /** The HubSpot object handoffs live on (deals or tickets); property names stay canonical. */
  recordType: RecordType;
  pipeline: PipelineIds;
  /** HubSpot owner ids of the account; null when unknown (then owner fields are sent as they are). */
  ownerIds: ReadonlySet<string> | null;
}

/** Errors that are about the connection, not the record: stop calling, keep everything pending. */
function stopsThePush(error: SyncError): boolean {
  return error.code === 'HUBSPOT_AUTH' || error.code === 'HUBSPOT_SCOPE' || (error.code === 'HUBSPOT_RATE_LIMIT' && error.detail === 'DAILY');
}

/** The mapped properties that changed since the base, minus owner ids HubSpot would refuse. */
export function changedProperties(work: PushWork, ctx: DealPushContext): SyncBase {
  // The Baton record goes with the mirrored properties in the same write: one request carries both.
  const mirrored = handoffToDealProperties(work.handoff, work.template, ctx.pipeline);
  const record = work.log ? encodeCarrier(work.handoff, work.template, work.log, mirrored) : {};
  const current = { ...mirrored, ...record };
  const changed: SyncBase = {};
  for (const [name, value] of Object.entries(current)) {
    const unchanged = work.base !== null && Object.hasOwn(work.base, name) && work.base[name] === value;
    if (unchanged) continue;
    // A local (not yet HubSpot) owner id would fail the whole record: leave HubSpot's owner alone.
    if (name === PROP.sender && value !== null && ctx.ownerIds !== null && !ctx.ownerIds.has(value)) continue;
    changed[name] = value;
  }
  return changed;
}

function toWire(properties: SyncBase): Record<string, string> {
  // HubSpot clears a property with "".
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v ?? '']));
}

function traceIdOf(work: PushWork): string {
  const entry = work.entries.find((e) => e.kind === 'upsert_handoff') ?? work.entries[0];
  return entry?.id ?? work.handoff.id;
}

function batchErrorToSync(error: BatchError): SyncError {
  const notFound = error.category === 'OBJECT_NOT_FOUND';
  return syncError(notFound ? 'HUBSPOT_NOT_FOUND' : 'HUBSPOT_VALIDATION', `HubSpot refused this handoff's deal: ${error.message ?? error.category ?? 'no reason given'}`, {
    detail: error.category ?? null,
  });
}

/** Which planned write a batch result or error is about. */
function matchResults(planned: readonly Planned[], result: BatchResult, mode: 'update' | 'upsert'): Map<number, { object: CrmObject } | { error: BatchError }> {
  const byTrace = new Map(planned.map((p) => [p.input.objectWriteTraceId ?? '', p]));
  const byKey = new Map(planned.map((p) => [p.input.id ?? '', p]));
  const matched = new Map<number, { object: CrmObject } | { error: BatchError }>();
  for (const object of result.results) {
    const key = mode === 'upsert' ? object.properties[PROP.batonId] : object.id;
    const p = (object.objectWriteTraceId ? byTrace.get(object.objectWriteTraceId) : undefined) ?? (key ? byKey.get(key) : undefined);
    if (p) matched.set(p.index, { object });
  }
  for (const error of result.errors ?? []) {
    const traces = error.context?.['objectWriteTraceId'] ?? [];
    const ids = error.context?.['ids'] ?? [];
    for (const p of [...traces.map((t) => byTrace.get(t)), ...ids.map((id) => byKey.get(id))]) {
      if (p && !matched.has(p.index)) matched.set(p.index, { error });
    }
  }
  return matched;
}

async function runChunk(ctx: DealPushContext, mode: 'update' | 'upsert', chunk: Planned[], works: readonly PushWork[], out: Map<number, DealOutcome>, stop: { error: SyncError | null }): Promise<void> {
  if (stop.error) {
    for (const p of chunk) out.set(p.index, { status: 'retry', error: stop.error });
    return;
  }
  let result: BatchResult;
  try {
    result = await ctx.gateway.batchWrite(ctx.recordType, mode, chunk.map((p) => p.input));
  } catch (error) {
    const sync = toSyncError(error);
    const permanent = error instanceof HubSpotError && !error.retryable && (sync.code === 'HUBSPOT_VALIDATION' || sync.code === 'HUBSPOT_NOT_FOUND');
    if (permanent && chunk.length > 1) {
      // One bad record can sink a whole batch: retry one by one to isolate it.
      for (const p of chunk) await runChunk(ctx, mode, [p], works, out, stop);
      return;
    }
    if (stopsThePush(sync)) stop.error = sync;
    for (const p of chunk) out.set(p.index, { status: permanent ? 'failed' : 'retry', error: sync });
    return;
  }
  const matched = matchResults(chunk, result, mode);
  for (const p of chunk) {
    const found = matched.get(p.index);
    const work = works[p.index];
    if (!found || !work) {
      out.set(p.index, { status: 'retry', error: syncError('HUBSPOT_BAD_RESPONSE', "HubSpot's answer did not mention this handoff's deal; it will be sent again.") });
    } else if ('error' in found) {
      out.set(p.index, { status: 'failed', error: batchErrorToSync(found.error) });
    } else {
      out.set(p.index, { status: 'ok', dealId: found.object.id, newBase: { ...(work.base ?? {}), ...p.sent } });
    }
  }
}

/**
 * Write every handoff's deal: batch update for known deals, batch upsert keyed
 * by `baton_id` for the others (so a retried batch can never duplicate a
 * deal), batch archive for archived handoffs. At most 100 inputs per call.
 */
export async function pushDeals(works: readonly PushWork[], ctx: DealPushContext): Promise<Map<number, DealOutcome>> {
  const out = new Map<number, DealOutcome>();
  const updates: Planned[] = [];
  const upserts: Planned[] = [];
  const archives: { index: number; dealId: string }[] = [];

  works.forEach((work, index) => {
    if (work.handoff.archivedAt !== null && !work.dealId) {
      out.set(index, { status: 'ok', dealId: null, newBase: work.base ?? {} });
      return;
    }
    // An archived handoff's record (with the archive act) is written before its deal is archived, so the other
    // desktops read the act from the archived deal instead of archiving the card as a HubSpot event of their own.
    if (work.handoff.archivedAt !== null && work.dealId) archives.push({ index, dealId: work.dealId });
    let sent: SyncBase;
    try {
      sent = changedProperties(work, ctx);
    } catch (error) {
      if (!(error instanceof CarrierTooLarge)) throw error;
      out.set(index, { status: 'failed', error: syncError('HUBSPOT_VALIDATION', error.message) });
      return;
    }
    const objectWriteTraceId = traceIdOf(work);
    if (work.dealId) {
      if (Object.keys(sent).length === 0) out.set(index, { status: 'ok', dealId: work.dealId, newBase: work.base ?? {} });
      else updates.push({ index, sent, input: { id: work.dealId, properties: toWire(sent), objectWriteTraceId } });
    } else {
      // baton_id is sent as a property too, so HubSpot's answer names it even without the trace id.
      const withId = { ...sent, [PROP.batonId]: work.handoff.id };
      upserts.push({ index, sent: withId, input: { id: work.handoff.id, idProperty: PROP.batonId, properties: toWire(withId), objectWriteTraceId } });
    }
  });

  const stop: { error: SyncError | null } = { error: null };
  for (const [mode, planned] of [['update', updates], ['upsert', upserts]] as const) {
    for (let i = 0; i < planned.length; i += 100) await runChunk(ctx, mode, planned.slice(i, i + 100), works, out, stop);
  }
  await recreateRestored(works, ctx, out, stop);
  await archiveDeals(archives, works, ctx, out, stop);
  return out;
}

/** A live handoff whose latest archive-or-restore act is a restore (not a deal someone deleted in HubSpot since). */
function restoredLast(work: PushWork): boolean {
  if (work.handoff.archivedAt !== null) return false;
  // The log is in storage order, not history order: the latest act is the one with the highest seq (then time).
  let last: CarriedEvent | null = null;
  for (const e of work.log ?? []) {
    if (e.event.kind !== 'archived' && e.event.kind !== 'restored') continue;
    if (last === null || e.seq > last.seq || (e.seq === last.seq && e.event.at > last.event.at)) last = e;
  }
  return last?.event.kind === 'restored';
}

/**
 * A restored handoff whose deal was archived: HubSpot's API cannot bring an archived deal back, so the
 * deal is made again by `baton_id` with every property and the record (whose log holds the restore),
 * and the handoff takes the new deal id. The other desktops find the new deal in their search.
 */
async function recreateRestored(works: readonly PushWork[], ctx: DealPushContext, out: Map<number, DealOutcome>, stop: { error: SyncError | null }): Promise<void> {
  const again: Planned[] = [];
  for (const [index, outcome] of out) {
    const work = works[index];
    if (!work || !restoredLast(work) || outcome.status !== 'failed' || outcome.error.code !== 'HUBSPOT_NOT_FOUND') continue;
    const fresh: PushWork = { ...work, base: null, dealId: null };
    let sent: SyncBase;
    try {
      sent = { ...changedProperties(fresh, ctx), [PROP.batonId]: work.handoff.id };
    } catch (error) {
      if (!(error instanceof CarrierTooLarge)) throw error;
      continue;
    }
    again.push({ index, sent, input: { id: work.handoff.id, idProperty: PROP.batonId, properties: toWire(sent), objectWriteTraceId: traceIdOf(work) } });
  }
  const fresh = works.map((w) => ({ ...w, base: null }));
  for (let i = 0; i < again.length; i += 100) await runChunk(ctx, 'upsert', again.slice(i, i + 100), fresh, out, stop);
}

/** Archive the deals of archived handoffs whose record was written (or had nothing new to write). */
async function archiveDeals(archives: readonly { index: number; dealId: string }[], works: readonly PushWork[], ctx: DealPushContext, out: Map<number, DealOutcome>, stop: { error: SyncError | null }): Promise<void> {
  // A record write that met a deal already gone: nothing left to write or archive.
  const ready = archives.filter((a) => {
    const written = out.get(a.index);
    if (written?.status === 'failed' && written.error.code === 'HUBSPOT_NOT_FOUND') {
      out.set(a.index, { status: 'ok', dealId: a.dealId, newBase: works[a.index]?.base ?? {} });
      return false;
    }
    return written?.status === 'ok';
  });
  for (let i = 0; i < ready.length; i += 100) {
    const chunk = ready.slice(i, i + 100);
    try {
      if (stop.error) throw new HubSpotError({ ...stop.error });
      await ctx.gateway.batchArchive(ctx.recordType, chunk.map((a) => a.dealId));
    } catch (error) {
      const sync = toSyncError(error);
      for (const a of chunk) out.set(a.index, { status: 'retry', error: sync });
    }
  }
}
