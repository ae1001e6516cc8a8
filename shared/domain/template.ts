import { z } from 'zod';
import { GateIdSchema } from './states';
import { CriterionIdSchema, IdSchema, IsoDateTimeSchema } from './ids';

const criterionBase = {
  /** Stable id; also the name of the HubSpot property that mirrors it. */
  id: CriterionIdSchema,
  /** What the user sees, e.g. "Design approved by client". */
  label: z.string().trim().min(1, 'A criterion needs a label').max(200),
  /** The transition this criterion guards. */
  gate: GateIdSchema,
  /** Optional explanation shown when the criterion is unmet. */
  help: z.string().max(1000).optional(),
};

/** The kinds of completion proof a template can require. */
export const CriterionSchema = z.discriminatedUnion('kind', [
  /** A box someone ticks: "Welcome email sent". */
  z.object({ ...criterionBase, kind: z.literal('checklist') }),
  /** The handoff has a receiver (owner) assigned. */
  z.object({ ...criterionBase, kind: z.literal('receiver_assigned') }),
  /** A next action with text and a due time that is still in the future. */
  z.object({ ...criterionBase, kind: z.literal('next_action') }),
  /** At least one context link (brief, assets) is attached. */
  z.object({ ...criterionBase, kind: z.literal('context_link') }),
  /** A client update was logged on this handoff. */
  z.object({ ...criterionBase, kind: z.literal('client_notified') }),
  /** Someone holding `role` approved. */
  z.object({ ...criterionBase, kind: z.literal('approval'), role: z.string().trim().min(1, 'An approval names a role').max(100) }),
  /** A HubSpot property of the linked record equals a value. */
  z.object({
    ...criterionBase,
    kind: z.literal('hubspot_property'),
    property: z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'A HubSpot property name is lower-case snake_case'),
    equals: z.string().max(1000),
  }),
]);
export type Criterion = z.infer<typeof CriterionSchema>;
export type CriterionKind = Criterion['kind'];

export const CRITERION_KINDS: readonly CriterionKind[] = [
  'checklist',
  'receiver_assigned',
  'next_action',
  'context_link',
  'client_notified',
  'approval',
  'hubspot_property',
];

/** Per-state SLA override, in working hours; absent means the workspace default. */
export const TemplateSlaSchema = z
  .object({
    IN_PROGRESS: z.number().positive().max(10_000).optional(),
    READY_FOR_HANDOFF: z.number().positive().max(10_000).optional(),
    IN_HANDOFF: z.number().positive().max(10_000).optional(),
  })
  .strict();

/**
 * A handoff type (playbook). Templates are versioned: editing one creates a new
 * version, and a handoff keeps the version it was created with.
 */
export const TemplateSchema = z
  .object({
    id: IdSchema,
    version: z.number().int().positive(),
    name: z.string().trim().min(1, 'A template needs a name').max(120),
    description: z.string().max(2000).default(''),
    /** Who usually sends and receives, e.g. "Design" → "Development". */
    fromTeam: z.string().max(100).default(''),
    toTeam: z.string().max(100).default(''),
    criteria: z.array(CriterionSchema).max(100),
    sla: TemplateSlaSchema.default({}),
    /** Text of the client update drafted on acceptance; {title}, {client}, {receiver}, {nextAction}, {due} are filled in. */
    clientUpdateTemplate: z.string().max(5000).default(''),
    createdAt: IsoDateTimeSchema,
    archivedAt: IsoDateTimeSchema.nullable().default(null),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', index, 'id'],
          message: `Criterion id "${criterion.id}" is used twice in this template`,
        });
      }
      seen.add(criterion.id);
    });
  });
export type Template = z.infer<typeof TemplateSchema>;

/** Templates are stored by (id, version); this is the key. */
export function templateKey(id: string, version: number): string {
  return `${id}@${version}`;
}

/**
 * Every version of every template, found by (id, version) — each handoff is
 * judged by the version it was created with — and each template's newest
 * version. The one index of templates: the board, its filters, the dashboard,
 * notifications and backup checks all build this instead of their own maps.
 */
export interface TemplateIndex<T extends Template = Template> {
  /** By `templateKey(id, version)`. */
  readonly byKey: ReadonlyMap<string, T>;
  /** Each template id's newest version. */
  readonly latest: ReadonlyMap<string, T>;
  versionOf(id: string, version: number): T | undefined;
  /** The version `handoff` was created with, if it is known here. */
  forHandoff(handoff: { templateId: string; templateVersion: number }): T | undefined;
}

export function indexTemplates<T extends Template>(templates: Iterable<T>): TemplateIndex<T> {
  const byKey = new Map<string, T>();
  const latest = new Map<string, T>();
  for (const template of templates) {
    byKey.set(templateKey(template.id, template.version), template);
    const seen = latest.get(template.id);
    if (!seen || seen.version < template.version) latest.set(template.id, template);
  }
  const versionOf = (id: string, version: number): T | undefined => byKey.get(templateKey(id, version));
  return { byKey, latest, versionOf, forHandoff: (handoff) => versionOf(handoff.templateId, handoff.templateVersion) };
}
