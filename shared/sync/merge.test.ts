import { appliesRemote, isConflict, mergeField, mergeProperties } from './merge';

const EARLY = '2026-11-01T09:00:00.000Z';
const LATE = '2026-11-02T09:00:00.000Z';

function input(local: string | null, remote: string | null, base: string | null | undefined, localAt = EARLY, remoteAt = EARLY) {
  return {
    local: { f: local },
    remote: { f: remote },
    base: base === undefined ? null : { f: base },
    localTimeOf: () => localAt,
    remoteTimeOf: () => remoteAt,
  };
}

describe('three-way merge', () => {
  it('keeps a value neither side changed', () => {
    expect(mergeField('f', input('a', 'a', 'a'))).toMatchObject({ kind: 'unchanged', winner: 'a' });
  });

  it('keeps a local-only change (to push later)', () => {
    const outcome = mergeField('f', input('b', 'a', 'a'));
    expect(outcome).toMatchObject({ kind: 'local', winner: 'b' });
    expect(appliesRemote(outcome)).toBe(false);
  });

  it('takes a remote-only change', () => {
    const outcome = mergeField('f', input('a', 'c', 'a'));
    expect(outcome).toMatchObject({ kind: 'remote', winner: 'c' });
    expect(appliesRemote(outcome)).toBe(true);
  });

  it('treats the same change on both sides as agreement', () => {
    const outcome = mergeField('f', input('b', 'b', 'a'));
    expect(outcome.kind).toBe('same');
    expect(isConflict(outcome)).toBe(false);
  });

  it('lets the later local change win a conflict', () => {
    const outcome = mergeField('f', input('b', 'c', 'a', LATE, EARLY));
    expect(outcome).toMatchObject({ kind: 'conflict_local_wins', winner: 'b', local: 'b', remote: 'c', base: 'a' });
    expect(isConflict(outcome)).toBe(true);
    expect(appliesRemote(outcome)).toBe(false);
  });

  it('lets the later remote change win a conflict', () => {
    const outcome = mergeField('f', input('b', 'c', 'a', EARLY, LATE));
    expect(outcome).toMatchObject({ kind: 'conflict_remote_wins', winner: 'c' });
    expect(appliesRemote(outcome)).toBe(true);
  });

  it('gives a tie to HubSpot, and treats a missing base as a conflict', () => {
    expect(mergeField('f', input('b', 'c', 'a', LATE, LATE)).kind).toBe('conflict_remote_wins');
    expect(mergeField('f', input('b', 'c', undefined, LATE, EARLY)).kind).toBe('conflict_local_wins');
  });

  it('handles null (cleared) values like any other value', () => {
    expect(mergeField('f', input(null, 'a', 'a')).kind).toBe('local');
    expect(mergeField('f', input('a', null, 'a')).kind).toBe('remote');
  });

  it('merges only properties present on both sides', () => {
    const outcomes = mergeProperties({
      local: { a: '1', b: '2' },
      remote: { a: '1' },
      base: { a: '1', b: '1' },
      localTimeOf: () => EARLY,
      remoteTimeOf: () => EARLY,
    });
    expect(outcomes.map((o) => o.name)).toEqual(['a']);
  });
});
