/**
 * Diagnosis only (`npm run bench -- --profile`): reads a Chrome trace of one
 * move and says where the renderer's main thread spent the time from the drop
 * input to the paint: the timeline of its tasks, and a CPU profile's self and
 * inclusive time per function over that window.
 */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { functionName?: string; url?: string; lineNumber?: number };
}

/** What the timeline lists (with their nesting); everything else on the thread is summed as "other". */
const TIMELINE = new Set([
  'EventDispatch',
  'FunctionCall',
  'v8.callFunction',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'BeginMainThreadFrame',
  'ScheduleStyleRecalculation',
  'IntersectionObserverController::computeIntersections',
  'ResizeObserver::BroadcastObservations',
  'UpdateLayerTree',
  'ThreadControllerImpl::RunTask',
]);

export interface MoveTrace {
  /** One line per main-thread event in the window, indented by nesting, times relative to the drop input. */
  timeline: string[];
  /** CPU samples in the window: function → self ms and inclusive ms. */
  self: Map<string, number>;
  inclusive: Map<string, number>;
}

function mainThreadOf(events: readonly TraceEvent[], dropType: string): { pid: number; tid: number; drop: TraceEvent } | null {
  const drops = events.filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === dropType);
  const drop = drops.at(-1);
  return drop === undefined ? null : { pid: drop.pid, tid: drop.tid, drop };
}

function frameName(node: ProfileNode): string {
  const frame = node.callFrame ?? {};
  const file = (frame.url ?? '').split('/').at(-1) ?? '';
  return `${frame.functionName || '(anonymous)'} ${file}:${(frame.lineNumber ?? -1) + 1}`;
}

/** The CPU profile's samples on the main thread within [from, to] (trace µs): self and inclusive ms per function. */
function cpuTimes(events: readonly TraceEvent[], pid: number, tid: number, from: number, to: number): { self: Map<string, number>; inclusive: Map<string, number> } {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  for (const profile of profiles) {
    const nodes = new Map<number, ProfileNode>();
    let time = Number(profile.args?.data?.startTime ?? 0);
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id);
    let previous: number | null = null;
    for (const chunk of chunks) {
      const data = chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const samples = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      samples.forEach((sample, index) => {
        time += deltas[index] ?? 0;
        const at = time;
        if (previous !== null && at >= from && at <= to) {
          // A sample stands for the time since the one before it.
          const ms = (at - previous) / 1000;
          const node = nodes.get(sample);
          if (node !== undefined) {
            const name = frameName(node);
            self.set(name, (self.get(name) ?? 0) + ms);
            const seen = new Set<string>();
            for (let current: ProfileNode | undefined = node; current !== undefined; current = current.parent === undefined ? undefined : nodes.get(current.parent)) {
              const frame = frameName(current);
              if (seen.has(frame)) continue;
              seen.add(frame);
              inclusive.set(frame, (inclusive.get(frame) ?? 0) + ms);
            }
          }
        }
        previous = at;
      });
    }
  }
  return { self, inclusive };
}

/** The main thread from the (last) drop input to `untilMs` after it. */
export function summariseMoveTrace(events: readonly TraceEvent[], dropType: string, untilMs: number): MoveTrace | null {
  const main = mainThreadOf(events, dropType);
  if (main === null) return null;
  const from = main.drop.ts;
  const to = from + untilMs * 1000;
  const inWindow = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && TIMELINE.has(e.name) && e.ts + (e.dur ?? 0) >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const open: TraceEvent[] = [];
  const timeline: string[] = [];
  for (const event of inWindow) {
    while (open.length > 0 && (open.at(-1)?.ts ?? 0) + (open.at(-1)?.dur ?? 0) <= event.ts) open.pop();
    const ms = (event.dur ?? 0) / 1000;
    if (ms >= 0.15 && open.length <= 4) {
      const detail = event.args?.data?.type ?? event.args?.data?.functionName ?? '';
      timeline.push(`${((event.ts - from) / 1000).toFixed(1).padStart(6)} ms ${'  '.repeat(open.length)}${event.name}${detail === '' ? '' : ` (${String(detail)})`} ${ms.toFixed(2)} ms`);
    }
    open.push(event);
  }
  return { timeline, ...cpuTimes(events, main.pid, main.tid, from, to) };
}

/**
 * The main thread's longest tasks from `fromMs` before the drop input to `untilMs` after it:
 * the frames a move can stretch. Each with what ran inside it (times relative to the drop input).
 */
export function longestTasks(events: readonly TraceEvent[], dropType: string, fromMs: number, untilMs: number, count: number): string[] {
  const main = mainThreadOf(events, dropType);
  if (main === null) return [];
  const origin = main.drop.ts;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain
    .filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts >= origin - fromMs * 1000 && e.ts <= origin + untilMs * 1000)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, count);
  const lines: string[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    lines.push(`task at ${((task.ts - origin) / 1000).toFixed(1)} ms: ${((task.dur ?? 0) / 1000).toFixed(1)} ms`);
    const inside = onMain.filter((e) => e !== task && TIMELINE.has(e.name) && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end).sort((a, b) => a.ts - b.ts);
    const open: TraceEvent[] = [];
    for (const event of inside) {
      while (open.length > 0 && (open.at(-1)?.ts ?? 0) + (open.at(-1)?.dur ?? 0) <= event.ts) open.pop();
      const ms = (event.dur ?? 0) / 1000;
      if (ms >= 0.5 && open.length <= 3) {
        const detail = event.args?.data?.type ?? event.args?.data?.functionName ?? '';
        lines.push(`  ${((event.ts - origin) / 1000).toFixed(1).padStart(7)} ms ${'  '.repeat(open.length)}${event.name}${detail === '' ? '' : ` (${String(detail)})`} ${ms.toFixed(2)} ms`);
      }
      open.push(event);
    }
  }
  return lines;
}

/** The `count` largest entries, as "  12.3 ms  name" lines. */
export function topLines(times: ReadonlyMap<string, number>, count: number): string[] {
  return [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${name}`);
}

/**
 * The longest main-thread task from `fromMs` before the drop input to `untilMs` before it: with
 * `react`, only React's (a scheduler task, `performWorkUntilDeadline`: the pick-up or a change of
 * column); otherwise of any kind. Its start (ms from the drop), length, what it ran, and its CPU times.
 */
export function longestTaskBefore(
  events: readonly TraceEvent[],
  dropType: string,
  fromMs: number,
  untilMs: number,
  react: boolean,
): ({ atMs: number; ms: number; name: string } & Omit<MoveTrace, 'timeline'>) | null {
  const main = mainThreadOf(events, dropType);
  if (main === null) return null;
  const origin = main.drop.ts;
  const inWindow = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= origin - fromMs * 1000 && e.ts <= origin - untilMs * 1000;
  const candidates = events.filter((e) =>
    inWindow(e) && (react ? e.name === 'FunctionCall' && e.args?.data?.functionName === 'performWorkUntilDeadline' : e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'),
  );
  const longest = candidates.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (longest === undefined) return null;
  const end = longest.ts + (longest.dur ?? 0);
  const first = events.filter((e) => inWindow(e) && e !== longest && TIMELINE.has(e.name) && e.ts >= longest.ts && e.ts < end).sort((a, b) => a.ts - b.ts)[0];
  const detail = first?.args?.data?.type ?? first?.args?.data?.functionName ?? '';
  return { atMs: (longest.ts - origin) / 1000, ms: (longest.dur ?? 0) / 1000, name: first === undefined ? longest.name : `${first.name}${detail === '' ? '' : ` (${String(detail)})`}`, ...cpuTimes(events, main.pid, main.tid, longest.ts, end) };
}
