/**
 * Bench-only page script (never shipped): bundled by `bench/browser/build-bench.ts`
 * into `dist-bench/bench/seed.js` and loaded into the app's own origin, so it
 * writes the same IndexedDB (`baton`) the app reads. Seeding goes through the
 * renderer's data layer (`ensureWorkspace`, the domain `createHandoff`, the
 * data layer's validation and `appendOutbox`, in rw transactions over
 * `changeTables`, a chunk of records per transaction); the "bare" baselines
 * use Dexie directly on the same database in the same page.
 */
import { Dexie } from 'dexie';
import { createHandoff as buildHandoff } from '../../shared/domain/commands';
import { HANDOFF_STATES } from '../../shared/domain/states';
import type { Handoff } from '../../shared/domain/handoff';
import type { Template } from '../../shared/domain/template';
import type { PullResult, RemoteDeal } from '../../shared/sync/protocol';
import { SEED_TEMPLATES } from '../../shared/seed/templates';
import { DEFAULT_DB_NAME, openBatonDb, withoutLatestFlag } from '../../renderer/src/data/db';
import { changeTables } from '../../renderer/src/data/change-writer';
import type { HandoffEvent } from '../../shared/domain/history';
import { outboxForCreate } from '../../shared/sync/outbox-rules';
import { RANK_STEP } from '../../renderer/src/data/ranks';
import { ensureWorkspace, removeDemoWorkspace } from '../../renderer/src/data/workspace';
import { appendOutbox, newId, validEvent, validHandoff } from '../../renderer/src/data/write-support';
import { commitPull } from '../../renderer/src/sync/commit-pull';
import { runCommand } from '../../renderer/src/data/commands';
import { reconcile } from '../../shared/sync/reconcile';
import { HandoffStateSchema } from '../../shared/domain/states';
import { HandoffCommandSchema, type HandoffCommand } from '../../shared/domain/command-schema';
import { readWorkspaceInOneTransaction } from '../../renderer/src/backup/workspace-snapshot';
import { BACKUPS_DB_NAME } from '../../renderer/src/backup/backups-db';
import type { BackupUnderTest, BenchPageApi, ImportTiming, MovesDuringBackup, SeedResult } from './bench-page-api';

const CHUNK = 2_000;
const CLIENTS = ['Acme Co', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent'];
const STAGE_IDS = { IN_PROGRESS: 'stage-progress', READY_FOR_HANDOFF: 'stage-ready', IN_HANDOFF: 'stage-handoff', HANDOFF_DONE: 'stage-done' } as const;

export function seedTitle(index: number): string {
  return `Bench handoff ${index}`;
}

export function seedClient(index: number): string {
  return CLIENTS[index % CLIENTS.length] ?? 'Acme Co';
}

/** One handoff built by the domain's own `createHandoff`, then placed in a column (seed data skips the gates). */
function buildSeedHandoff(index: number, count: number, template: Template, at: string): { handoff: Handoff; event: HandoffEvent } {
  const state = HANDOFF_STATES[index % HANDOFF_STATES.length] ?? 'IN_PROGRESS';
  const rank = (Math.floor(index / HANDOFF_STATES.length) + 1) * RANK_STEP;
  const built = buildHandoff(
    { title: seedTitle(index), client: { name: seedClient(index), hubspotCompanyId: null, hubspotDealId: null }, templateId: template.id, templateVersion: template.version, sender: 'me', rank },
    { template, actor: 'me', now: at, newId, id: `bench-${count}-${index}` },
  );
  if (!built.ok) throw new Error(`Seed handoff ${index} was refused: ${built.error.message}`);
  return { handoff: { ...built.handoff, state }, event: built.event };
}

async function seedWorkspace(count: number): Promise<SeedResult> {
  const started = performance.now();
  const db = openBatonDb();
  try {
    await ensureWorkspace(db);
    await removeDemoWorkspace(db);
    const stored = await db.templates.where('latest').equals(1).first();
    if (!stored) throw new Error('The workspace has no templates after setup');
    const template = withoutLatestFlag(stored);
    const at = new Date().toISOString();
    for (let start = 0; start < count; start += CHUNK) {
      const end = Math.min(count, start + CHUNK);
      const built = Array.from({ length: end - start }, (_, offset) => buildSeedHandoff(start + offset, count, template, at));
      // The data layer's own validation and outbox numbering, written a chunk at a time
      // (writeChange's one-record-at-a-time path would take minutes for 100k).
      await db.transaction('rw', changeTables(db), async () => {
        await db.handoffs.bulkAdd(built.map(({ handoff }) => validHandoff(handoff)));
        await db.events.bulkAdd(built.map(({ event }) => validEvent(event)));
        await appendOutbox(db, built.flatMap(({ handoff }) => outboxForCreate(handoff)), at);
      });
    }
    return { count: await db.handoffs.count(), ms: performance.now() - started };
  } finally {
    db.close();
  }
}

/** A bare Dexie handle on the app's database (dynamic mode: no schema declared, nothing upgraded). */
async function bareDb(name = 'baton'): Promise<Dexie> {
  const db = new Dexie(name);
  await db.open();
  return db;
}

async function bareToArray(): Promise<{ ms: number; count: number }> {
  const db = await bareDb();
  try {
    const started = performance.now();
    const all = await db.table('handoffs').toArray();
    return { ms: performance.now() - started, count: all.length };
  } finally {
    db.close();
  }
}

async function barePut(id: string): Promise<number> {
  const db = await bareDb();
  try {
    const record: unknown = await db.table('handoffs').get(id);
    if (record === undefined) throw new Error(`No handoff "${id}" to re-put`);
    const started = performance.now();
    await db.table('handoffs').put(record);
    return performance.now() - started;
  } finally {
    db.close();
  }
}

function importDeals(count: number, run: number): RemoteDeal[] {
  const updatedAt = new Date().toISOString();
  return Array.from({ length: count }, (_, index) => ({
    dealId: `${run * 1_000_000 + index + 1}`,
    batonId: null,
    properties: { dealname: seedTitle(index), dealstage: STAGE_IDS.IN_PROGRESS, pipeline: 'pipeline-handoffs', baton_client: seedClient(index) },
    history: {},
    archived: false,
    updatedAt,
  }));
}

async function deleteDb(name: string): Promise<void> {
  await Dexie.delete(name);
}

/**
 * The app's bulk import (a first pull committing `count` new deals: handoffs,
 * `created` events, sync state and outbox entries in one transaction) against a
 * bare Dexie `bulkPut` of exactly the rows the import wrote, into an empty
 * database with the same schema.
 */
async function importVsBulkPut(count: number, run: number): Promise<ImportTiming> {
  const importName = `bench-import-${run}`;
  const bareName = `bench-bare-${run}`;
  await deleteDb(importName);
  await deleteDb(bareName);
  const db = openBatonDb(importName);
  const bare = openBatonDb(bareName);
  try {
    await db.open();
    await bare.open();
    const template = SEED_TEMPLATES[0];
    if (!template) throw new Error('No seed template');
    const pull: PullResult = { deals: importDeals(count, run), cursor: { lastModifiedMs: Date.now() }, pipelineId: 'pipeline-handoffs', stageIds: STAGE_IDS };
    const startedReconcile = performance.now();
    reconcile({ ...pull, locals: [], templates: [template], defaultTemplate: template, now: new Date().toISOString() });
    const reconcileMs = performance.now() - startedReconcile;
    const startedImport = performance.now();
    const summary = await commitPull(db, pull, [template], template, new Date());
    const importMs = performance.now() - startedImport;
    if (summary.imported !== count) throw new Error(`The import wrote ${summary.imported} handoffs, expected ${count}`);
    const [handoffs, events, outbox, syncState] = await Promise.all([db.handoffs.toArray(), db.events.toArray(), db.outbox.toArray(), db.syncState.toArray()]);
    const startedBare = performance.now();
    await bare.transaction('rw', [bare.handoffs, bare.events, bare.outbox, bare.syncState], async () => {
      await bare.handoffs.bulkPut(handoffs);
      await bare.events.bulkPut(events);
      await bare.outbox.bulkPut(outbox);
      await bare.syncState.bulkPut(syncState);
    });
    const bulkPutMs = performance.now() - startedBare;
    return { importMs, reconcileMs, bulkPutMs, handoffs: handoffs.length, events: events.length, outbox: outbox.length };
  } finally {
    db.close();
    bare.close();
    await deleteDb(importName);
    await deleteDb(bareName);
  }
}

/** One command through the data layer alone (no React, no dnd-kit), on a connection of its own. */
async function timedCommand(id: string, command: HandoffCommand): Promise<number> {
  const db = openBatonDb();
  try {
    await db.open();
    const started = performance.now();
    const outcome = await runCommand(db, id, command, 'me');
    const ms = performance.now() - started;
    if (!outcome.ok) throw new Error(`The ${command.type} was refused: ${outcome.error.message}`);
    return ms;
  } finally {
    db.close();
  }
}

/** The data layer alone: the same move a drop makes (end of the target column), without React or dnd-kit. */
async function commandMove(id: string, to: string): Promise<number> {
  return timedCommand(id, { type: 'move', to: HandoffStateSchema.parse(to) });
}

async function commandRun(id: string, command: unknown): Promise<number> {
  return timedCommand(id, HandoffCommandSchema.parse(command));
}

/** The app's automatic backup, run by its own worker exactly as the app schedules it (not only if changed: always). */
function automaticBackup(workerUrl: string): Promise<string> {
  const worker = new Worker(workerUrl, { type: 'module', name: 'baton-backup' });
  return new Promise<string>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<{ ok: boolean; value?: { status: string }; error?: { message: string } }>) => {
      resolve(event.data.ok ? (event.data.value?.status ?? '?') : `failed: ${event.data.error?.message ?? '?'}`);
    });
    worker.addEventListener('error', (event) => resolve(`worker error: ${event.message}`));
    worker.postMessage({
      type: 'scheduled-backup',
      dbName: DEFAULT_DB_NAME,
      backupsDbName: BACKUPS_DB_NAME,
      job: { appVersion: 'bench', keepDays: 7, startedAt: new Date().toISOString(), onlyIfChanged: false },
    });
  }).finally(() => worker.terminate());
}

async function movesDuringBackup(backup: BackupUnderTest, intervalMs: number, maxMoves: number): Promise<MovesDuringBackup> {
  const db = openBatonDb();
  try {
    await db.open();
    const ids = await db.handoffs.where('state').equals('READY_FOR_HANDOFF').limit(maxMoves).primaryKeys();
    const started = performance.now();
    let ended = 0;
    const running = (backup.kind === 'automatic' ? automaticBackup(backup.workerUrl) : readWorkspaceInOneTransaction(db).then(() => 'read')).then((outcome) => {
      ended = performance.now();
      return outcome;
    });
    const moves: MovesDuringBackup['moves'] = [];
    for (const id of ids) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      if (ended !== 0) break;
      const ms = await commandMove(id, 'IN_PROGRESS');
      moves.push({ ms, whileBackingUp: ended === 0 });
    }
    const outcome = await running;
    return { moves, backupMs: ended - started, outcome };
  } finally {
    db.close();
  }
}

const api: BenchPageApi = { seedWorkspace, bareToArray, barePut, commandMove, commandRun, movesDuringBackup, importVsBulkPut };
(window as unknown as { batonBench: BenchPageApi }).batonBench = api;
