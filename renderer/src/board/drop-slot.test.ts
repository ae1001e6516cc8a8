import { createDropSlotStore, parseSlotKey, slotKey, slotWithinColumn } from './drop-slot';

const IDS = ['a', 'b', 'c', 'd'];

describe('the line where a card dragged within its column would land', () => {
  it('goes below the row it is over when the card moves down, above it when it moves up, and nowhere over its own place', () => {
    expect(slotWithinColumn('col', IDS, 'b', 3)).toEqual({ container: 'col', index: 3, after: true });
    expect(slotWithinColumn('col', IDS, 'c', 0)).toEqual({ container: 'col', index: 0, after: false });
    expect(slotWithinColumn('col', IDS, 'b', 1)).toBeNull();
  });

  it('below the last loaded row means after the last card; a card not in the column has no line', () => {
    expect(slotWithinColumn('col', IDS, 'a', 9)).toEqual({ container: 'col', index: 3, after: true });
    expect(slotWithinColumn('col', IDS, 'd', 4)).toBeNull();
    expect(slotWithinColumn('col', IDS, 'z', 2)).toBeNull();
  });

  it('tells only a change of place to the columns listening, and each column only its own line', () => {
    const store = createDropSlotStore();
    let heard = 0;
    const stop = store.subscribe(() => {
      heard += 1;
    });
    store.set({ container: 'col', index: 2, after: true });
    store.set({ container: 'col', index: 2, after: true });
    expect(heard).toBe(1);
    expect(store.keyFor('col')).toBe('2 after');
    expect(store.keyFor('other')).toBeNull();
    expect(parseSlotKey(store.keyFor('col') ?? '')).toEqual({ index: 2, after: true });
    store.set(null);
    store.set(null);
    expect(heard).toBe(2);
    stop();
    store.set({ container: 'col', index: 0, after: false });
    expect(heard).toBe(2);
    expect(slotKey({ container: 'col', index: 0, after: false })).toBe('0 before');
  });
});
