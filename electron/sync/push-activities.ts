import type { Handoff } from '../../shared/domain/handoff';
import type { OutboxEntry } from '../../shared/sync/outbox';
import { syncError } from '../../shared/sync/protocol';
import type { SyncError } from '../../shared/sync/protocol';
import type { BatchInput, HubSpotGateway } from './hubspot-gateway';
import { RECORD_TYPE } from '../../shared/hubspot/record-type';
import type { RecordType } from '../../shared/hubspot/record-type';
import { toSyncError } from './hubspot-error';
import type { BatchResult } from './hubspot-schemas';
import type { HandoffEvent } from '../../shared/domain/history';
import { escapeHtml, noteMarker, noteRef, timelineNote } from './timeline-notes';
import type { Readable } from '../../shared/sync/protocol';

export { noteMarker } from './timeline-notes';

/**
 * Notes (the deal's timeline: timeline-notes.ts) and the receiver's next-action
 * task. Creating an activity is not idempotent in HubSpot, so every one
 * carries a bracketed marker (`[baton-ref:<id>]`, exact so `cu-1` never matches `cu-10`) and the record's existing activities are
 * read first (every page of its associations): a retried push finds the earlier write instead of duplicating it.
 */

export type ActivityOutcome = { status: 'ok' } | { status: 'retry' | 'failed'; error: SyncError };

export interface ActivityWork {
  handoff: Handoff;
  dealId: string;
  entries: OutboxEntry[];
  /** The handoff's history as the pushing desktop holds it: who handed over or accepted, and when. */
  events?: readonly HandoffEvent[];
}

export interface ActivityContext {
  gateway: HubSpotGateway;
  /** What the activities hang on (deal or ticket); decides the association type ids. */
  recordType: RecordType;
  ownerIds: ReadonlySet<string> | null;
  now: () => Date;
  /** People's names and the workspace's zone, so notes read as names and local times. */
  readable: Readable;
}

const NOTE_KINDS = new Set<OutboxEntry['kind']>(['log_client_update', 'log_handoff_receipt', 'log_bounce', 'log_hand_over']);

export function taskMarker(handoffId: string): string {
  return `[baton-task:${escapeHtml(handoffId)}]`;
}

async function readBodies(ctx: ActivityContext, type: 'notes' | 'tasks', dealIds: string[], bodyProperty: string, extra: string[] = []): Promise<{ id: string; properties: Record<string, string | null> }[]> {
  const associated = await ctx.gateway.associatedIds(ctx.recordType, type, dealIds);
  const ids = [...new Set([...associated.values()].flat())];
  const objects: { id: string; properties: Record<string, string | null> }[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const result = await ctx.gateway.batchRead(type, ids.slice(i, i + 100), [bodyProperty, ...extra]);
    objects.push(...result.results);
  }
  return objects;
}

interface Planned {
  traceId: string;
  entryIds: string[];
}

function settle(result: BatchResult, planned: readonly Planned[], out: Map<string, ActivityOutcome>): void {
  const ok = new Set(result.results.map((r) => r.objectWriteTraceId).filter((t): t is string => t !== undefined));
  const failed = new Map<string, string>();
  for (const error of result.errors ?? []) for (const t of error.context?.['objectWriteTraceId'] ?? []) failed.set(t, error.message ?? 'refused');
  const unmatchedOk = result.results.length === planned.length && ok.size === 0;
  for (const p of planned) {
    const reason = failed.get(p.traceId);
    const outcome: ActivityOutcome =
      reason !== undefined
        ? { status: 'failed', error: syncError('HUBSPOT_VALIDATION', `HubSpot refused the activity: ${reason}`) }
        : ok.has(p.traceId) || unmatchedOk
          ? { status: 'ok' }
          : { status: 'retry', error: syncError('HUBSPOT_BAD_RESPONSE', "HubSpot's answer did not mention this activity; it will be checked again.") };
    for (const id of p.entryIds) out.set(id, outcome);
  }
}

async function pushNotes(works: readonly ActivityWork[], ctx: ActivityContext, out: Map<string, ActivityOutcome>): Promise<void> {
  const wanted = works.flatMap((w) => w.entries.filter((e) => NOTE_KINDS.has(e.kind)).map((entry) => ({ work: w, entry })));
  if (wanted.length === 0) return;
  const existing = await readBodies(ctx, 'notes', [...new Set(wanted.map((w) => w.work.dealId))], 'hs_note_body');
  const bodies = existing.map((n) => n.properties['hs_note_body'] ?? '');
  const inputs: { input: BatchInput; planned: Planned }[] = [];
  const now = ctx.now().toISOString();
  for (const { work, entry } of wanted) {
    if (bodies.some((b) => b.includes(noteMarker(noteRef(entry))))) {
      out.set(entry.id, { status: 'ok' });
      continue;
    }
    const note = timelineNote(entry, work.handoff, work.events ?? [], ctx.readable, now);
    if ('error' in note) {
      out.set(entry.id, { status: 'failed', error: note.error });
      continue;
    }
    if ('skip' in note) {
      out.set(entry.id, { status: 'ok' });
      continue;
    }
    inputs.push({
      input: {
        properties: { hs_note_body: note.body, hs_timestamp: note.at },
        associations: [{ to: { id: work.dealId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: RECORD_TYPE[ctx.recordType].noteToRecord }] }],
        objectWriteTraceId: entry.id,
      },
      planned: { traceId: entry.id, entryIds: [entry.id] },
    });
  }
  // A create whose answer was lost may have been applied: look for each chunk's markers before sending it again.
  const markerOf = new Map(wanted.map(({ entry }) => [entry.id, noteMarker(noteRef(entry))]));
  const written = alreadyWritten(ctx, 'notes', 'hs_note_body', (traceId) => markerOf.get(traceId));
  for (let i = 0; i < inputs.length; i += 100) await createChunk(ctx, 'notes', inputs.slice(i, i + 100), written, out);
}

/** The records (deals or tickets) the inputs are associated with. */
function recordsOf(sent: readonly BatchInput[]): string[] {
  return [...new Set(sent.flatMap((input) => input.associations?.map((a) => a.to.id) ?? []))];
}

/**
 * How to tell which of the inputs sent are already in HubSpot: the trace ids of those whose marker is in
 * one of the bodies of the `type` objects associated with their records.
 */
function alreadyWritten(ctx: ActivityContext, type: 'notes' | 'tasks', bodyProperty: string, markerOf: (traceId: string) => string | undefined) {
  return async (sent: readonly BatchInput[]): Promise<ReadonlySet<string>> => {
    const bodies = (await readBodies(ctx, type, recordsOf(sent), bodyProperty)).map((o) => o.properties[bodyProperty] ?? '');
    const found = new Set<string>();
    for (const input of sent) {
      const marker = input.objectWriteTraceId === undefined ? undefined : markerOf(input.objectWriteTraceId);
      if (input.objectWriteTraceId !== undefined && marker !== undefined && bodies.some((b) => b.includes(marker))) found.add(input.objectWriteTraceId);
    }
    return found;
  };
}

/** One checked batch create (`HubSpotGateway.batchCreateChecked`): what was found already written counts as done. */
async function createChunk(ctx: ActivityContext, type: 'notes' | 'tasks', chunk: readonly { input: BatchInput; planned: Planned }[], written: (sent: readonly BatchInput[]) => Promise<ReadonlySet<string>>, out: Map<string, ActivityOutcome>): Promise<void> {
  const { result, written: found } = await ctx.gateway.batchCreateChecked(type, chunk.map((c) => c.input), written);
  const already = new Set(found);
  for (const c of chunk) if (already.has(c.planned.traceId)) for (const id of c.planned.entryIds) out.set(id, { status: 'ok' });
  settle(result, chunk.filter((c) => !already.has(c.planned.traceId)).map((c) => c.planned), out);
}

async function pushTasks(works: readonly ActivityWork[], ctx: ActivityContext, out: Map<string, ActivityOutcome>): Promise<void> {
  const wanted = works.filter((w) => w.entries.some((e) => e.kind === 'sync_next_action_task'));
  if (wanted.length === 0) return;
  const existing = await readBodies(ctx, 'tasks', [...new Set(wanted.map((w) => w.dealId))], 'hs_task_body', ['hs_task_status']);
  const creates: { input: BatchInput; planned: Planned; handoffId: string }[] = [];
  const updates: { input: BatchInput; planned: Planned }[] = [];
  for (const work of wanted) {
    const entryIds = work.entries.filter((e) => e.kind === 'sync_next_action_task').map((e) => e.id);
    const traceId = entryIds[0] ?? work.handoff.id;
    const task = existing.find((t) => (t.properties['hs_task_body'] ?? '').includes(taskMarker(work.handoff.id)));
    const { handoff } = work;
    const open = handoff.nextAction !== null && handoff.archivedAt === null && handoff.state !== 'HANDOFF_DONE';
    const owner: Record<string, string> = handoff.receiver !== null && (ctx.ownerIds === null || ctx.ownerIds.has(handoff.receiver)) ? { hubspot_owner_id: handoff.receiver } : {};
    const properties: Record<string, string> = handoff.nextAction
      ? {
          hs_task_subject: handoff.nextAction.text.slice(0, 500),
          hs_timestamp: handoff.nextAction.dueAt,
          hs_task_body: `Next action for the handoff "${escapeHtml(handoff.title)}". ${taskMarker(handoff.id)}`,
          hs_task_status: open ? 'NOT_STARTED' : 'COMPLETED',
          ...owner,
        }
      : { hs_task_status: 'COMPLETED' };
    if (task) updates.push({ input: { id: task.id, properties, objectWriteTraceId: traceId }, planned: { traceId, entryIds } });
    else if (open) {
      creates.push({
        input: { properties, associations: [{ to: { id: work.dealId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: RECORD_TYPE[ctx.recordType].taskToRecord }] }], objectWriteTraceId: traceId },
        planned: { traceId, entryIds },
        handoffId: work.handoff.id,
      });
    } else for (const id of entryIds) out.set(id, { status: 'ok' });
  }
  // A task create whose answer was lost may have been applied: its handoff's marker says so.
  const handoffOf = new Map(creates.map((c) => [c.planned.traceId, c.handoffId]));
  const written = alreadyWritten(ctx, 'tasks', 'hs_task_body', (traceId) => {
    const handoffId = handoffOf.get(traceId);
    return handoffId === undefined ? undefined : taskMarker(handoffId);
  });
  for (let i = 0; i < creates.length; i += 100) await createChunk(ctx, 'tasks', creates.slice(i, i + 100), written, out);
  for (let i = 0; i < updates.length; i += 100) {
    const chunk = updates.slice(i, i + 100);
    settle(await ctx.gateway.batchWrite('tasks', 'update', chunk.map((c) => c.input)), chunk.map((c) => c.planned), out);
  }
}

/** Sync notes and tasks; a call that fails leaves its entries pending (retry) with the reason. */
export async function pushActivities(works: readonly ActivityWork[], ctx: ActivityContext): Promise<Map<string, ActivityOutcome>> {
  const out = new Map<string, ActivityOutcome>();
  const steps = [
    { run: pushNotes, kinds: NOTE_KINDS },
    { run: pushTasks, kinds: new Set<OutboxEntry['kind']>(['sync_next_action_task']) },
  ];
  for (const step of steps) {
    try {
      await step.run(works, ctx, out);
    } catch (error) {
      const sync = toSyncError(error);
      for (const work of works) {
        for (const entry of work.entries) if (step.kinds.has(entry.kind) && !out.has(entry.id)) out.set(entry.id, { status: 'retry', error: sync });
      }
    }
  }
  return out;
}
