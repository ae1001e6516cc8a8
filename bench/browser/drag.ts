import type { Page } from 'playwright-core';
import type { HandoffState } from '../../shared/domain/states';
import type { BenchProbe } from './instrumentation';

/** The page's globals the drag measurements read. */
interface DragWindow {
  __benchProbe: BenchProbe;
  __benchDragDone: { shownMs: number; commitMs: number; txStartMs: number } | null;
}

export function columnSelector(state: HandoffState): string {
  return `section[data-state="${state}"]`;
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (box === null) throw new Error(`"${selector}" is not laid out`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on the first card of `from` the way a user grabs it and moves past dnd-kit's activation distance. */
async function pickUpFirstCard(page: Page, from: HandoffState): Promise<string> {
  const card = page.locator(`${columnSelector(from)} [data-card-id]`).first();
  const id = await card.getAttribute('data-card-id');
  const box = await card.boundingBox();
  if (id === null || box === null) throw new Error(`No card to drag in ${from}`);
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(20, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10);
  return id;
}

/**
 * Figure 2, one run: drags the first "Ready for handoff" card onto "In progress"
 * (a move no gate refuses) and returns ms from the pointerup to the first frame
 * after which the card is in its new column AND the handoffs write has committed.
 */
export interface DragCommitRun {
  /** pointerup → first frame showing the card committed in its new column. */
  ms: number;
  /** pointerup → the IndexedDB transaction that wrote the move completed. */
  commitMs: number;
  /** pointerup → that transaction was opened (time spent in the UI before the write starts). */
  txStartMs: number;
  /** Main-thread time handling the pointerup itself (dnd-kit's end of drag and React's render of it); null if not reported. */
  dropHandlingMs: number | null;
  id: string;
}

export async function measureDragCommit(page: Page): Promise<DragCommitRun> {
  const id = await pickUpFirstCard(page, 'READY_FOR_HANDOFF');
  const target = await centreOf(page, `${columnSelector('IN_PROGRESS')} .column-scroll`);
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.evaluate(
    ([cardId, selector]) => {
      const w = window as unknown as DragWindow;
      w.__benchDragDone = null;
      w.__benchProbe.pointerUpAt = null;
      w.__benchProbe.pointerUpProcessing = [];
      const done = () => {
        const up = w.__benchProbe.pointerUpAt;
        if (up === null) return false;
        return w.__benchProbe.handoffCommits.some((at) => at >= up) && document.querySelector(`${selector} [data-card-id="${cardId}"]`) !== null;
      };
      const onFrame = () => {
        if (!done()) {
          requestAnimationFrame(onFrame);
          return;
        }
        // The frame being produced shows the committed card; a message posted now runs after it.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const up = w.__benchProbe.pointerUpAt ?? 0;
          const committedAt = w.__benchProbe.handoffCommits.find((at) => at >= up) ?? up;
          const openedAt = w.__benchProbe.handoffTxStarts.find((at) => at >= up) ?? up;
          w.__benchDragDone = { shownMs: performance.now() - up, commitMs: committedAt - up, txStartMs: openedAt - up };
        };
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(onFrame);
    },
    [id, columnSelector('IN_PROGRESS')] as const,
  );
  await page.mouse.up();
  const handle = await page.waitForFunction(() => (window as unknown as DragWindow).__benchDragDone, undefined, { timeout: 30_000, polling: 20 });
  const done = (await handle.jsonValue()) as DragWindow['__benchDragDone'];
  if (done === null) throw new Error('The dragged card never showed committed in its new column');
  // Event Timing entries are delivered after the next paint.
  await page.waitForTimeout(200);
  const handling = await page.evaluate(() => (window as unknown as DragWindow).__benchProbe.pointerUpProcessing.at(-1) ?? null);
  return { ms: done.shownMs, commitMs: done.commitMs, txStartMs: done.txStartMs, dropHandlingMs: handling, id };
}

/** The same recording with nobody touching the page: the machine's own noise floor for frame gaps. */
export async function measureIdleFrames(page: Page, ms: number): Promise<FrameRun> {
  await page.evaluate(() => {
    const probe = (window as unknown as DragWindow).__benchProbe;
    probe.frames = [];
    probe.recording = true;
  });
  await page.waitForTimeout(ms);
  const frames = await page.evaluate(() => {
    const probe = (window as unknown as DragWindow).__benchProbe;
    probe.recording = false;
    return probe.frames;
  });
  return frameStats(frames);
}

function frameStats(frames: readonly number[]): FrameRun {
  const gaps = frames.slice(1).map((at, index) => at - (frames[index] ?? at));
  const frameMs = 1000 / 60;
  return {
    frames: frames.length,
    longestMs: gaps.reduce((a, b) => Math.max(a, b), 0),
    droppedFrames: gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / frameMs) - 1), 0),
  };
}

export interface FrameRun {
  frames: number;
  longestMs: number;
  /** Frames that should have been shown but were not (a 50 ms gap at 60 Hz drops 2). */
  droppedFrames: number;
}

/**
 * The sweep the frame figure records: right across the board, back over the
 * card's own column, on to the first column and back home again.
 */
export const FRAME_SWEEP: readonly HandoffState[] = ['IN_HANDOFF', 'HANDOFF_DONE', 'IN_HANDOFF', 'READY_FOR_HANDOFF', 'IN_PROGRESS', 'READY_FOR_HANDOFF'];
/** A drag that leaves its column and comes back, then goes on: what a user does when they change their mind. */
export const RETURN_SWEEP: readonly HandoffState[] = ['IN_PROGRESS', 'READY_FOR_HANDOFF', 'IN_PROGRESS'];

/**
 * Drags a "Ready for handoff" card along `path` and cancels with Escape;
 * returns the errors the page threw meanwhile (new entries of `errors`).
 */
export async function sweepBackToOrigin(page: Page, errors: string[]): Promise<string[]> {
  const before = errors.length;
  await pickUpFirstCard(page, 'READY_FOR_HANDOFF');
  for (const state of RETURN_SWEEP) {
    const point = await centreOf(page, `${columnSelector(state)} .column-scroll`).catch(() => null);
    if (point === null) break;
    await page.mouse.move(point.x, point.y, { steps: 20 });
  }
  await page.keyboard.press('Escape');
  await page.mouse.up();
  return errors.slice(before);
}

/**
 * Figure 3, one run: picks up a "Ready for handoff" card and glides it along
 * `FRAME_SWEEP` while recording requestAnimationFrame timestamps, then
 * cancels with Escape (nothing is written).
 */
export async function measureDragFrames(page: Page): Promise<FrameRun> {
  await pickUpFirstCard(page, 'READY_FOR_HANDOFF');
  await page.evaluate(() => {
    const probe = (window as unknown as DragWindow).__benchProbe;
    probe.frames = [];
    probe.recording = true;
  });
  for (const state of FRAME_SWEEP) {
    const point = await centreOf(page, `${columnSelector(state)} .column-scroll`);
    await page.mouse.move(point.x, point.y, { steps: 20 });
  }
  const frames = await page.evaluate(() => {
    const probe = (window as unknown as DragWindow).__benchProbe;
    probe.recording = false;
    return probe.frames;
  });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  return frameStats(frames);
}
