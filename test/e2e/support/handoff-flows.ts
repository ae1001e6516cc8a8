import type { Page } from 'playwright-core';
import type { HandoffState } from '../../../shared/domain/states';
import { STATE_LABELS, stateIndex } from '../../../shared/domain/states';
import { storedHandoffByTitle } from './baton-idb';
import { addContextLink, card, cardIn, closeDrawer, createHandoffViaDialog, futureLocalDateTime, tickCriterion } from './board-page';

/** "Development → QA" proof a user gives in the drawer, gate by gate (ACCEPT needs the QA lead's approval). */
export const DEV_TO_QA = 'Development → QA';

export interface PreparedHandoff {
  id: string;
  title: string;
  client: string;
}

/**
 * A "Development → QA" handoff for the current user ("Me") with every READY and
 * HAND_OVER proof given through the UI, so it may go as far as In handoff.
 */
export async function createHandoffReadyToHandOver(page: Page, title: string, client: string): Promise<PreparedHandoff> {
  const drawer = await createHandoffViaDialog(page, {
    title,
    client,
    template: DEV_TO_QA,
    receiver: 'Me',
    nextAction: { text: 'First test pass', due: futureLocalDateTime(2) },
  });
  await tickCriterion(drawer, 'Deployed to staging');
  await addContextLink(drawer, 'https://staging.example.com/', 'Staging');
  await tickCriterion(drawer, 'Test notes written');
  await closeDrawer(page, title);
  const { id } = await storedHandoffByTitle(page, title);
  return { id, title, client };
}

/** Moves a card through its "Move to…" menu (opened from the card's actions button). */
export async function moveWithMenu(page: Page, handoff: PreparedHandoff, to: HandoffState, from: HandoffState): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${handoff.title}` }).click();
  const arrow = stateIndex(to) > stateIndex(from) ? '→' : '←';
  await page
    .getByRole('dialog', { name: `Move “${handoff.title}”` })
    .getByRole('button', { name: `${arrow} Move to ${STATE_LABELS[to]}` })
    .click();
}

/** Waits until the card shows in `state`'s column. */
export async function waitForCardIn(page: Page, handoff: PreparedHandoff, state: HandoffState): Promise<void> {
  await cardIn(page, state, handoff.title, handoff.client).waitFor();
}

export function cardOf(page: Page, handoff: PreparedHandoff) {
  return card(page, handoff.title, handoff.client);
}
