import { reviseTemplate } from './template-versioning';
import { makeTemplate } from './fixtures';

describe('reviseTemplate', () => {
  const template = makeTemplate();

  it('returns the next version with the same id and a new createdAt', () => {
    const result = reviseTemplate(template, { name: 'Design → Dev (v2)', sla: { IN_HANDOFF: 12 } }, '2026-11-24T10:00:00Z');
    if (!result.ok) throw new Error(result.error.message);
    expect(result.template).toEqual({ ...template, name: 'Design → Dev (v2)', sla: { IN_HANDOFF: 12 }, version: 2, createdAt: '2026-11-24T10:00:00.000Z' });
    expect(template.version).toBe(1);
  });

  it('validates the revised template', () => {
    const duplicate = reviseTemplate(
      template,
      { criteria: [...template.criteria, { id: 'brief_written', label: 'Again', gate: 'ACCEPT', kind: 'checklist' }] },
      '2026-11-24T10:00:00Z',
    );
    expect(!duplicate.ok && duplicate.error.message).toBe('criteria.7.id: Criterion id "brief_written" is used twice in this template');
    const badCriterion = reviseTemplate(template, { criteria: [{ id: 'Bad Id', label: 'x', gate: 'READY', kind: 'checklist' }] }, '2026-11-24T10:00:00Z');
    expect(!badCriterion.ok && badCriterion.error.message).toMatch(/^criteria\.0\.id: A criterion id is snake_case/);
    const blankName = reviseTemplate(template, { name: '  ' }, '2026-11-24T10:00:00Z');
    expect(!blankName.ok && blankName.error.message).toBe('name: A template needs a name');
  });

  it('keeps identity fixed and refuses empty or unknown changes', () => {
    const id = reviseTemplate(template, { id: 'other', name: 'x' }, '2026-11-24T10:00:00Z');
    expect(!id.ok && id.error.message).toBe("A revision cannot change id: it keeps the template's id and gets the next version");
    const same = reviseTemplate(template, { name: template.name }, '2026-11-24T10:00:00Z');
    expect(!same.ok && same.error.message).toBe('Nothing changed: the revision is identical to the current version');
    const unknown = reviseTemplate(template, { colour: 'red' }, '2026-11-24T10:00:00Z');
    expect(!unknown.ok && unknown.error.message).toBe('Unrecognized key: "colour"');
    const archived = reviseTemplate(makeTemplate({ archivedAt: '2026-11-01T00:00:00Z' }), { name: 'x' }, '2026-11-24T10:00:00Z');
    expect(!archived.ok && archived.error.code).toBe('VALIDATION');
  });
});
