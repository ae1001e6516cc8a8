import type { ColumnGeometry } from './column-geometry';
import { createBoardKeyboardCoordinates, nextColumnBox } from './keyboard-coordinates';

const column = (left: number, top = 0) => ({ left, top, width: 280, height: 800 });
const columns = [column(0), column(300), column(600), column(900)];
// A card inside the second column, padded 8 px from its edges.
const card = { left: 308, top: 100, width: 264, height: 120 };

describe('nextColumnBox', () => {
  it('goes to the neighbouring column on either side, never the card’s own column', () => {
    expect(nextColumnBox(card, columns, 'left')).toEqual(column(0));
    expect(nextColumnBox(card, columns, 'right')).toEqual(column(600));
  });

  it('has nowhere to go past the first or last column', () => {
    expect(nextColumnBox({ ...card, left: 8 }, columns, 'left')).toBeNull();
    expect(nextColumnBox({ ...card, left: 908 }, columns, 'right')).toBeNull();
  });

  it('stays in the card’s swimlane when lanes stack the same columns', () => {
    const lanes = [column(0, 0), column(300, 0), column(0, 900), column(300, 900)];
    expect(nextColumnBox({ ...card, top: 1000 }, lanes, 'left')).toEqual(column(0, 900));
  });
});

describe('arrow Up / Down during a keyboard drag', () => {
  // Rows of 100, 140 and 120 px from y = 50 on screen.
  const rows = [
    { top: 50, height: 100 },
    { top: 150, height: 140 },
    { top: 290, height: 120 },
  ];
  const geometry: ColumnGeometry = {
    indexAt: (y) => {
      const index = rows.findIndex((row) => y < row.top + row.height);
      return index === -1 ? rows.length : index;
    },
    rowBox: (index) => rows[index] ?? null,
  };
  const getter = createBoardKeyboardCoordinates(new Map([['all::IN_PROGRESS', geometry]]));
  const press = (code: string, rect: { top: number; height: number }, overId: string | null = 'all::IN_PROGRESS') =>
    getter(new KeyboardEvent('keydown', { code }), {
      active: 'h-1',
      currentCoordinates: { x: 8, y: rect.top },
      context: {
        collisionRect: { left: 8, top: rect.top, width: 264, height: rect.height, right: 272, bottom: rect.top + rect.height },
        over: overId === null ? null : { id: overId },
      },
    } as unknown as Parameters<typeof getter>[1]);

  it('centres the card on the row above or below the one it is over, so a drop takes that row’s place', () => {
    // Over the middle row: up to the first, down to the last.
    expect(press('ArrowUp', { top: 160, height: 120 })).toEqual({ x: 8, y: 40 });
    expect(press('ArrowDown', { top: 160, height: 120 })).toEqual({ x: 8, y: 290 });
    expect(geometry.indexAt(40 + 60)).toBe(0);
    expect(geometry.indexAt(290 + 60)).toBe(2);
  });

  it('goes nowhere past the first or last loaded row, or outside every column', () => {
    expect(press('ArrowUp', { top: 40, height: 120 })).toBeUndefined();
    expect(press('ArrowDown', { top: 290, height: 120 })).toBeUndefined();
    expect(press('ArrowUp', { top: 160, height: 120 }, null)).toBeUndefined();
  });
});
