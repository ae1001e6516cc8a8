import { containerId } from './drag-state';
import { planDrop, type DropInput } from './drop-plan';

const IN_PROGRESS = containerId('all', 'IN_PROGRESS');
const READY = containerId('all', 'READY_FOR_HANDOFF');
const RANKS: Record<string, number> = { a: 100, b: 200, c: 300, d: 1000, e: 2000 };

const snapshot = { [IN_PROGRESS]: ['a', 'b', 'c'], [READY]: ['d', 'e'] };

function input(overrides: Partial<DropInput>): DropInput {
  return { activeId: 'a', overId: 'a', current: snapshot, snapshot, rankOf: (id) => RANKS[id] ?? null, hasUnloadedBelow: () => false, ...overrides };
}

describe('planDrop', () => {
  it('is nothing when the card is dropped where it was or over nothing it knows', () => {
    expect(planDrop(input({}))).toBeNull();
    expect(planDrop(input({ overId: IN_PROGRESS }))).toBeNull();
    expect(planDrop(input({ activeId: 'zzz', overId: 'b' }))).toBeNull();
  });

  it('reorders within a column at the place of the card it is dropped on, ranked between its new neighbours', () => {
    const plan = planDrop(input({ activeId: 'a', overId: 'c' }));
    expect(plan?.to).toBe('IN_PROGRESS');
    expect(plan?.finalItems[IN_PROGRESS]).toEqual(['b', 'c', 'a']);
    expect(plan?.rank).toBeGreaterThan(300);
  });

  it('moves to the column the drag left it in, between its neighbours there', () => {
    const current = { [IN_PROGRESS]: ['b', 'c'], [READY]: ['d', 'a', 'e'] };
    const plan = planDrop(input({ activeId: 'a', overId: 'a', current }));
    expect(plan?.to).toBe('READY_FOR_HANDOFF');
    expect(plan?.rank).toBeGreaterThan(1000);
    expect(plan?.rank).toBeLessThan(2000);
  });

  it('leaves "after the last loaded card" of a column with more below to the data layer (the end of the column)', () => {
    const current = { [IN_PROGRESS]: ['b', 'c'], [READY]: ['d', 'e', 'a'] };
    expect(planDrop(input({ activeId: 'a', overId: 'a', current, hasUnloadedBelow: () => true }))?.rank).toBeUndefined();
    expect(planDrop(input({ activeId: 'a', overId: 'a', current, hasUnloadedBelow: () => false }))?.rank).toBeGreaterThan(2000);
  });
});
