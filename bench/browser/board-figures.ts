import { rm } from 'node:fs/promises';
import { serveDist } from '../../test/e2e/support/serve-dist';
import { figure, type Figure } from '../results-schema';
import { max, median } from '../stats';
import { buildBenchDist } from './build-bench';
import { openBenchSession, type BenchSession } from './bench-session';
import { measureDragCommit, measureDragFrames, measureIdleFrames, sweepBackToOrigin, type FrameRun } from './drag';

export interface BoardBenchPlan {
  /** Workspace sizes for "board open", smallest first; the target compares the largest with the smallest. */
  sizes: readonly number[];
  /** Reloads per size (fewer for the big ones). */
  openRuns: (size: number) => number;
  /** The size drag, frame and import figures run at (10k in a full run). */
  dragSize: number;
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
        if (size === plan.dragSize) figures.push(...(await dragFigures(session, plan, log)));
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

async function dragFigures(session: BenchSession, plan: BoardBenchPlan, log: (line: string) => void): Promise<Figure[]> {
  const label = plan.label(plan.dragSize);
  await session.loadBenchScript();
  const commits: number[] = [];
  const writes: number[] = [];
  const uiBeforeWrite: number[] = [];
  const dropHandling: number[] = [];
  const puts: number[] = [];
  for (let run = 0; run < plan.dragRuns; run += 1) {
    const { ms, commitMs, txStartMs, dropHandlingMs, id } = await measureDragCommit(session.page);
    uiBeforeWrite.push(txStartMs);
    if (dropHandlingMs !== null) dropHandling.push(dropHandlingMs);
    await settle(session);
    const putMs = await session.barePut(id);
    commits.push(ms);
    writes.push(commitMs);
    puts.push(putMs);
    log(`  drag commit: ${ms.toFixed(1)} ms shown, write opened after ${txStartMs.toFixed(1)} ms, committed after ${commitMs.toFixed(1)} ms, pointerup handled in ${dropHandlingMs?.toFixed(1) ?? '?'} ms (bare put ${putMs.toFixed(1)} ms)`);
  }
  // The data layer alone, for the same kind of move (READY → IN_PROGRESS), no UI in the way.
  const commands: number[] = [];
  for (let run = 0; run < plan.dragRuns; run += 1) {
    const id = await session.page.locator('section[data-state="READY_FOR_HANDOFF"] [data-card-id]').first().getAttribute('data-card-id');
    if (id === null) throw new Error('No card left in Ready for handoff');
    commands.push(await session.commandMove(id, 'IN_PROGRESS'));
    await settle(session);
  }
  log(`  runCommand move alone: ${commands.map((ms) => ms.toFixed(1)).join(', ')} ms`);
  const frames: FrameRun[] = [];
  const idle: FrameRun[] = [];
  for (let run = 0; run < plan.frameRuns; run += 1) {
    const result = await measureDragFrames(session.page);
    frames.push(result);
    await settle(session);
    const still = await measureIdleFrames(session.page, 2_000);
    idle.push(still);
    log(`  drag frames: ${result.frames} frames, longest ${result.longestMs.toFixed(1)} ms, ${result.droppedFrames} dropped; idle page for 2 s: longest ${still.longestMs.toFixed(1)} ms, ${still.droppedFrames} dropped`);
  }
  // Last: it may crash the page.
  const sweepErrors = await sweepBackToOrigin(session.page, session.errors);
  log(`  drag back over the card's own column: ${sweepErrors.length} page errors ${sweepErrors.slice(0, 1).join('')}`);
  session.errors.splice(session.errors.length - sweepErrors.length, sweepErrors.length);
  return [
    figure(`drag-commit-${label}-ms`, median(commits), 'ms', { op: '<=', value: 16.7 }, `pointerup to the first frame showing the card committed in its new column, median of ${commits.length} drags`),
    figure(`drag-commit-${label}-vs-put`, median(commits.map((ms, i) => ms / Math.max(puts[i] ?? 0, 0.1))), 'x bare put', null, 'per-drag ratio to a bare Dexie put of the same record in the same page'),
    figure(`drag-write-${label}-ms`, median(writes), 'ms', null, 'pointerup to the completion of the IndexedDB transaction that wrote the move'),
    figure(`drag-ui-before-write-${label}-ms`, median(uiBeforeWrite), 'ms', null, 'pointerup to the opening of that transaction: time the drop spends in React/dnd-kit before the write starts'),
    figure(`drag-drop-handling-${label}-ms`, dropHandling.length > 0 ? median(dropHandling) : 0, 'ms', null, `main-thread time dispatching the pointerup (dnd-kit ends the drag, React renders it; Event Timing processing time), median of ${dropHandling.length}: the write's callbacks wait for it`),
    figure(`bare-put-${label}-ms`, median(puts), 'ms', null),
    figure(`move-command-${label}-ms`, median(commands), 'ms', null, `the data layer's runCommand move alone (no React, no dnd-kit), median of ${commands.length}`),
    figure(`drag-longest-frame-${label}-ms`, max(frames.map((f) => f.longestMs)), 'ms', { op: '<=', value: 50 }, `longest requestAnimationFrame gap over ${frames.length} scripted drags across every column`),
    figure(`idle-longest-frame-${label}-ms`, max(idle.map((f) => f.longestMs)), 'ms', null, `the same recording on the untouched page for 2 s, ${idle.length} times: the machine's noise floor`),
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
