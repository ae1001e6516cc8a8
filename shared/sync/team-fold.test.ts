import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTemplate } from '../domain/fixtures';
import { SEED_TEMPLATES } from '../seed/templates';
import type { TeamAct } from './team-carrier';
import { archiveActs, legacyRoleActs, mergeTeam, roleActs, roleChanges, sameTeam, withTeamRoles } from './team-fold';

const V1 = makeTemplate({ id: 'tpl', version: 1, name: 'Dev → QA' });
const A2 = makeTemplate({ id: 'tpl', version: 2, name: 'Dev → QA (Ada)', createdAt: '2026-11-24T09:00:00.000Z' });
const B2 = makeTemplate({ id: 'tpl', version: 2, name: 'Dev → QA (Grace)', createdAt: '2026-11-24T09:01:00.000Z' });

function role(id: string, seq: number, person: string, value: string, at = '2026-11-24T09:00:00.000Z'): TeamAct {
  return { kind: 'role', id, seq, at, by: 'p0', person, role: value };
}

describe('merging team settings', () => {
  it('unites template versions and leaves the shipped seeds out', () => {
    const seed = SEED_TEMPLATES[0];
    if (!seed) throw new Error('a seed');
    const { record } = mergeTeam({ templates: [seed, V1], acts: [] }, { templates: [A2], acts: [] });
    expect(record.templates.map((t) => [t.id, t.version, t.name])).toEqual([
      ['tpl', 1, 'Dev → QA'],
      ['tpl', 2, 'Dev → QA (Ada)'],
    ]);
    // An edited seed travels.
    const edited = mergeTeam({ templates: [{ ...seed, version: 2, description: 'Ours now' }], acts: [] }).record;
    expect(edited.templates.map((t) => [t.id, t.version])).toEqual([[seed.id, 2]]);
  });

  it('keeps both contents when two desktops made the same version: the later one gets the next number, the same everywhere', () => {
    const ab = mergeTeam({ templates: [V1, A2], acts: [] }, { templates: [V1, B2], acts: [] });
    const ba = mergeTeam({ templates: [V1, B2], acts: [] }, { templates: [V1, A2], acts: [] });
    expect(ab.record).toEqual(ba.record);
    expect(ab.record.templates.map((t) => [t.version, t.name])).toEqual([
      [1, 'Dev → QA'],
      [2, 'Dev → QA (Ada)'],
      [3, 'Dev → QA (Grace)'],
    ]);
    expect(ab.renumbered).toEqual([{ templateId: 'tpl', from: 2, to: 3 }]);
    // Grace's desktop still holding her v2 meets the merged record: nothing is renumbered twice.
    const again = mergeTeam({ templates: [V1, B2], acts: [] }, ab.record);
    expect(again.record).toEqual(ab.record);
    expect(mergeTeam(ab.record, ab.record).record).toEqual(ab.record);
  });

  it('keeps a revert to earlier wording as its own version', () => {
    const v3 = { ...V1, version: 3, createdAt: '2026-11-25T09:00:00.000Z' };
    expect(mergeTeam({ templates: [V1, A2, v3], acts: [] }).record.templates.map((t) => t.version)).toEqual([1, 2, 3]);
  });

  it('decides each role by the act that sorts last, whatever order the acts arrived in', () => {
    const a = [role('a1', 1, 'grace', 'QA lead'), role('a2', 3, 'ada', 'Design lead')];
    const b = [role('b1', 2, 'grace', 'Dev lead'), role('b2', 3, 'ada', 'PM lead', '2026-11-24T10:00:00.000Z')];
    const ab = mergeTeam({ templates: [], acts: a }, { templates: [], acts: b }).record;
    const ba = mergeTeam({ templates: [], acts: b }, { templates: [], acts: a }).record;
    expect(ab).toEqual(ba);
    expect(sameTeam(ab, ba)).toBe(true);
    const roles = roleActs(ab.acts);
    expect(roles.get('grace')?.role).toBe('Dev lead');
    expect(roles.get('ada')?.role).toBe('PM lead');
    const owners = withTeamRoles([{ id: 'grace', name: 'Grace' }, { id: 'ada', name: 'Ada', role: 'x' }, { id: 'me', name: 'Me', role: 'Mine' }], ab.acts);
    expect(owners).toEqual([
      { id: 'grace', name: 'Grace', role: 'Dev lead' },
      { id: 'ada', name: 'Ada', role: 'PM lead' },
      { id: 'me', name: 'Me', role: 'Mine' },
    ]);
    // Taking a role away.
    expect(withTeamRoles([{ id: 'grace', name: 'Grace', role: 'QA lead' }], [role('r', 9, 'grace', '')])).toEqual([{ id: 'grace', name: 'Grace' }]);
  });

  it('records a role change as an act after every act seen, and publishes roles set before roles travelled', () => {
    const known = [role('k', 4, 'x', 'Y')];
    const acts = roleChanges([{ id: 'g', name: 'Grace' }, { id: 'a', name: 'Ada', role: 'Lead' }], [{ id: 'g', name: 'Grace', role: 'QA lead' }, { id: 'a', name: 'Ada', role: 'Lead ' }], known, 'a', '2026-11-24T09:00:00.000Z');
    expect(acts).toEqual([expect.objectContaining({ kind: 'role', person: 'g', role: 'QA lead', seq: 5, by: 'a' })]);
    const legacy = legacyRoleActs([{ id: 'g', name: 'Grace', role: 'QA lead' }, { id: 'x', name: 'X', role: 'Z' }, { id: 'n', name: 'N' }], known, 'a', '2026-11-24T09:00:00.000Z');
    expect(legacy).toEqual([expect.objectContaining({ person: 'g', role: 'QA lead', seq: 0 })]);
  });

  it('decides archiving per template', () => {
    const acts: TeamAct[] = [
      { kind: 'template_archived', id: 'x1', seq: 1, at: '2026-11-24T09:00:00.000Z', by: 'a', templateId: 'tpl', archived: true },
      { kind: 'template_archived', id: 'x2', seq: 2, at: '2026-11-24T09:00:00.000Z', by: 'b', templateId: 'tpl', archived: false },
    ];
    expect(archiveActs(acts).get('tpl')?.archived).toBe(false);
  });
});

describe('merging team settings, for any two desktops', () => {
  const template = fc.record({
    id: fc.constantFrom('tpl-a', 'tpl-b'),
    version: fc.integer({ min: 1, max: 3 }),
    name: fc.constantFrom('One', 'Two', 'Three'),
    createdAt: fc.constantFrom('2026-11-24T09:00:00.000Z', '2026-11-24T09:05:00.000Z', '2026-11-25T09:00:00.000Z'),
  });
  const act = fc.record({
    id: fc.constantFrom('x1', 'x2', 'x3', 'x4', 'x5', 'x6'),
    seq: fc.integer({ min: 0, max: 4 }),
    person: fc.constantFrom('ada', 'grace'),
    role: fc.constantFrom('', 'QA lead', 'Dev lead'),
  });
  // One desktop's state: each (id, version) once, as a desktop stores it; act ids are unique per act.
  const state = fc.record({ templates: fc.array(template, { maxLength: 5 }), acts: fc.array(act, { maxLength: 4 }) }).map(({ templates, acts }) => ({
    templates: [...new Map(templates.map((t) => [`${t.id}@${t.version}`, makeTemplate(t)])).values()],
    acts: acts.map((a): TeamAct => ({ kind: 'role', id: `${a.id}-${a.person}-${a.role}-${a.seq}`, seq: a.seq, at: '2026-11-24T09:00:00.000Z', by: 'p', person: a.person, role: a.role })),
  }));

  it('gives the same record whichever side merges, and merging again changes nothing', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        const ab = mergeTeam(a, b).record;
        expect(mergeTeam(b, a).record).toEqual(ab);
        expect(mergeTeam(ab, ab).record).toEqual(ab);
        // A desktop that still holds what it had before meets the merged record: nothing changes.
        expect(mergeTeam(a, ab).record).toEqual(ab);
        expect(mergeTeam(b, ab).record).toEqual(ab);
        // No content is lost: every version either side had is in the result, under some number.
        const names = new Set(ab.templates.map((t) => `${t.id}:${t.name}:${t.createdAt}`));
        for (const t of [...a.templates, ...b.templates]) expect(names.has(`${t.id}:${t.name}:${t.createdAt}`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
