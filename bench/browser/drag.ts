import type { Page } from 'playwright-core';
import type { HandoffState } from '../../shared/domain/states';
import type { BenchProbe } from './instrumentation';

/** The page's globals the drag measurements read. */
interface DragWindow {
  __benchProbe: BenchProbe;
}

export function columnSelector(state: HandoffState): string {
  return `section[data-state="${state}"]`;
}

export async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (box === null) throw new Error(`"${selector}" is not laid out`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on the first card of `from` the way a user grabs it and moves past dnd-kit's activation distance. */
export async function pickUpFirstCard(page: Page, from: HandoffState): Promise<string> {
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
