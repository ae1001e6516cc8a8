import type { Handoff } from '../domain/handoff';
import type { Criterion, Template } from '../domain/template';
import type { HandoffState } from '../domain/states';
import { HANDOFF_STATES } from '../domain/states';
import { templateKey } from '../domain/template';
import type { StageIds } from '../sync/protocol';
import { PROP, criterionPropertyName, isDerivedCriterion, normalizePropertyValue, propertyTypeOf } from './properties';
import { CARRIER_PROPERTIES } from '../sync/carrier';

export { criterionPropertyName } from './properties';

/** Deal property values, canonical form (see `normalizePropertyValue`); null = empty. */
export type DealProperties = Record<string, string | null>;

export interface PipelineIds {
  pipelineId: string;
  stageIds: StageIds;
}

function bool(value: boolean): string {
  return value ? 'true' : 'false';
}

/** What a criterion's property holds for this handoff. */
export function criterionPropertyValue(handoff: Handoff, criterion: Criterion): string | null {
  switch (criterion.kind) {
    case 'checklist':
      return bool(handoff.criteria[criterion.id]?.met === true);
    case 'receiver_assigned':
      return bool(handoff.receiver !== null);
    case 'next_action':
      return handoff.nextAction === null ? null : normalizePropertyValue('datetime', handoff.nextAction.dueAt);
    case 'context_link':
      return handoff.links[0]?.url ?? null;
    case 'client_notified':
      return bool(handoff.clientUpdates.length > 0);
    case 'approval':
      return bool(handoff.approvals.some((approval) => approval.criterionId === criterion.id));
    case 'hubspot_property':
      return handoff.hubspotProperties[criterion.property] ?? null;
  }
}

/**
 * Every mapped deal property for a handoff, in canonical form. Push sends the
 * ones that differ from the last-synced base; reconcile compares them three ways.
 */
export function handoffToDealProperties(handoff: Handoff, template: Template, ids: PipelineIds): DealProperties {
  const properties: DealProperties = {
    [PROP.batonId]: handoff.id,
    [PROP.template]: templateKey(handoff.templateId, handoff.templateVersion),
    [PROP.name]: handoff.title,
    [PROP.pipeline]: ids.pipelineId,
    [PROP.stage]: ids.stageIds[handoff.state],
    [PROP.sender]: handoff.sender,
    [PROP.receiver]: handoff.receiver,
    [PROP.nextAction]: handoff.nextAction?.text ?? null,
    [PROP.nextActionDue]: handoff.nextAction ? normalizePropertyValue('datetime', handoff.nextAction.dueAt) : null,
    [PROP.bounceCount]: String(handoff.bounceCount),
    [PROP.client]: handoff.client.name,
  };
  for (const criterion of template.criteria) {
    const name = criterionPropertyName(criterion);
    if (!(name in properties)) properties[name] = criterionPropertyValue(handoff, criterion);
  }
  return properties;
}

/**
 * What HubSpot mirrors, in one place: `handoffToDealProperties` lists every
 * mirrored property with its value; these are the ones whose HubSpot value Baton
 * owns and never merges back (identity, pipeline, the stage, which goes through
 * the gate, criteria derived from other fields, and the Baton record itself).
 */
export function isBatonOwned(name: string, template: Template): boolean {
  if (name === PROP.batonId || name === PROP.template || name === PROP.pipeline || name === PROP.stage) return true;
  if (CARRIER_PROPERTIES.includes(name)) return true;
  return template.criteria.some((c) => criterionPropertyName(c) === name && isDerivedCriterion(c));
}

/** Remote deal properties restricted to the mapped names, in canonical form. */
export function normalizeDealProperties(raw: Record<string, string | null>, names: readonly string[], template: Template | null): DealProperties {
  const out: DealProperties = {};
  for (const name of names) out[name] = normalizePropertyValue(propertyTypeOf(name, template), raw[name]);
  return out;
}

/** The handoff state a deal stage id stands for, or null when the stage is not one of ours. */
export function stateForStage(stageId: string | null, stageIds: StageIds): HandoffState | null {
  if (stageId === null) return null;
  return HANDOFF_STATES.find((state) => stageIds[state] === stageId) ?? null;
}

/** `templateId@version` from the `baton_template` property. */
export function parseTemplateKey(value: string | null): { templateId: string; templateVersion: number } | null {
  if (value === null) return null;
  const at = value.lastIndexOf('@');
  if (at <= 0) return null;
  const version = Number(value.slice(at + 1));
  if (!Number.isInteger(version) || version < 1) return null;
  return { templateId: value.slice(0, at), templateVersion: version };
}

/**
 * The handoff fields a set of remote property values stands for. Only fields
 * whose properties are present in `properties` are returned, so a caller can
 * pass just the properties that changed. Criteria derived from other data
 * (receiver assigned, next action, client notified) are not fields of their own.
 */
export interface DealFields {
  title?: string;
  state?: HandoffState | null;
  sender?: string | null;
  receiver?: string | null;
  nextActionText?: string | null;
  nextActionDue?: string | null;
  bounceCount?: number;
  clientName?: string;
  /** Checklist and approval criteria: criterion id → met. */
  criteria?: Record<string, boolean>;
  /** The first context link per context_link criterion id. */
  contextLinks?: Record<string, string | null>;
  hubspotProperties?: Record<string, string | null>;
}

export function dealToHandoffFields(properties: DealProperties, template: Template, stageIds: StageIds): DealFields {
  const fields: DealFields = {};
  const has = (name: string) => Object.hasOwn(properties, name);
  const value = (name: string) => properties[name] ?? null;
  if (has(PROP.name) && value(PROP.name) !== null) fields.title = value(PROP.name) ?? '';
  if (has(PROP.stage)) fields.state = stateForStage(value(PROP.stage), stageIds);
  if (has(PROP.sender)) fields.sender = value(PROP.sender);
  if (has(PROP.receiver)) fields.receiver = value(PROP.receiver);
  if (has(PROP.nextAction)) fields.nextActionText = value(PROP.nextAction);
  if (has(PROP.nextActionDue)) fields.nextActionDue = value(PROP.nextActionDue);
  if (has(PROP.bounceCount)) {
    const n = Number(value(PROP.bounceCount) ?? '0');
    if (Number.isInteger(n) && n >= 0) fields.bounceCount = n;
  }
  if (has(PROP.client) && value(PROP.client) !== null) fields.clientName = value(PROP.client) ?? '';
  for (const criterion of template.criteria) {
    const name = criterionPropertyName(criterion);
    if (!has(name)) continue;
    if (criterion.kind === 'checklist' || criterion.kind === 'approval') {
      fields.criteria = { ...fields.criteria, [criterion.id]: value(name) === 'true' };
    } else if (criterion.kind === 'context_link') {
      fields.contextLinks = { ...fields.contextLinks, [criterion.id]: value(name) };
    } else if (criterion.kind === 'hubspot_property') {
      fields.hubspotProperties = { ...fields.hubspotProperties, [criterion.property]: value(name) };
    }
  }
  return fields;
}
