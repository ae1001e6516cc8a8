import type { Active, Over } from '@dnd-kit/core';
import { boardAnnouncements } from './announcements';
import { containerId } from './drag-state';

function node(id: string): Active & Over {
  return { id, data: { current: undefined }, rect: { current: { initial: null, translated: null } }, disabled: false } as unknown as Active & Over;
}

describe('board announcements', () => {
  const announce = boardAnnouncements(
    () => 'Checkout QA',
    () => containerId('all', 'IN_HANDOFF'),
  );

  it('keeps "Picked up …" when dnd-kit reports the card over itself right after the pick-up', () => {
    expect(announce.onDragStart({ active: node('h-1') })).toMatch(/^Picked up “Checkout QA”/);
    expect(announce.onDragOver({ active: node('h-1'), over: node('h-1') })).toBeUndefined();
    expect(announce.onDragOver({ active: node('h-1'), over: node('h-2') })).toBe('“Checkout QA” is over In handoff.');
  });
});
