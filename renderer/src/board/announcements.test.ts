import type { Active, Over } from '@dnd-kit/core';
import { boardAnnouncements } from './announcements';
import { containerId } from './drag-state';

function node(id: string): Active & Over {
  return { id, data: { current: undefined }, rect: { current: { initial: null, translated: null } }, disabled: false } as unknown as Active & Over;
}

describe('board announcements', () => {
  const ownColumn = containerId('all', 'IN_PROGRESS');
  const nextColumn = containerId('all', 'READY_FOR_HANDOFF');
  // The card sits in its own column; a column is its own container.
  const announce = boardAnnouncements(
    () => 'Checkout QA',
    (id) => (id === 'h-1' ? ownColumn : id),
  );

  it('keeps "Picked up …" when dnd-kit reports the card over its own column right after the pick-up', () => {
    expect(announce.onDragStart({ active: node('h-1') })).toMatch(/^Picked up “Checkout QA”/);
    expect(announce.onDragOver({ active: node('h-1'), over: node(ownColumn) })).toBeUndefined();
    expect(announce.onDragOver({ active: node('h-1'), over: node(nextColumn) })).toBe('“Checkout QA” is over Ready for handoff.');
    expect(announce.onDragOver({ active: node('h-1'), over: null })).toBe('“Checkout QA” is not over a column.');
  });
});
