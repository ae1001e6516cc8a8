import fc from 'fast-check';
import { rowIndexAtOffset, type RowExtent } from './column-geometry';

/** Rows laid out one after another, as the virtualizer places them. */
function stacked(sizes: readonly number[]): RowExtent[] {
  let start = 0;
  return sizes.map((size) => {
    const row = { start, size };
    start += size;
    return row;
  });
}

describe('rowIndexAtOffset', () => {
  const rows = stacked([100, 140, 120]);

  it('is the row under the offset, the first at its top edge and the next at its bottom edge', () => {
    expect(rowIndexAtOffset(rows, 3, 0)).toBe(0);
    expect(rowIndexAtOffset(rows, 3, 99.5)).toBe(0);
    expect(rowIndexAtOffset(rows, 3, 100)).toBe(1);
    expect(rowIndexAtOffset(rows, 3, 300)).toBe(2);
  });

  it('is the number of loaded rows past them, above the first row the first', () => {
    expect(rowIndexAtOffset(rows, 3, 360)).toBe(3);
    expect(rowIndexAtOffset(rows, 3, 10_000)).toBe(3);
    expect(rowIndexAtOffset(rows, 3, -40)).toBe(0);
  });

  it('counts only loaded rows: the virtualizer also lays out rows still loading', () => {
    expect(rowIndexAtOffset(rows, 2, 300)).toBe(2);
    expect(rowIndexAtOffset(rows, 0, 50)).toBe(0);
    expect(rowIndexAtOffset([], 5, 50)).toBe(0);
  });

  it('agrees with a linear scan for any layout and offset', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 60 }), fc.integer({ min: 0, max: 60 }), fc.double({ min: -100, max: 30_000, noNaN: true }), (sizes, loaded, offset) => {
        const laid = stacked(sizes);
        const limit = Math.min(loaded, laid.length);
        const scanned = laid.slice(0, limit).findIndex((row) => offset < row.start + row.size);
        expect(rowIndexAtOffset(laid, loaded, offset)).toBe(scanned === -1 ? limit : scanned);
      }),
    );
  });
});
