import { rm } from 'node:fs/promises';
import { serveDist } from '../../test/e2e/support/serve-dist';
import type { BenchSession } from './bench-session';
import { openBenchSession } from './bench-session';
import { buildBenchDist } from './build-bench';
import type { BenchProbe } from './instrumentation';
import { MOVE_KINDS, measureMove, type MoveKind } from './moves';
import { installRenderCounter, type RenderCommit, type RenderCounter } from './render-counter';
import { longestTaskBefore, longestTasks, summariseMoveTrace, topLines, type TraceEvent } from './trace-summary';

/**
 * Diagnosis only, never figures (`npm run bench -- --profile[=10000]`): the same
 * moves as the bench on an unminified build, each traced (Chrome trace with CPU
 * samples) and with React's commits counted, to see where the time from a drop
 * to its paint goes and what re-rendered needlessly. Tracing slows the page, so
 * its times are only compared with each other.
 */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

const DROP_TYPE: Record<MoveKind, { trace: string; probe: string; key: string }> = {
  pointer: { trace: 'pointerup', probe: 'pointerup', key: '' },
  keyboard: { trace: 'keydown', probe: 'keydown', key: ' ' },
  menu: { trace: 'click', probe: 'click', key: '' },
};

async function traced<T>(session: BenchSession, work: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (payload: { value: object[] }) => events.push(...(payload.value as TraceEvent[]));
  session.cdp.on('Tracing.dataCollected', collect);
  await session.cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  try {
    const result = await work();
    const complete = new Promise<void>((resolve) => session.cdp.once('Tracing.tracingComplete', () => resolve()));
    await session.cdp.send('Tracing.end');
    await complete;
    return { result, events };
  } finally {
    session.cdp.off('Tracing.dataCollected', collect);
  }
}

/** A commit that rendered at least this many components touched more than the cards a move moves. */
const WIDE_COMMIT = 20;

function describeCommit(commit: RenderCommit, dropAt: number): string {
  const names = Object.entries(commit.rendered).sort((a, b) => b[1] - a[1]);
  const total = names.reduce((sum, [, n]) => sum + n, 0);
  return `${(commit.at - dropAt).toFixed(1).padStart(6)} ms  ${total} rendered: ${names.map(([name, n]) => `${name}×${n}`).join(', ')}`;
}

async function profileKind(session: BenchSession, kind: MoveKind, runs: number, log: (line: string) => void): Promise<void> {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (let run = 0; run < runs; run += 1) {
    await session.page.evaluate(() => {
      (window as unknown as { __renderCounter: RenderCounter }).__renderCounter.commits = [];
    });
    const { result: move, events } = await traced(session, () => measureMove(session.page, kind));
    const drop = DROP_TYPE[kind];
    const { commits, dropAt } = await session.page.evaluate(
      ([type, key]) => {
        const w = window as unknown as { __renderCounter: RenderCounter; __benchProbe: BenchProbe };
        const input = w.__benchProbe.inputs.filter((entry) => entry.type === type && entry.key === key).at(-1);
        return { commits: w.__renderCounter.commits, dropAt: input?.startedAt ?? 0 };
      },
      [drop.probe, drop.key] as const,
    );
    log(`${kind} move ${run + 1}: painted ${move.paintedMs.toFixed(1)} ms, committed ${move.committedMs.toFixed(1)} ms, drop handled in ${move.handlingMs?.toFixed(1) ?? '?'} ms, longest frame ${move.longestFrameMs.toFixed(1)} ms`);
    // The pick-up and each change of column re-render every mounted card (dnd-kit's context): the drag's longest frames.
    const wide = commits.filter((c) => c.at < dropAt - 50 && Object.values(c.rendered).reduce((sum, n) => sum + n, 0) >= WIDE_COMMIT);
    log(`  React commits during the drag that rendered ${WIDE_COMMIT} or more components (ms after the drop input):`);
    for (const commit of wide) log(`  ${describeCommit(commit, dropAt)}`);
    log('  React commits (ms after the drop input):');
    for (const commit of commits.filter((c) => c.at >= dropAt - 50 && c.at <= dropAt + move.shownCommittedMs + 20)) log(`  ${describeCommit(commit, dropAt)}`);
    for (const react of [true, false]) {
      const task = longestTaskBefore(events, drop.trace, 1_500, 50, react);
      if (task === null) continue;
      log(`  longest ${react ? 'React task' : 'task'} of the move before the drop, at ${task.atMs.toFixed(1)} ms: ${task.ms.toFixed(1)} ms, ${task.name}; CPU self time in it:`);
      for (const line of topLines(task.self, 15)) log(`  ${line}`);
    }
    const summary = summariseMoveTrace(events, drop.trace, move.paintedMs + 1);
    if (summary === null) {
      log('  (no drop input in the trace)');
      continue;
    }
    log('  longest main-thread tasks from 1.5 s before the drop input to the paint:');
    for (const line of longestTasks(events, drop.trace, 1_500, move.paintedMs, 3)) log(`  ${line}`);
    log('  main thread from the drop input to the paint:');
    for (const line of summary.timeline) log(`  ${line}`);
    for (const [name, ms] of summary.self) self.set(name, (self.get(name) ?? 0) + ms);
    for (const [name, ms] of summary.inclusive) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    await session.page.waitForTimeout(1_500);
  }
  log(`${kind}: CPU self time from drop to paint, summed over ${runs} moves:`);
  for (const line of topLines(self, 25)) log(line);
  log(`${kind}: CPU inclusive time from drop to paint, summed over ${runs} moves:`);
  for (const line of topLines(inclusive, 40)) log(line);
}

export async function profileMoves(size: number, runs: number, log: (line: string) => void): Promise<void> {
  log('building a readable renderer and the bench page…');
  const dist = await buildBenchDist({ readable: true });
  const server = await serveDist(dist);
  try {
    const session = await openBenchSession(server.url);
    try {
      await session.page.addInitScript(installRenderCounter);
      const seeded = await session.seed(size);
      log(`seeded ${seeded} handoffs`);
      await session.openApp();
      await session.page.waitForTimeout(3_000);
      const kinds = MOVE_KINDS.filter((kind) => (process.env.BENCH_MOVE_KINDS ?? MOVE_KINDS.join(',')).split(',').includes(kind));
      for (const kind of kinds) await profileKind(session, kind, runs, log);
      if (session.errors.length > 0) log(`page errors: ${session.errors.slice(-20).join('\n')}`);
    } finally {
      await session.close();
    }
  } finally {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  }
}
