import type { Template } from '../../shared/domain/template';
import { HANDOFF_STATES, STATE_LABELS } from '../../shared/domain/states';
import type { HandoffState } from '../../shared/domain/states';
import { BATON_GROUP, PIPELINE_LABEL, PROP, propertyDefinitionsFor } from '../../shared/hubspot/properties';
import type { PropertyDefinition } from '../../shared/hubspot/properties';
import type { StageIds } from '../../shared/sync/protocol';
import type { HubSpotGateway } from './hubspot-gateway';
import { HubSpotError } from './hubspot-error';

/** Win probability HubSpot requires on deal stages, one per handoff state. */
export const STAGE_PROBABILITY: Record<HandoffState, string> = {
  IN_PROGRESS: '0.1',
  READY_FOR_HANDOFF: '0.4',
  IN_HANDOFF: '0.7',
  HANDOFF_DONE: '1.0',
};

export interface ProvisionOutcome {
  pipelineId: string;
  stageIds: StageIds;
  created: string[];
  existing: string[];
}

/** HubSpot's create body for one of Baton's property definitions. */
export function propertyCreateBody(definition: PropertyDefinition): Record<string, unknown> {
  const type = definition.type === 'datetime' ? 'datetime' : definition.type;
  return {
    name: definition.name,
    label: definition.label,
    type,
    fieldType: definition.fieldType,
    groupName: definition.groupName,
    description: definition.description,
    ...(definition.hasUniqueValue ? { hasUniqueValue: true } : {}),
    ...(definition.type === 'bool'
      ? {
          options: [
            { label: 'Yes', value: 'true', displayOrder: 0 },
            { label: 'No', value: 'false', displayOrder: 1 },
          ],
        }
      : {}),
  };
}

function isConflict(error: unknown): boolean {
  return error instanceof HubSpotError && error.status === 409;
}

function findStageIds(stages: readonly { id: string; label: string; archived?: boolean | undefined }[]): Partial<Record<HandoffState, string>> {
  const ids: Partial<Record<HandoffState, string>> = {};
  for (const state of HANDOFF_STATES) {
    const stage = stages.find((s) => !s.archived && s.label.trim().toLowerCase() === STATE_LABELS[state].toLowerCase());
    if (stage) ids[state] = stage.id;
  }
  return ids;
}

/** Looks the pipeline up without creating anything (for pull/push when already provisioned). */
export async function findHandoffsPipeline(gateway: HubSpotGateway): Promise<{ pipelineId: string; stageIds: StageIds } | null> {
  const pipeline = (await gateway.pipelines('deals')).find((p) => !p.archived && p.label === PIPELINE_LABEL);
  if (!pipeline) return null;
  const ids = findStageIds(pipeline.stages);
  const { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE } = ids;
  if (!IN_PROGRESS || !READY_FOR_HANDOFF || !IN_HANDOFF || !HANDOFF_DONE) return null;
  return { pipelineId: pipeline.id, stageIds: { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE } };
}

/**
 * Create what Baton needs in HubSpot, reading before every write, so a second
 * run creates nothing and a template edited later adds only its new criteria.
 */
export async function provision(gateway: HubSpotGateway, templates: readonly Template[]): Promise<ProvisionOutcome> {
  const created: string[] = [];
  const existing: string[] = [];

  const groups = await gateway.groups('deals');
  if (groups.includes(BATON_GROUP.name)) existing.push(`property group ${BATON_GROUP.name}`);
  else {
    try {
      await gateway.createGroup('deals', { name: BATON_GROUP.name, label: BATON_GROUP.label });
      created.push(`property group ${BATON_GROUP.name}`);
    } catch (error) {
      if (!isConflict(error)) throw error;
      existing.push(`property group ${BATON_GROUP.name}`);
    }
  }

  const properties = new Map((await gateway.properties('deals')).map((p) => [p.name, p]));
  for (const definition of propertyDefinitionsFor(templates)) {
    const found = properties.get(definition.name);
    if (found && !found.archived) {
      if (definition.name === PROP.batonId && found.hasUniqueValue !== true) {
        throw new HubSpotError({
          code: 'HUBSPOT_VALIDATION',
          message: `The deal property "${PROP.batonId}" exists in HubSpot but is not unique, so Baton cannot match deals to handoffs safely. Delete or rename it in HubSpot, then connect again.`,
        });
      }
      existing.push(`property ${definition.name}`);
      continue;
    }
    try {
      await gateway.createProperty('deals', propertyCreateBody(definition));
      created.push(`property ${definition.name}`);
    } catch (error) {
      if (!isConflict(error)) throw error;
      existing.push(`property ${definition.name}`);
    }
  }

  const pipelines = await gateway.pipelines('deals');
  let pipeline = pipelines.find((p) => !p.archived && p.label === PIPELINE_LABEL);
  if (!pipeline) {
    pipeline = await gateway.createPipeline('deals', {
      label: PIPELINE_LABEL,
      displayOrder: pipelines.length,
      stages: HANDOFF_STATES.map((state, index) => ({ label: STATE_LABELS[state], displayOrder: index, metadata: { probability: STAGE_PROBABILITY[state] } })),
    });
    created.push(`pipeline ${PIPELINE_LABEL}`);
  } else existing.push(`pipeline ${PIPELINE_LABEL}`);

  const ids = findStageIds(pipeline.stages);
  for (const [index, state] of HANDOFF_STATES.entries()) {
    if (ids[state]) continue;
    const stage = await gateway.createStage('deals', pipeline.id, { label: STATE_LABELS[state], displayOrder: index, metadata: { probability: STAGE_PROBABILITY[state] } });
    ids[state] = stage.id;
    created.push(`stage ${STATE_LABELS[state]}`);
  }
  const { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE } = ids;
  if (!IN_PROGRESS || !READY_FOR_HANDOFF || !IN_HANDOFF || !HANDOFF_DONE) {
    throw new HubSpotError({ code: 'HUBSPOT_BAD_RESPONSE', message: 'HubSpot did not return the stages of the Handoffs pipeline after creating them.' });
  }
  return { pipelineId: pipeline.id, stageIds: { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE }, created, existing };
}
