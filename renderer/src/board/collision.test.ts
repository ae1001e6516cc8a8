import type { Active, ClientRect, DroppableContainer } from '@dnd-kit/core';
import { createBoardCollision } from './collision';

function rect(left: number, top: number, width: number, height: number): ClientRect {
  return { left, top, width, height, right: left + width, bottom: top + height };
}

const rects = new Map<string, ClientRect>([
  ['left-card', rect(0, 0, 280, 120)],
  ['right-card', rect(300, 60, 280, 120)],
]);
const containers = [...rects.keys()].map((id) => ({ id, rect: { current: rects.get(id) ?? null }, data: { current: {} }, disabled: false }) as unknown as DroppableContainer);
const active = { id: 'dragged' } as unknown as Active;

function args(pointer: { x: number; y: number } | null, overlay: ClientRect) {
  return { active, collisionRect: overlay, droppableRects: rects, droppableContainers: containers, pointerCoordinates: pointer };
}

describe('board collision detection', () => {
  // The overlay straddles both columns and its corners sit closer to the right card,
  // while the pointer is over the left one.
  const straddling = rect(150, 50, 280, 120);

  it('prefers what is under the pointer to what the overlay corners are closest to', () => {
    const collision = createBoardCollision();
    expect(collision.detect(args({ x: 200, y: 60 }, straddling))[0]?.id).toBe('left-card');
    expect(collision.detect(args({ x: 400, y: 100 }, straddling))[0]?.id).toBe('right-card');
  });

  it('falls back to the closest corners without a pointer (keyboard) or outside every card', () => {
    const collision = createBoardCollision();
    expect(collision.detect(args(null, rect(310, 60, 280, 120)))[0]?.id).toBe('right-card');
    expect(collision.detect(args({ x: 900, y: 900 }, rect(5, 5, 280, 120)))[0]?.id).toBe('left-card');
  });

  it('keeps the target that moved the card until that column change is on screen', () => {
    const collision = createBoardCollision();
    expect(collision.detect(args({ x: 200, y: 60 }, straddling))[0]?.id).toBe('left-card');
    collision.movedToNewColumn();
    expect(collision.isSettling()).toBe(true);
    // The stale layout now puts the pointer over the right card: not judged yet.
    expect(collision.detect(args({ x: 400, y: 100 }, straddling))[0]?.id).toBe('left-card');
    collision.settled();
    expect(collision.detect(args({ x: 400, y: 100 }, straddling))[0]?.id).toBe('right-card');
  });
});
