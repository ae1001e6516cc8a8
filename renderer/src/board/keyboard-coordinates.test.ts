import { nextColumnBox } from './keyboard-coordinates';

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
