import type { Criterion, Template } from '../domain/template';
import { CARRIER_PROPERTIES } from '../sync/carrier';

/**
 * The deal properties Baton maps, as HubSpot property definitions. Provisioning
 * creates exactly these; push and pull read and write exactly these.
 */

export const BATON_GROUP = { name: 'baton', label: 'Baton handoffs' } as const;
export const PIPELINE_LABEL = 'Handoffs';

export const PROP = {
  batonId: 'baton_id',
  template: 'baton_template',
  receiver: 'baton_receiver_owner_id',
  nextAction: 'baton_next_action',
  nextActionDue: 'baton_next_action_due',
  bounceCount: 'baton_bounce_count',
  client: 'baton_client',
  /** HubSpot's own deal properties that Baton maps. */
  name: 'dealname',
  pipeline: 'pipeline',
  stage: 'dealstage',
  sender: 'hubspot_owner_id',
} as const;

export type PropertyType = 'bool' | 'string' | 'number' | 'datetime';

export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: 'booleancheckbox' | 'text' | 'number' | 'date';
  groupName: string;
  hasUniqueValue?: boolean;
  description: string;
}

function define(name: string, label: string, type: PropertyType, description: string, unique = false): PropertyDefinition {
  const fieldType = type === 'bool' ? 'booleancheckbox' : type === 'number' ? 'number' : type === 'datetime' ? 'date' : 'text';
  return { name, label, type, fieldType, groupName: BATON_GROUP.name, description, ...(unique ? { hasUniqueValue: true } : {}) };
}

/** Properties Baton creates for every account, whatever the templates. */
export const CORE_PROPERTIES: readonly PropertyDefinition[] = [
  define(PROP.batonId, 'Baton handoff id', 'string', 'The Baton handoff this deal mirrors. Do not edit.', true),
  define(PROP.template, 'Baton template', 'string', 'Template id and version of the handoff (id@version).'),
  define(PROP.receiver, 'Handoff receiver (owner id)', 'string', 'HubSpot owner id of the person receiving the handoff.'),
  define(PROP.nextAction, 'Next action', 'string', "The receiver's next action."),
  define(PROP.nextActionDue, 'Next action due', 'datetime', 'When the next action is due.'),
  define(PROP.bounceCount, 'Bounce count', 'number', 'How often the handoff was bounced back (each bounce is a re-ask).'),
  define(PROP.client, 'Client', 'string', 'The client this handoff is for.'),
  // The Baton record (shared/sync/carrier.ts): the whole handoff for the other desktops, split across these.
  ...CARRIER_PROPERTIES.map((name, i) =>
    define(name, `Baton record${i === 0 ? '' : ` (part ${i + 1})`}`, 'string', 'The whole handoff as Baton data, read by every Baton desktop of the portal. Do not edit.'),
  ),
];

/** HubSpot's built-in deal properties Baton maps (never provisioned). */
export const BUILT_IN_PROPERTIES: readonly string[] = [PROP.name, PROP.pipeline, PROP.stage, PROP.sender];

/** Criteria whose HubSpot value is derived from other mapped data and never merged back on its own. */
export function isDerivedCriterion(criterion: Criterion): boolean {
  return criterion.kind === 'receiver_assigned' || criterion.kind === 'next_action' || criterion.kind === 'client_notified';
}

/** The HubSpot property that mirrors a criterion. Criterion ids double as property names. */
export function criterionPropertyName(criterion: Criterion): string {
  return criterion.kind === 'hubspot_property' ? criterion.property : criterion.id;
}

export function criterionPropertyType(criterion: Criterion): PropertyType {
  switch (criterion.kind) {
    case 'context_link':
    case 'hubspot_property':
      return 'string';
    case 'next_action':
      return 'datetime';
    default:
      return 'bool';
  }
}

export function criterionPropertyDefinition(criterion: Criterion): PropertyDefinition {
  const type = criterionPropertyType(criterion);
  const what = type === 'bool' ? 'Whether this criterion holds' : type === 'datetime' ? 'Due time of the next action' : 'The first context link';
  return define(criterionPropertyName(criterion), criterion.label.slice(0, 100), type, `${what} (Baton criterion "${criterion.id}").`);
}

/** Every Baton-owned property the given templates need, deduplicated by name. */
export function propertyDefinitionsFor(templates: readonly Template[]): PropertyDefinition[] {
  const byName = new Map<string, PropertyDefinition>();
  for (const definition of CORE_PROPERTIES) byName.set(definition.name, definition);
  for (const template of templates) {
    for (const criterion of template.criteria) {
      const name = criterionPropertyName(criterion);
      if (!byName.has(name) && !BUILT_IN_PROPERTIES.includes(name)) byName.set(name, criterionPropertyDefinition(criterion));
    }
  }
  return [...byName.values()];
}

/** Every property name a pull must read for these templates. */
export function mappedPropertyNames(templates: readonly Template[]): string[] {
  return [...new Set([...BUILT_IN_PROPERTIES, ...propertyDefinitionsFor(templates).map((d) => d.name)])];
}

/** The type of a mapped property (built-ins are strings except none need special handling). */
export function propertyTypeOf(name: string, template: Template | null): PropertyType {
  const core = CORE_PROPERTIES.find((d) => d.name === name);
  if (core) return core.type;
  const criterion = template?.criteria.find((c) => criterionPropertyName(c) === name);
  return criterion ? criterionPropertyType(criterion) : 'string';
}

/**
 * HubSpot returns values in its own spelling ("2026-01-01T00:00:00Z" vs
 * "...00.000Z", "1.0" vs "1", "" for empty). Compare in one canonical form.
 */
export function normalizePropertyValue(type: PropertyType, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  switch (type) {
    case 'bool':
      return trimmed.toLowerCase() === 'true' ? 'true' : 'false';
    case 'number': {
      const n = Number(trimmed);
      return Number.isFinite(n) ? String(n) : trimmed;
    }
    case 'datetime': {
      const ms = /^\d+$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
      return Number.isNaN(ms) ? trimmed : new Date(ms).toISOString();
    }
    case 'string':
      return value;
  }
}
