import type { Page } from 'playwright-core';
import type { HandoffState } from '../../shared/domain/states';
import { STATE_LABELS } from '../../shared/domain/states';
import { centreOf, columnSelector, pickUpFirstCard } from './drag';
import type { BenchProbe } from './instrumentation';

/** The three ways a card is moved, each measured the same way. */
export const MOVE_KINDS = ['pointer', 'keyboard', 'menu'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

/** The move every run makes: a backward move no gate refuses. */
const FROM: HandoffState = 'READY_FOR_HANDOFF';
const TO: HandoffState = 'IN_PROGRESS';

/** The input event that drops the card, per kind. */
const DROP_INPUT: Record<MoveKind, { type: string; key: string }> = {
  pointer: { type: 'pointerup', key: '' },
  keyboard: { type: 'keydown', key: ' ' },
  menu: { type: 'click', key: '' },
};

export interface MoveRun {
  /** Drop input → the end of the first frame that shows the card (not the drag's placeholder) in its new column. */
  paintedMs: number;
  /** Drop input → the IndexedDB transaction that wrote the move completed. */
  committedMs: number;
  /** Drop input → the end of the first frame showing the card in its new column after that commit. */
  shownCommittedMs: number;
  /** Drop input → that transaction was opened (the write is issued before the paint). */
  txStartMs: number;
  /** Main-thread time dispatching the drop input itself (every listener and the render it triggers); null if its propagation stopped. */
  handlingMs: number | null;
  /** Longest requestAnimationFrame gap from the move's first input to the paint after the drop. */
  longestFrameMs: number;
  id: string;
}

/** Page globals the move watcher uses. */
interface MoveWindow {
  __benchProbe: BenchProbe;
  __benchMove: Omit<MoveRun, 'id' | 'longestFrameMs'> | null;
}

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = (window as unknown as MoveWindow).__benchProbe;
    probe.frames = [];
    probe.recording = true;
  });
}

/**
 * Watches, frame by frame, for the drop input of the next move and then for
 * the card in its new column (not the drag placeholder): once painted, and once
 * painted after the write committed. A menu move puts the card at the end of
 * its new column, thousands of cards down at 10k, so it counts as painted when
 * the card has left the column it was in. Runs in the page.
 */
async function armDropWatcher(page: Page, id: string, kind: MoveKind): Promise<void> {
  const input = DROP_INPUT[kind];
  await page.evaluate(
    ([cardId, selector, fromSelector, leavesView, type, key]) => {
      const w = window as unknown as MoveWindow;
      const probe = w.__benchProbe;
      w.__benchMove = null;
      const armedAt = performance.now();
      let paintedAt: number | null = null;
      // Right after the frame being produced: a message posted from rAF runs after that frame.
      const afterFrame = (done: (at: number) => void) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      };
      const onFrame = () => {
        const drop = probe.inputs.find((entry) => entry.type === type && entry.key === key && entry.startedAt >= armedAt);
        // In the column, not the drag's placeholder, and not hidden (a drop animation hides it until it ends);
        // a move to the far end of a long column shows as the card leaving the column it was in.
        const card = drop === undefined ? null : document.querySelector(`${selector} [data-card-id="${cardId}"]:not([data-dragging])`);
        const shown = leavesView ? drop !== undefined && document.querySelector(`${fromSelector} [data-card-id="${cardId}"]`) === null : card !== null && getComputedStyle(card).opacity !== '0';
        if (drop === undefined || !shown) {
          requestAnimationFrame(onFrame);
          return;
        }
        const up = drop.startedAt;
        const committedAt = probe.handoffCommits.find((at) => at >= up);
        if (paintedAt === null) {
          afterFrame((at) => {
            paintedAt = at;
            probe.recording = false;
          });
        }
        if (committedAt === undefined) {
          requestAnimationFrame(onFrame);
          return;
        }
        afterFrame((at) => {
          const openedAt = probe.handoffTxStarts.find((t) => t >= up) ?? up;
          w.__benchMove = {
            paintedMs: (paintedAt ?? at) - up,
            committedMs: committedAt - up,
            shownCommittedMs: at - up,
            txStartMs: openedAt - up,
            handlingMs: drop.endedAt === null ? null : drop.endedAt - drop.startedAt,
          };
        });
      };
      requestAnimationFrame(onFrame);
    },
    [id, columnSelector(TO), columnSelector(FROM), kind === 'menu', input.type, input.key] as const,
  );
}

async function dropResult(page: Page, id: string): Promise<MoveRun> {
  const handle = await page.waitForFunction(() => (window as unknown as MoveWindow).__benchMove, undefined, { timeout: 30_000, polling: 20 });
  const done = (await handle.jsonValue()) as MoveWindow['__benchMove'];
  if (done === null) throw new Error('The moved card never showed committed in its new column');
  const frames = await page.evaluate(() => {
    const probe = (window as unknown as MoveWindow).__benchProbe;
    probe.recording = false;
    return probe.frames;
  });
  const longestFrameMs = frames.slice(1).reduce((longest, at, index) => Math.max(longest, at - (frames[index] ?? at)), 0);
  return { ...done, longestFrameMs, id };
}

async function firstCardId(page: Page): Promise<string> {
  const id = await page.locator(`${columnSelector(FROM)} [data-card-id]`).first().getAttribute('data-card-id');
  if (id === null) throw new Error(`No card left in ${STATE_LABELS[FROM]}`);
  return id;
}

/** A real mouse drag (dnd-kit's pointer sensor) onto the target column. */
async function pointerMove(page: Page): Promise<MoveRun> {
  await startFrames(page);
  const id = await pickUpFirstCard(page, FROM);
  const target = await centreOf(page, `${columnSelector(TO)} .column-scroll`);
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await armDropWatcher(page, id, 'pointer');
  await page.mouse.up();
  return dropResult(page, id);
}

/** dnd-kit's keyboard sensor: Space picks up, ArrowLeft goes one column left, Space drops (as a keyboard user does). */
async function keyboardMove(page: Page): Promise<MoveRun> {
  const id = await firstCardId(page);
  const card = page.locator(`${columnSelector(FROM)} [data-card-id="${id}"]`);
  const title = (await card.getAttribute('aria-label'))?.split(',')[0] ?? '';
  const narration = (text: string) => page.getByRole('status').filter({ hasText: text });
  await card.focus();
  await startFrames(page);
  await page.keyboard.press('Space');
  // The pick-up is narrated once and not overwritten by "over itself" (a screen reader must get to read it).
  await narration(`Picked up “${title}”.`).waitFor();
  await page.keyboard.press('ArrowLeft');
  await narration(`“${title}” is over ${STATE_LABELS[TO]}.`)
    .waitFor()
    .catch(async (error: unknown) => {
      // Say what a screen reader heard instead: the figure is useless, the narration is the finding.
      const heard = await page.getByRole('status').allInnerTexts();
      throw new Error(`ArrowLeft on “${title}” was not narrated as over ${STATE_LABELS[TO]}; the status regions said: ${JSON.stringify(heard)}`, { cause: error });
    });
  await armDropWatcher(page, id, 'keyboard');
  // Held as a person holds a key (tens of ms), not `press`: a keyup sent in the same instant as the
  // keydown makes Chromium hold back every task until its next frame, so the watcher's message after
  // the frame that shows the drop ran up to a frame late even on a page with no app (see bench/README.md).
  await page.keyboard.down('Space');
  try {
    return await dropResult(page, id);
  } finally {
    await page.keyboard.up('Space');
  }
}

/** The card's "⋯" menu, then "Move to In progress" in the move dialog. */
async function menuMove(page: Page): Promise<MoveRun> {
  const id = await firstCardId(page);
  await startFrames(page);
  await page.locator(`${columnSelector(FROM)} [data-card-id="${id}"] .card-menu-btn`).click();
  const button = page.getByRole('dialog').getByRole('button', { name: `Move to ${STATE_LABELS[TO]}` });
  await button.waitFor();
  await armDropWatcher(page, id, 'menu');
  await button.click();
  return dropResult(page, id);
}

/** One move of the first "Ready for handoff" card to "In progress" by `kind`, measured from its drop input. */
export function measureMove(page: Page, kind: MoveKind): Promise<MoveRun> {
  switch (kind) {
    case 'pointer':
      return pointerMove(page);
    case 'keyboard':
      return keyboardMove(page);
    case 'menu':
      return menuMove(page);
  }
}
