import { containerId, findContainer, moveItem, neighbours, stateOfContainer } from './drag-state';

const items = {
  [containerId('all', 'IN_PROGRESS')]: ['a', 'b', 'c'],
  [containerId('all', 'READY_FOR_HANDOFF')]: ['d'],
  [containerId('all', 'IN_HANDOFF')]: [],
};

describe('drag state', () => {
  it('maps containers to states, including lane-qualified ones', () => {
    expect(stateOfContainer('Acme Co::IN_HANDOFF')).toBe('IN_HANDOFF');
    expect(stateOfContainer('weird')).toBeNull();
  });

  it('finds the container of a card or of a container id', () => {
    expect(findContainer(items, 'd')).toBe('all::READY_FOR_HANDOFF');
    expect(findContainer(items, 'all::IN_HANDOFF')).toBe('all::IN_HANDOFF');
    expect(findContainer(items, 'zzz')).toBeNull();
  });

  it('moves a card across containers without touching the others', () => {
    const next = moveItem(items, 'b', 'all::READY_FOR_HANDOFF', 0);
    expect(next['all::IN_PROGRESS']).toEqual(['a', 'c']);
    expect(next['all::READY_FOR_HANDOFF']).toEqual(['b', 'd']);
    expect(next['all::IN_HANDOFF']).toBe(items['all::IN_HANDOFF']);
    expect(items['all::IN_PROGRESS']).toEqual(['a', 'b', 'c']);
  });

  it('reorders within a container like arrayMove (the card takes the index it is moved to) and clamps the index', () => {
    expect(moveItem(items, 'a', 'all::IN_PROGRESS', 2)['all::IN_PROGRESS']).toEqual(['b', 'c', 'a']);
    expect(moveItem(items, 'c', 'all::IN_PROGRESS', 0)['all::IN_PROGRESS']).toEqual(['c', 'a', 'b']);
    expect(moveItem(items, 'a', 'all::IN_PROGRESS', 99)['all::IN_PROGRESS']).toEqual(['b', 'c', 'a']);
  });

  it('reports neighbours for rank computation', () => {
    expect(neighbours(items, 'b')).toEqual({ before: 'a', after: 'c' });
    expect(neighbours(items, 'd')).toEqual({ before: null, after: null });
  });
});
