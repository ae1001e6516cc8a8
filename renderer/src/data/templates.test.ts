import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import { openBatonDb } from './db';
import { archiveTemplate, restoreTemplate, saveTemplate, seedTemplates } from './templates';
import { createHandoff } from './commands';
import { FIXED_NOW, freshDbName, makeTemplate } from '../../../test/support/db-fixtures';
import { loadTemplates } from './queries';

const LATER = new Date(FIXED_NOW.getTime() + 3_600_000);

describe('templates', () => {
  it('saves a new template as version 1 and an edit as version 2, keeping version 1', async () => {
    const db = openBatonDb(freshDbName());
    const v1 = makeTemplate();
    expect(await saveTemplate(db, v1, FIXED_NOW)).toEqual({ ok: true, template: v1 });
    const edited = await saveTemplate(db, { ...v1, name: 'Design → Dev (v2)' }, LATER);
    expect(edited).toMatchObject({ ok: true, template: { version: 2, name: 'Design → Dev (v2)', createdAt: LATER.toISOString() } });
    expect(await db.templates.get([v1.id, 1])).toMatchObject({ name: v1.name, latest: 0 });
    expect(await db.templates.get([v1.id, 2])).toMatchObject({ latest: 1 });
    expect((await loadTemplates(db)).map((t) => `${t.id}@${t.version}`)).toEqual([`${v1.id}@2`]);
  });

  it('a handoff keeps the template version it was created with', async () => {
    const db = openBatonDb(freshDbName());
    const v1 = makeTemplate();
    await saveTemplate(db, v1, FIXED_NOW);
    const created = await createHandoff(db, { title: 'On v1', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: v1.id }, 'maya', FIXED_NOW);
    await saveTemplate(db, { ...v1, criteria: [] }, LATER);
    expect(created.ok && (await db.handoffs.get(created.handoff.id))?.templateVersion).toBe(1);
  });

  it('stores nothing new when the content did not change', async () => {
    const db = openBatonDb(freshDbName());
    const v1 = makeTemplate();
    await saveTemplate(db, v1, FIXED_NOW);
    expect(await saveTemplate(db, v1, LATER)).toEqual({ ok: true, template: v1 });
    expect(await db.templates.count()).toBe(1);
  });

  it('refuses an edit based on an old version (CONFLICT) and a new template not at version 1', async () => {
    const db = openBatonDb(freshDbName());
    const v1 = makeTemplate();
    await saveTemplate(db, v1, FIXED_NOW);
    await saveTemplate(db, { ...v1, name: 'Second' }, LATER);
    expect(await saveTemplate(db, { ...v1, name: 'Stale edit' }, LATER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await saveTemplate(db, makeTemplate({ id: 'other', version: 3 }), LATER)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await db.templates.count()).toBe(2);
  });

  it('refuses an invalid template with a specific message and writes nothing', async () => {
    const db = openBatonDb(freshDbName());
    const duplicateCriteria = makeTemplate({
      criteria: [
        { id: 'same', label: 'A', gate: 'READY', kind: 'checklist' },
        { id: 'same', label: 'B', gate: 'READY', kind: 'checklist' },
      ],
    });
    const outcome = await saveTemplate(db, duplicateCriteria, FIXED_NOW);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!outcome.ok && outcome.error.message).toContain('used twice');
    expect(await db.templates.count()).toBe(0);
  });

  it('archives and restores without creating a version', async () => {
    const db = openBatonDb(freshDbName());
    await saveTemplate(db, makeTemplate(), FIXED_NOW);
    expect(await archiveTemplate(db, 'tpl-design-dev', LATER)).toMatchObject({ ok: true, template: { archivedAt: LATER.toISOString() } });
    expect(await loadTemplates(db)).toEqual([]);
    expect(await restoreTemplate(db, 'tpl-design-dev')).toMatchObject({ ok: true, template: { archivedAt: null } });
    expect(await loadTemplates(db)).toHaveLength(1);
    expect(await db.templates.count()).toBe(1);
    expect(await archiveTemplate(db, 'missing')).toMatchObject({ ok: false, error: { code: 'TEMPLATE_NOT_FOUND' } });
  });

  it('seeds missing seed templates once and never overwrites edited ones', async () => {
    const db = openBatonDb(freshDbName());
    const first = SEED_TEMPLATES[0];
    if (!first) throw new Error('no seed templates');
    await saveTemplate(db, first, FIXED_NOW);
    await saveTemplate(db, { ...first, name: 'Our own intake' }, LATER);
    expect(await db.transaction('rw', db.templates, () => seedTemplates(db))).toBe(SEED_TEMPLATES.length - 1);
    expect(await db.transaction('rw', db.templates, () => seedTemplates(db))).toBe(0);
    expect((await db.templates.get([first.id, 2]))?.name).toBe('Our own intake');
  });
});
