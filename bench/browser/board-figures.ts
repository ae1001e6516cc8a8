import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist } from '../../test/e2e/support/serve-dist';
import { figure, type Figure } from '../results-schema';
import { max, median } from '../stats';
import { buildBenchDist } from './build-bench';
import { openBenchSession, type BenchSession } from './bench-session';
import { measureDragFrames, measureIdleFrames, sweepBackToOrigin, type FrameRun } from './drag';
import { MOVE_KINDS, measureMove, type MoveKind, type MoveRun } from './moves';

export interface BoardBenchPlan {
  /** Workspace sizes for "board open", smallest first; the target compares the largest with the smallest. */
  sizes: readonly number[];
  /** Reloads per size (fewer for the big ones). */
  openRuns: (size: number) => number;
  /** The sizes the move and frame figures run at (10k and 100k in a full run). */
  dragSizes: readonly number[];
  /** The size the import figures run at. */
  dragRuns: number;
  frameRuns: number;
  importSize: number;
  importRuns: number;
  /** Size label used in figure names ("1k", "10k"…). */
  label: (size: number) => string;
}

interface OpenRun {
  openMs: number;
  toArrayMs: number;
  heapBytes: number;
}

const MB = 1024 * 1024;

/** Lets the app finish what a reload started (live queries, layout) before the next measurement. */
async function settle(session: BenchSession): Promise<void> {
  await session.page.waitForTimeout(1_500);
}

async function measureOpens(session: BenchSession, runs: number, log: (line: string) => void, size: number): Promise<OpenRun[]> {
  const results: OpenRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    const openMs = await session.reloadToFirstCards();
    await settle(session);
    const heapBytes = await session.heapUsedAfterGc();
    await session.loadBenchScript();
    const bare = await session.bareToArray();
    if (bare.count !== size) throw new Error(`Expected ${size} stored handoffs, Dexie read ${bare.count}`);
    // The baseline just allocated every handoff in this page; collect it now, or the next reload
    // (same renderer process) pays for tearing down the bench's own 100k objects, not the app's.
    await session.heapUsedAfterGc();
    results.push({ openMs, toArrayMs: bare.ms, heapBytes });
    log(`  open ${size}: ${openMs.toFixed(0)} ms, bare toArray ${bare.ms.toFixed(0)} ms, heap ${(heapBytes / MB).toFixed(1)} MB`);
  }
  return results;
}

function assertNoPageErrors(session: BenchSession, what: string): void {
  if (session.errors.length > 0) throw new Error(`The app reported errors during ${what}: ${session.errors.slice(0, 3).join(' | ')}`);
}

/** Figures 1–4 and 7 in Chromium: each workspace size in its own fresh on-disk profile. */
export async function runBoardFigures(plan: BoardBenchPlan, log: (line: string) => void): Promise<Figure[]> {
  log('building the renderer and the bench page…');
  const dist = await buildBenchDist();
  const server = await serveDist(dist);
  const workerUrl = await backupWorkerUrl(dist);
  const figures: Figure[] = [];
  const openMedians = new Map<number, number>();
  try {
    for (const size of plan.sizes) {
      const session = await openBenchSession(server.url);
      try {
        const started = performance.now();
        const seeded = await session.seed(size);
        if (seeded !== size) throw new Error(`Seeding wrote ${seeded} handoffs, expected ${size}`);
        log(`seeded ${size} handoffs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        await session.openApp();
        await settle(session);
        const opens = await measureOpens(session, plan.openRuns(size), log, size);
        const label = plan.label(size);
        const openMs = median(opens.map((o) => o.openMs));
        openMedians.set(size, openMs);
        const runs = `median of ${opens.length} reloads`;
        figures.push(
          figure(`board-open-${label}-ms`, openMs, 'ms', null, `reload to first frame with cards, ${runs}`),
          figure(`board-open-${label}-vs-toarray`, median(opens.map((o) => o.openMs / o.toArrayMs)), 'x bare toArray', null, `per-reload ratio to a bare Dexie toArray() of all handoffs in the same page, ${runs}`),
          figure(`heap-${label}-mb`, median(opens.map((o) => o.heapBytes)) / MB, 'MB', size === plan.sizes[plan.sizes.length - 1] ? { op: '<', value: 150 } : null, `JS heap after GC with the board open, ${runs}`),
        );
        if (plan.dragSizes.includes(size)) figures.push(...(await dragFigures(session, plan, size, workerUrl, log)));
        if (size === plan.sizes[0]) figures.push(...(await importFigures(session, plan, log)));
        assertNoPageErrors(session, `the ${label} workspace`);
      } finally {
        await session.close();
      }
    }
    const smallest = plan.sizes[0];
    const largest = plan.sizes[plan.sizes.length - 1];
    const small = smallest === undefined ? undefined : openMedians.get(smallest);
    const large = largest === undefined ? undefined : openMedians.get(largest);
    if (smallest !== undefined && largest !== undefined && small !== undefined && large !== undefined) {
      figures.push(figure(`board-open-${plan.label(largest)}-vs-${plan.label(smallest)}`, large / small, 'x', { op: '<=', value: 1.5 }, 'ratio of the median open times'));
    }
  } finally {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  }
  return figures;
}

/** Figure 2 for one kind of move: drop → painted, drop → committed, the drop's own handling, the longest frame. */
async function moveFigures(session: BenchSession, kind: MoveKind, runs: number, label: string, idleLongestMs: number, log: (line: string) => void): Promise<{ figures: Figure[]; moves: MoveRun[] }> {
  const moves: MoveRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    const move = await measureMove(session.page, kind);
    moves.push(move);
    log(`  ${kind} move: painted after ${move.paintedMs.toFixed(1)} ms, write issued after ${move.txStartMs.toFixed(1)} ms and committed after ${move.committedMs.toFixed(1)} ms, shown committed after ${move.shownCommittedMs.toFixed(1)} ms, drop handled in ${move.handlingMs?.toFixed(1) ?? '?'} ms, longest frame ${move.longestFrameMs.toFixed(1)} ms`);
    await settle(session);
  }
  const handled = moves.flatMap((m) => (m.handlingMs === null ? [] : [m.handlingMs]));
  const longest = max(moves.map((m) => m.longestFrameMs));
  const input = kind === 'pointer' ? 'pointerup' : kind === 'keyboard' ? 'Space keydown' : 'click on "Move to"';
  const of = `median of ${moves.length} ${kind} moves`;
  return {
    moves,
    figures: [
      figure(`drop-painted-${kind}-${label}-ms`, median(moves.map((m) => m.paintedMs)), 'ms', { op: '<=', value: 16.7 }, `${input} to the end of the first frame showing the card in its new column, ${of}`),
      figure(`drop-committed-${kind}-${label}-ms`, median(moves.map((m) => m.committedMs)), 'ms', { op: '<=', value: 50 }, `${input} to the completion of the IndexedDB transaction that wrote the move, ${of}`),
      figure(`drop-write-issued-${kind}-${label}-ms`, median(moves.map((m) => m.txStartMs)), 'ms', null, `${input} to the opening of that transaction, ${of}`),
      figure(`drop-handling-${kind}-${label}-ms`, handled.length > 0 ? median(handled) : 0, 'ms', null, `main-thread time dispatching the ${input} (every listener and the render it triggers), median of ${handled.length}`),
      figure(`move-longest-frame-${kind}-${label}-ms`, longest, 'ms', { op: '<=', value: 50 }, `longest requestAnimationFrame gap from the move's first input to the paint after the drop, over ${moves.length} moves`),
      figure(`move-longest-frame-${kind}-${label}-vs-idle`, longest / Math.max(idleLongestMs, 1), 'x idle', { op: '<=', value: 1.5 }, `that frame ÷ the longest frame of the untouched page (${idleLongestMs.toFixed(1)} ms) in the same page`),
    ],
  };
}

/** How often the bench moves a card while a backup runs: a brisk user. */
const MOVE_EVERY_MS = 500;
/** At most this many moves per backup (at 100k the automatic backup takes 20–40 s). */
const MOVES_PER_BACKUP = 40;

/** The app's backup worker in the built app (its file name carries a content hash). */
async function backupWorkerUrl(dist: string): Promise<string> {
  const file = (await readdir(join(dist, 'assets'))).find((name) => /^backup-worker-.*\.js$/.test(name));
  if (file === undefined) throw new Error(`The build in ${dist} has no backup-worker chunk`);
  return `/assets/${file}`;
}

/** Moves made while the app's automatic backup runs, and while a one-transaction read runs (how backups read before the change log). */
async function movesDuringBackups(session: BenchSession, workerUrl: string, label: string, log: (line: string) => void): Promise<Figure[]> {
  const automatic = await session.movesDuringBackup({ kind: 'automatic', workerUrl }, MOVE_EVERY_MS, MOVES_PER_BACKUP);
  await settle(session);
  const oneTransaction = await session.movesDuringBackup({ kind: 'one-transaction' }, MOVE_EVERY_MS, MOVES_PER_BACKUP);
  await settle(session);
  for (const [name, run] of [['the automatic backup', automatic], ['a one-transaction read', oneTransaction]] as const) {
    log(`  moves during ${name} (${run.outcome}, ${(run.backupMs / 1000).toFixed(1)} s): ${run.moves.map((m) => `${m.ms.toFixed(0)}${m.whileBackingUp ? '' : '*'}`).join(' ')} ms (* committed after it ended)`);
  }
  if (automatic.outcome !== 'taken') throw new Error(`The automatic backup did not complete: ${automatic.outcome}`);
  const during = automatic.moves.filter((m) => m.whileBackingUp).map((m) => m.ms);
  const before = oneTransaction.moves.map((m) => m.ms);
  if (automatic.moves.length === 0 || before.length === 0) throw new Error('No move was made during a backup: the backup ended before the first one');
  // If none committed while the backup ran, the figures are of those that did not (and the count below says so).
  const measured = during.length > 0 ? during : automatic.moves.map((m) => m.ms);
  return [
    figure(`move-during-backup-${label}-ms`, median(measured), 'ms', { op: '<=', value: 50 }, `runCommand move to its commit while the app's automatic backup runs in its worker (a move every ${MOVE_EVERY_MS} ms), median of the ${measured.length} that committed before it ended`),
    figure(`move-during-backup-${label}-worst-ms`, max(measured), 'ms', null, `the slowest of those ${measured.length} moves`),
    figure(`move-during-backup-${label}-moves`, during.length, 'moves', { op: '>=', value: 3 }, `moves that committed while the backup ran (${(automatic.backupMs / 1000).toFixed(1)} s)`),
    figure(`move-during-one-transaction-read-${label}-worst-ms`, max(before), 'ms', null, `the same moves while the whole workspace is read in one transaction, as backups read before the change log: the slowest of ${before.length} (the read took ${(oneTransaction.backupMs / 1000).toFixed(1)} s)`),
  ];
}

async function dragFigures(session: BenchSession, plan: BoardBenchPlan, size: number, workerUrl: string, log: (line: string) => void): Promise<Figure[]> {
  const label = plan.label(size);
  await session.loadBenchScript();
  // The idle reference is the settled page. A board just opened at 100k is still reading its column
  // totals, and one run took that (a 733 ms frame) for the machine's noise floor, which made every
  // move's ratio meaningless: first wait for a quiet 2 s (no frame over 50 ms), at most 5 times.
  for (let tries = 0; tries < 5; tries += 1) {
    const settling = await measureIdleFrames(session.page, 2_000);
    if (settling.longestMs <= 50) break;
    log(`  idle page not settled yet (a ${settling.longestMs.toFixed(1)} ms frame): waiting`);
  }
  const idle: FrameRun[] = [];
  for (let run = 0; run < plan.frameRuns; run += 1) idle.push(await measureIdleFrames(session.page, 2_000));
  const idleLongest = max(idle.map((f) => f.longestMs));
  log(`  idle page (${idle.length} × 2 s): longest frame ${idleLongest.toFixed(1)} ms`);
  const figures: Figure[] = [];
  let pointerMoves: MoveRun[] = [];
  // Diagnosis only: BENCH_MOVE_KINDS=pointer,menu measures a subset (e.g. on an old build whose keyboard move is broken).
  const kinds = MOVE_KINDS.filter((kind) => (process.env.BENCH_MOVE_KINDS ?? MOVE_KINDS.join(',')).split(',').includes(kind));
  for (const kind of kinds) {
    const result = await moveFigures(session, kind, plan.dragRuns, label, idleLongest, log);
    figures.push(...result.figures);
    if (kind === 'pointer') pointerMoves = result.moves;
  }
  const puts: number[] = [];
  for (const move of pointerMoves) puts.push(await session.barePut(move.id));
  // The data layer alone, for the same kind of move (READY → IN_PROGRESS), no UI in the way.
  const commands: number[] = [];
  const readBacks: number[] = [];
  for (let run = 0; run < plan.dragRuns; run += 1) {
    const id = await session.page.locator('section[data-state="READY_FOR_HANDOFF"] [data-card-id]').first().getAttribute('data-card-id');
    if (id === null) throw new Error('No card left in Ready for handoff');
    commands.push(await session.commandMove(id, 'IN_PROGRESS'));
    // The board shows a write made outside it once its live query has read it back, which at 100k
    // can take longer than `settle`: the next card is picked only from a board that no longer shows this one.
    readBacks.push(await session.readBack(id, 'READY_FOR_HANDOFF'));
    await settle(session);
  }
  log(`  runCommand move alone: ${commands.map((ms) => ms.toFixed(1)).join(', ')} ms (the board read each back after ${readBacks.map((ms) => ms.toFixed(0)).join(', ')} ms); bare put ${puts.map((ms) => ms.toFixed(1)).join(', ')} ms`);
  const duringBackup = await movesDuringBackups(session, workerUrl, label, log);
  const frames: FrameRun[] = [];
  for (let run = 0; run < plan.frameRuns; run += 1) {
    const result = await measureDragFrames(session.page);
    frames.push(result);
    await settle(session);
    log(`  drag frames: ${result.frames} frames, longest ${result.longestMs.toFixed(1)} ms, ${result.droppedFrames} dropped`);
  }
  // Last: it may crash the page.
  const sweepErrors = await sweepBackToOrigin(session.page, session.errors);
  log(`  drag back over the card's own column: ${sweepErrors.length} page errors ${sweepErrors.slice(0, 1).join('')}`);
  session.errors.splice(session.errors.length - sweepErrors.length, sweepErrors.length);
  const shownCommitted = pointerMoves.map((m) => m.shownCommittedMs);
  const sweepLongest = max(frames.map((f) => f.longestMs));
  return [
    ...figures,
    figure(`drag-commit-${label}-ms`, median(shownCommitted), 'ms', null, `pointerup to the first frame showing the card in its new column after the write committed, median of ${shownCommitted.length} drags (split into drop-painted and drop-committed)`),
    figure(`drag-commit-${label}-vs-put`, median(shownCommitted.map((ms, i) => ms / Math.max(puts[i] ?? 0, 0.1))), 'x bare put', null, 'per-drag ratio to a bare Dexie put of the same record in the same page'),
    figure(`bare-put-${label}-ms`, median(puts), 'ms', null),
    figure(`move-command-${label}-ms`, median(commands), 'ms', null, `the data layer's runCommand move alone (no React, no dnd-kit), median of ${commands.length}`),
    ...duringBackup,
    figure(`drag-longest-frame-${label}-ms`, sweepLongest, 'ms', { op: '<=', value: 50 }, `longest requestAnimationFrame gap over ${frames.length} scripted drags across every column`),
    figure(`drag-longest-frame-${label}-vs-idle`, sweepLongest / Math.max(idleLongest, 1), 'x idle', { op: '<=', value: 1.5 }, 'that frame ÷ the longest frame of the untouched page in the same page'),
    figure(`idle-longest-frame-${label}-ms`, idleLongest, 'ms', null, `the same recording on the untouched page for 2 s, ${idle.length} times: the machine's noise floor`),
    figure(`drag-dropped-frames-${label}`, median(frames.map((f) => f.droppedFrames)), 'frames', null, `median per drag of ${frames.length}; ${median(frames.map((f) => f.frames))} frames recorded per drag`),
    figure(`drag-back-to-origin-page-errors-${label}`, sweepErrors.length, 'errors', { op: '==', value: 0 }, `page errors while a card is dragged out of its column and back: ${sweepErrors[0]?.slice(0, 160) ?? 'none'}`),
  ];
}

async function importFigures(session: BenchSession, plan: BoardBenchPlan, log: (line: string) => void): Promise<Figure[]> {
  const label = plan.label(plan.importSize);
  await session.loadBenchScript();
  const ratios: number[] = [];
  const imports: number[] = [];
  const bulk: number[] = [];
  const merges: number[] = [];
  for (let run = 0; run < plan.importRuns; run += 1) {
    const timing = await session.importVsBulkPut(plan.importSize, run);
    ratios.push(timing.importMs / timing.bulkPutMs);
    imports.push(timing.importMs);
    bulk.push(timing.bulkPutMs);
    merges.push(timing.reconcileMs);
    log(`  import ${plan.importSize}: ${timing.importMs.toFixed(0)} ms vs bulkPut ${timing.bulkPutMs.toFixed(0)} ms; reconcile alone ${timing.reconcileMs.toFixed(0)} ms (${timing.handoffs} handoffs, ${timing.events} events, ${timing.outbox} outbox entries)`);
  }
  return [
    figure(`import-${label}-vs-bulkput`, median(ratios), 'x bare bulkPut', { op: '<=', value: 2 }, `the app's bulk import (first pull of ${plan.importSize} deals: handoffs, history, sync state, outbox) vs a bare bulkPut of the same rows, median of ${ratios.length}`),
    figure(`import-${label}-ms`, median(imports), 'ms', null),
    figure(`bulkput-${label}-ms`, median(bulk), 'ms', null),
    figure(`import-${label}-reconcile-ms`, median(merges), 'ms', null, 'the pure merge of the same pull (no database): the CPU part of the import'),
  ];
}
