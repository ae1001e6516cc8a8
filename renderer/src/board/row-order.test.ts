import { RowOrder } from './row-order';

const rows = (...keys: string[]) => keys.map((key, index) => ({ key, index }));

describe('RowOrder', () => {
  it('follows the column while nothing is held', () => {
    const order = new RowOrder();
    order.commit(['a', 'b', 'c']);
    expect(order.arrange(rows('a', 'c', 'b'), false).map((r) => r.key)).toEqual(['a', 'c', 'b']);
  });

  it('keeps the committed DOM order while held, with rows new since then after them', () => {
    const order = new RowOrder();
    order.commit(['a', 'b', 'c', 'd']);
    // The dropped card "b" settled after "c"; "d" left the window and "e" entered it.
    const arranged = order.arrange(rows('a', 'c', 'b', 'e'), true);
    expect(arranged.map((r) => r.key)).toEqual(['a', 'b', 'c', 'e']);
    // Each row still carries its own place in the column.
    expect(arranged.map((r) => r.index)).toEqual([0, 2, 1, 3]);
  });

  it('has nothing to hold before its first commit', () => {
    expect(new RowOrder().arrange(rows('b', 'a'), true).map((r) => r.key)).toEqual(['b', 'a']);
  });
});
