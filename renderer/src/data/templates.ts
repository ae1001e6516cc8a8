import { domainError } from '../../../shared/domain/errors';
import { TemplateSchema, type Template } from '../../../shared/domain/template';
import { SEED_TEMPLATES } from '../../../shared/seed/templates';
import type { BatonDb, StoredTemplate } from './db';
import { DataErrorAbort, DomainRefusal, dataError, validationError } from './data-errors';
import { sameValue } from '../../../shared/domain/same-value';
import { attempt, type Attempt } from './write-support';
import type { WriteError } from './commands';
import { addTeamActs, loadTeamActs, markTeamChanged } from './team-acts';
import { loadSettings } from './settings';
import { nextSeq } from '../../../shared/sync/team-fold';
import { stableId } from '../../../shared/sync/apply-remote';

export type TemplateOutcome = { ok: true; template: Template } | { ok: false; error: WriteError };

function stored(template: Template, latest: 0 | 1): StoredTemplate {
  return { ...template, latest };
}

function toOutcome(result: Attempt<Template>): TemplateOutcome {
  return result.ok ? { ok: true, template: result.value } : { ok: false, error: result.error };
}

async function latestVersion(db: BatonDb, id: string): Promise<StoredTemplate | undefined> {
  const versions = await db.templates.where('id').equals(id).toArray();
  return versions.reduce<StoredTemplate | undefined>((newest, t) => (newest === undefined || t.version > newest.version ? t : newest), undefined);
}

/** The parts of a template a person edits (not its identity, version or timestamps). */
function content(template: Template): unknown {
  const { version: _version, createdAt: _createdAt, archivedAt: _archivedAt, ...rest } = template;
  return rest;
}

/** The act saying who saved this version (shared with the team record). */
async function recordSaved(db: BatonDb, template: Template, now: Date): Promise<void> {
  const known = await loadTeamActs(db);
  const at = now.toISOString();
  const by = (await loadSettings(db)).currentUser;
  const seq = nextSeq(known);
  await addTeamActs(db, [{ kind: 'template_saved', id: stableId('saved', template.id, String(template.version), by, at), seq, at, by, templateId: template.id, version: template.version }]);
}

/**
 * Saves a template. A new template (no version of its id yet) must be version 1.
 * An edit must be based on the latest version and is stored as version + 1,
 * leaving every older version untouched: handoffs keep the version they were
 * created with. Saving content identical to the latest version stores nothing.
 * A stale base (someone saved a newer version meanwhile) is a CONFLICT.
 */
export async function saveTemplate(db: BatonDb, template: Template, now: Date = new Date()): Promise<TemplateOutcome> {
  const parsed = TemplateSchema.safeParse(template);
  if (!parsed.success) return { ok: false, error: validationError('template', parsed.error) };
  const input = parsed.data;
  const result = await attempt(() =>
    db.transaction('rw', [db.templates, db.syncMeta, db.settings], async (): Promise<Template> => {
      const latest = await latestVersion(db, input.id);
      if (!latest) {
        // A template is the team's: the new one goes to the team record on the next sync, with who saved it.
        await markTeamChanged(db);
        await recordSaved(db, input, now);
        if (input.version !== 1) {
          throw new DomainRefusal(domainError('VALIDATION', `A new template starts at version 1, not ${input.version}.`));
        }
        await db.templates.add(stored(input, 1));
        return input;
      }
      if (input.version !== latest.version) {
        throw new DomainRefusal(
          domainError(
            'CONFLICT',
            `Template "${latest.name}" was changed since this edit began (it is now version ${latest.version}, the edit is based on version ${input.version}). Reopen it and apply your changes again.`,
          ),
        );
      }
      const { latest: _flag, ...current } = latest;
      if (sameValue(content(input), content(current))) return current;
      const next: Template = { ...input, version: latest.version + 1, createdAt: now.toISOString(), archivedAt: current.archivedAt };
      const valid = TemplateSchema.safeParse(next);
      if (!valid.success) throw new DataErrorAbort(validationError('template', valid.error));
      await db.templates.update([latest.id, latest.version], { latest: 0 });
      await db.templates.add(stored(valid.data, 1));
      await markTeamChanged(db);
      await recordSaved(db, valid.data, now);
      return valid.data;
    }),
  );
  return toOutcome(result);
}

async function setArchived(db: BatonDb, id: string, archivedAt: string | null, now: Date): Promise<TemplateOutcome> {
  const result = await attempt(() =>
    db.transaction('rw', [db.templates, db.settings], async (): Promise<Template> => {
      const latest = await latestVersion(db, id);
      if (!latest) throw new DataErrorAbort(dataError('TEMPLATE_NOT_FOUND', `There is no template "${id}" in this workspace.`));
      // Archiving hides the playbook for new handoffs; it is not an edit, so no new version.
      await db.templates.update([latest.id, latest.version], { archivedAt });
      // …but it is the team's decision: an act that sync shares with every desktop.
      const known = await loadTeamActs(db);
      const at = now.toISOString();
      const by = (await loadSettings(db)).currentUser;
      const seq = nextSeq(known);
      await addTeamActs(db, [{ kind: 'template_archived', id: stableId('arch', id, by, at, String(seq)), seq, at, by, templateId: id, archived: archivedAt !== null }]);
      const { latest: _flag, ...template } = latest;
      return { ...template, archivedAt };
    }),
  );
  return toOutcome(result);
}

/** Hides a template from the "new handoff" choices; handoffs using it keep working. */
export function archiveTemplate(db: BatonDb, id: string, now: Date = new Date()): Promise<TemplateOutcome> {
  return setArchived(db, id, now.toISOString(), now);
}

export function restoreTemplate(db: BatonDb, id: string, now: Date = new Date()): Promise<TemplateOutcome> {
  return setArchived(db, id, null, now);
}

/**
 * Adds the seed playbooks whose id is not in the workspace yet. Never touches
 * an existing template (the user may have edited or archived it). Runs inside
 * the caller's transaction when there is one.
 */
export async function seedTemplates(db: BatonDb): Promise<number> {
  const existing = new Set((await db.templates.orderBy('id').uniqueKeys()).map(String));
  const missing = SEED_TEMPLATES.filter((template) => !existing.has(template.id));
  await db.templates.bulkAdd(missing.map((template) => stored(TemplateSchema.parse(template), 1)));
  return missing.length;
}
