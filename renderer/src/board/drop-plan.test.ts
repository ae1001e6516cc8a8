import { containerId } from './drag-state';
import { planDrop, type DropInput } from './drop-plan';

const IN_PROGRESS = containerId('all', 'IN_PROGRESS');
const READY = containerId('all', 'READY_FOR_HANDOFF');
const RANKS: Record<string, number> = { a: 100, b: 200, c: 300, d: 1000, e: 2000 };

const snapshot = { [IN_PROGRESS]: ['a', 'b', 'c'], [READY]: ['d', 'e'] };

const at = (container: string, index: number) => ({ container, index });

function input(overrides: Partial<DropInput>): DropInput {
  return { activeId: 'a', over: at(IN_PROGRESS, 0), current: snapshot, snapshot, rankOf: (id) => RANKS[id] ?? null, hasUnloadedBelow: () => false, ...overrides };
}

describe('planDrop', () => {
  it('is nothing when the card is dropped where it was, outside every column, or is not on the board', () => {
    expect(planDrop(input({}))).toBeNull();
    expect(planDrop(input({ over: null }))).toBeNull();
    expect(planDrop(input({ activeId: 'zzz', over: at(IN_PROGRESS, 1) }))).toBeNull();
    expect(planDrop(input({ over: at('all::NOWHERE', 0) }))).toBeNull();
  });

  it('reorders within a column at the place of the card it is dropped on, ranked between its new neighbours', () => {
    const down = planDrop(input({ activeId: 'a', over: at(IN_PROGRESS, 2) }));
    expect(down?.to).toBe('IN_PROGRESS');
    expect(down?.finalItems[IN_PROGRESS]).toEqual(['b', 'c', 'a']);
    expect(down?.rank).toBeGreaterThan(300);
    const up = planDrop(input({ activeId: 'c', over: at(IN_PROGRESS, 0) }));
    expect(up?.finalItems[IN_PROGRESS]).toEqual(['c', 'a', 'b']);
    expect(up?.rank).toBeLessThan(100);
    // Below the last card of a column that holds no more: its end.
    expect(planDrop(input({ activeId: 'a', over: at(IN_PROGRESS, 3) }))?.finalItems[IN_PROGRESS]).toEqual(['b', 'c', 'a']);
  });

  it('moves to a column the drag has not yet shown it in, at the row it is over', () => {
    const plan = planDrop(input({ activeId: 'a', over: at(READY, 1) }));
    expect(plan?.to).toBe('READY_FOR_HANDOFF');
    expect(plan?.finalItems[READY]).toEqual(['d', 'a', 'e']);
    expect(plan?.rank).toBeGreaterThan(1000);
    expect(plan?.rank).toBeLessThan(2000);
  });

  it('moves to the column the drag left it in, between its neighbours there', () => {
    const current = { [IN_PROGRESS]: ['b', 'c'], [READY]: ['d', 'a', 'e'] };
    const plan = planDrop(input({ activeId: 'a', over: at(READY, 1), current }));
    expect(plan?.to).toBe('READY_FOR_HANDOFF');
    expect(plan?.rank).toBeGreaterThan(1000);
    expect(plan?.rank).toBeLessThan(2000);
  });

  it('leaves "after the last loaded card" of a column with more below to the data layer (the end of the column)', () => {
    const current = { [IN_PROGRESS]: ['b', 'c'], [READY]: ['d', 'e', 'a'] };
    expect(planDrop(input({ activeId: 'a', over: at(READY, 2), current, hasUnloadedBelow: () => true }))?.rank).toBeUndefined();
    expect(planDrop(input({ activeId: 'a', over: at(READY, 2), current, hasUnloadedBelow: () => false }))?.rank).toBeGreaterThan(2000);
  });
});
