import { z } from 'zod';
import { TemplateSchema } from './template';
import type { Template } from './template';
import { domainError, validationError } from './errors';
import type { DomainError } from './errors';
import { toEpochMs } from './instant';

/**
 * What a user may edit in a playbook. Identity (`id`), `version` and dates are
 * not editable: a revision is a new version of the same template, so handoffs
 * created from an older version keep being checked against that version.
 */
export const TemplateChangesSchema = z.strictObject({
  name: TemplateSchema.shape.name.optional(),
  description: TemplateSchema.shape.description.unwrap().optional(),
  fromTeam: TemplateSchema.shape.fromTeam.unwrap().optional(),
  toTeam: TemplateSchema.shape.toTeam.unwrap().optional(),
  criteria: TemplateSchema.shape.criteria.optional(),
  sla: TemplateSchema.shape.sla.unwrap().optional(),
  clientUpdateTemplate: TemplateSchema.shape.clientUpdateTemplate.unwrap().optional(),
});
export type TemplateChanges = z.input<typeof TemplateChangesSchema>;

export type TemplateRevision = { ok: true; template: Template } | { ok: false; error: DomainError };

const FIXED_KEYS = ['id', 'version', 'createdAt', 'archivedAt'] as const;

export function reviseTemplate(template: Template, changes: unknown, now: Date | string): TemplateRevision {
  if (typeof changes === 'object' && changes !== null) {
    const fixed = FIXED_KEYS.filter((key) => key in changes);
    if (fixed.length > 0) {
      return {
        ok: false,
        error: domainError('VALIDATION', `A revision cannot change ${fixed.join(', ')}: it keeps the template's id and gets the next version`),
      };
    }
  }
  if (template.archivedAt !== null) {
    return { ok: false, error: domainError('VALIDATION', `Template "${template.name}" is archived; it cannot be revised`) };
  }
  const parsed = TemplateChangesSchema.safeParse(changes);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const edited = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  const candidate = { ...template, ...edited, version: template.version + 1, createdAt: new Date(toEpochMs(now)).toISOString() };
  const { version: _version, createdAt: _createdAt, ...before } = template;
  const { version: _nextVersion, createdAt: _nextCreatedAt, ...after } = candidate;
  if (JSON.stringify(before) === JSON.stringify(after)) {
    return { ok: false, error: domainError('VALIDATION', 'Nothing changed: the revision is identical to the current version') };
  }
  const validated = TemplateSchema.safeParse(candidate);
  if (!validated.success) return { ok: false, error: validationError(validated.error) };
  return { ok: true, template: validated.data };
}
