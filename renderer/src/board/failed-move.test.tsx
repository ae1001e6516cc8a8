import { screen, waitFor, within } from '@testing-library/react';
import { makeHandoff, makeTemplate } from '../../../test/support/db-fixtures';
import { renderApp } from '../../../test/support/render-app';

// Long SLAs: the seeded cards are weeks old, and the clock watcher would (rightly) raise stalls on them.
const template = makeTemplate({ sla: { IN_PROGRESS: 10_000, READY_FOR_HANDOFF: 10_000, IN_HANDOFF: 10_000 } });

function seed() {
  return {
    templates: [template],
    handoffs: [
      makeHandoff({ id: 'h-spring', title: 'Spring sale landing page' }),
      makeHandoff({ id: 'h-catalogue', title: 'Catalogue import', state: 'READY_FOR_HANDOFF', rank: 10 }),
    ],
  };
}

function column(name: string): HTMLElement {
  const section = screen.getByRole('heading', { name, level: 2 }).closest('section');
  if (!section) throw new Error(`no column ${name}`);
  return section;
}

/** Every column the card has been seen in, from now on (a MutationObserver over the board). */
function watchCard(title: string): { seenIn: Set<string>; stop: () => void } {
  const seenIn = new Set<string>();
  const look = () => {
    for (const section of document.querySelectorAll('section.column')) {
      if (section.textContent?.includes(title)) seenIn.add(section.getAttribute('data-state') ?? '?');
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { seenIn, stop: () => observer.disconnect() };
}

describe('a move whose write fails', () => {
  it('is shown in its new column at once, then put back with a message when the database refuses the write; nothing is saved', async () => {
    const { user, db } = await renderApp(seed());
    await screen.findByText('Catalogue import');
    const before = await db.handoffs.get('h-catalogue');
    const eventsBefore = await db.events.count();
    const outboxBefore = await db.outbox.count();
    // The disk is full: IndexedDB refuses the history event the move writes, which aborts the whole transaction.
    db.events.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    await user.click(screen.getByRole('button', { name: 'Actions for Catalogue import' }));
    const watch = watchCard('Catalogue import');
    await user.click(await screen.findByRole('button', { name: /Move to In progress/ }));

    const toast = await screen.findByText(/“Catalogue import” could not be moved to In progress, so it is back in Ready for handoff: Your disk is full/);
    expect(toast).toBeInTheDocument();
    await waitFor(() => expect(within(column('Ready for handoff')).getByText('Catalogue import')).toBeInTheDocument());
    expect(within(column('In progress')).queryByText('Catalogue import')).not.toBeInTheDocument();
    watch.stop();
    // Painted optimistically before the write failed, as every allowed move is.
    expect(watch.seenIn).toContain('IN_PROGRESS');
    expect(await db.handoffs.get('h-catalogue')).toEqual(before);
    expect(await db.events.count()).toBe(eventsBefore);
    expect(await db.outbox.count()).toBe(outboxBefore);
    // The other card was not touched.
    expect(within(column('In progress')).getByText('Spring sale landing page')).toBeInTheDocument();
  });

  it('a move the gate refuses is never shown in the target column and writes nothing', async () => {
    const { user, db } = await renderApp(seed());
    await screen.findByText('Spring sale landing page');
    const eventsBefore = await db.events.count();
    await user.click(screen.getByRole('button', { name: 'Actions for Spring sale landing page' }));
    const watch = watchCard('Spring sale landing page');
    await user.click(await screen.findByRole('button', { name: /Move to Ready for handoff/ }));
    await screen.findByRole('alertdialog');
    watch.stop();
    expect(watch.seenIn).not.toContain('READY_FOR_HANDOFF');
    expect(within(column('In progress')).getByText('Spring sale landing page')).toBeInTheDocument();
    expect(await db.events.count()).toBe(eventsBefore);
  });
});
