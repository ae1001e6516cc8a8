import type { Page } from 'playwright-core';
import { storedHandoff, storedHandoffByTitle, type StoredHandoff } from '../support/baton-idb';
import { STATE_LABELS } from '../../../shared/domain/states';
import { cardIn, centreOf, closeDrawer, column, createHandoffViaDialog, criterionRow, drawer, dragCardToColumn, pickUpAndGlide, refusal, refusalItems } from '../support/board-page';
import { useBoardSession } from '../support/board-session';

const TEMPLATE = 'Development → QA';
const TITLE = 'Checkout API build';
const CLIENT = 'Nordlicht Bikes';

/** What must not change when a move is refused: the record, its history, its outbox. */
function fingerprint(stored: StoredHandoff) {
  return { handoff: stored.handoff, eventIds: stored.events.map((event) => event.id), outboxIds: stored.outbox.map((entry) => entry.id) };
}

async function createBareHandoff(page: Page): Promise<string> {
  await createHandoffViaDialog(page, { title: TITLE, client: CLIENT, template: TEMPLATE });
  await closeDrawer(page, TITLE);
  return (await storedHandoffByTitle(page, TITLE)).id;
}

describe('a drag the gate refuses (on the populated demo board)', () => {
  const session = useBoardSession();

  it('leaves the card and its data untouched, names each unmet criterion with its reason, and “Fix” opens the drawer at it', async () => {
    const { page } = session.app();
    const id = await createBareHandoff(page);
    const before = await storedHandoff(page, id);
    expect(before.handoff?.state).toBe('IN_PROGRESS');
    expect(before.events.length).toBeGreaterThan(0);
    expect(before.outbox.length).toBeGreaterThan(0);
    const readyCountBefore = await column(page, 'READY_FOR_HANDOFF').getByRole('article').count();

    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', TITLE, CLIENT), 'READY_FOR_HANDOFF');

    const panel = refusal(page);
    await panel.waitFor();
    expect(await panel.getByRole('heading').first().innerText()).toBe(`Can’t move “${TITLE}” to Ready for handoff`);
    expect(await panel.innerText()).toContain('2 proofs are missing. The card stayed where it was.');
    expect(await refusalItems(page)).toEqual([
      { label: 'Deployed to staging', reason: '"Deployed to staging" is not ticked yet' },
      { label: 'Staging link attached', reason: 'No context link is attached' },
    ]);

    // The card stayed, and nothing was written: record, history and outbox are as before.
    await cardIn(page, 'IN_PROGRESS', TITLE, CLIENT).waitFor();
    expect(await cardIn(page, 'READY_FOR_HANDOFF', TITLE, CLIENT).count()).toBe(0);
    expect(await column(page, 'READY_FOR_HANDOFF').getByRole('article').count()).toBe(readyCountBefore);
    expect(fingerprint(await storedHandoff(page, id))).toEqual(fingerprint(before));

    // "Fix" goes straight to the missing proof in the drawer.
    await panel.getByRole('button', { name: 'Fix: Staging link attached' }).click();
    const opened = drawer(page, TITLE);
    await opened.waitFor();
    await panel.waitFor({ state: 'detached' });
    const row = criterionRow(opened, 'Staging link attached');
    expect(await row.getAttribute('class')).toContain('highlight');
    expect(await row.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    expect(await row.innerText()).toContain('No context link is attached');
  });

  it('a drag that skips columns is checked against every gate it crosses', async () => {
    const { page } = session.app();
    const id = await createBareHandoff(page);
    const before = fingerprint(await storedHandoff(page, id));

    await dragCardToColumn(page, cardIn(page, 'IN_PROGRESS', TITLE, CLIENT), 'HANDOFF_DONE');

    await refusal(page).waitFor();
    expect((await refusalItems(page)).map((item) => item.label)).toEqual([
      'Deployed to staging',
      'Staging link attached',
      'Test notes written',
      'Receiver assigned',
      'Next action with a due date',
      'Accepted by the QA lead',
    ]);
    await refusal(page).getByRole('button', { name: 'OK' }).click();
    await refusal(page).waitFor({ state: 'detached' });
    await cardIn(page, 'IN_PROGRESS', TITLE, CLIENT).waitFor();
    expect(fingerprint(await storedHandoff(page, id))).toEqual(before);
  });

  it('is never painted in the target column after the drop, not even for a frame before the refusal shows', async () => {
    const { page } = session.app();
    const id = await createBareHandoff(page);
    await pickUpAndGlide(page, cardIn(page, 'IN_PROGRESS', TITLE, CLIENT), await centreOf(column(page, 'READY_FOR_HANDOFF')));
    // From the pointer's release on, every frame: is the card anywhere in the target column?
    await page.evaluate(
      ([cardId, label]) => {
        const seen: boolean[] = [];
        (window as unknown as { __framesAfterDrop: boolean[] }).__framesAfterDrop = seen;
        const region = () => Array.from(document.querySelectorAll('section.column')).find((section) => section.querySelector('h2')?.textContent === label);
        const onFrame = () => {
          seen.push(region()?.querySelector(`[data-card-id="${cardId}"]`) != null);
          if (seen.length < 30) requestAnimationFrame(onFrame);
        };
        window.addEventListener('pointerup', () => requestAnimationFrame(onFrame), { capture: true, once: true });
      },
      [id, STATE_LABELS.READY_FOR_HANDOFF] as const,
    );
    await page.mouse.up();
    await refusal(page).waitFor();
    const frames = await page.waitForFunction(() => {
      const seen = (window as unknown as { __framesAfterDrop: boolean[] }).__framesAfterDrop;
      return seen.length >= 30 ? seen : null;
    });
    const inTarget = (await frames.jsonValue()) as boolean[];
    expect(inTarget).toHaveLength(30);
    expect(inTarget.filter(Boolean)).toEqual([]);
    await cardIn(page, 'IN_PROGRESS', TITLE, CLIENT).waitFor();
  });
});
