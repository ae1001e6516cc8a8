import type { Template } from '../../shared/domain/template';
import { HANDOFF_STATES, STATE_LABELS } from '../../shared/domain/states';
import type { HandoffState } from '../../shared/domain/states';
import { BATON_GROUP, PIPELINE_LABEL, PROP, propertyDefinitionsFor } from '../../shared/hubspot/properties';
import type { PropertyDefinition } from '../../shared/hubspot/properties';
import { RECORD_TYPE, RECORD_TYPES, stageClosure, stageMetadata } from '../../shared/hubspot/record-type';
import type { RecordType } from '../../shared/hubspot/record-type';
import { missingScopes, RECORD_TYPE_SCOPES } from '../../shared/hubspot/scopes';
import type { HubSpotSetup, SetupChoice, SetupOptions } from '../../shared/hubspot/setup';
import type { StageIds } from '../../shared/sync/protocol';
import type { HubSpotGateway } from './hubspot-gateway';
import { HubSpotError } from './hubspot-error';
import type { HubSpotPipeline } from './hubspot-schemas';

export interface ProvisionOutcome {
  setup: HubSpotSetup;
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
          // HubSpot's OptionInput requires `hidden`.
          options: [
            { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
            { label: 'No', value: 'false', displayOrder: 1, hidden: false },
          ],
        }
      : {}),
  };
}

function isConflict(error: unknown): boolean {
  return error instanceof HubSpotError && error.status === 409;
}

type Stage = HubSpotPipeline['stages'][number];

function findStageIds(stages: readonly Stage[]): Partial<Record<HandoffState, string>> {
  const ids: Partial<Record<HandoffState, string>> = {};
  for (const state of HANDOFF_STATES) {
    const stage = stages.find((s) => !s.archived && s.label.trim().toLowerCase() === STATE_LABELS[state].toLowerCase());
    if (stage) ids[state] = stage.id;
  }
  return ids;
}

function complete(ids: Partial<Record<HandoffState, string>>): StageIds | null {
  const { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE } = ids;
  if (!IN_PROGRESS || !READY_FOR_HANDOFF || !IN_HANDOFF || !HANDOFF_DONE) return null;
  return { IN_PROGRESS, READY_FOR_HANDOFF, IN_HANDOFF, HANDOFF_DONE };
}

function ownPipelineIn(pipelines: readonly HubSpotPipeline[]): HubSpotPipeline | undefined {
  return pipelines.find((p) => !p.archived && p.label === PIPELINE_LABEL);
}

/** Baton's own complete "Handoffs" pipeline of a record type, if there is one (nothing is created). */
export async function findOwnPipeline(gateway: HubSpotGateway, recordType: RecordType): Promise<HubSpotSetup | null> {
  const pipeline = ownPipelineIn(await gateway.pipelines(recordType));
  const stageIds = pipeline ? complete(findStageIds(pipeline.stages)) : null;
  return pipeline && stageIds ? { recordType, pipelineId: pipeline.id, stageIds, ownPipeline: true } : null;
}

/**
 * Whether a stored setup still matches HubSpot: its pipeline and all four
 * stages exist. Returns a sentence saying what is gone, or null when it holds.
 */
export async function setupProblem(gateway: HubSpotGateway, setup: HubSpotSetup): Promise<string | null> {
  const facts = RECORD_TYPE[setup.recordType];
  const pipeline = (await gateway.pipelines(setup.recordType)).find((p) => p.id === setup.pipelineId && !p.archived);
  if (!pipeline) return `The ${facts.singular} pipeline Baton was set up with (${setup.pipelineId}) no longer exists in HubSpot.`;
  const live = new Set(pipeline.stages.filter((s) => !s.archived).map((s) => s.id));
  const gone = HANDOFF_STATES.filter((state) => !live.has(setup.stageIds[state]));
  if (gone.length > 0) return `The stages of the "${pipeline.label}" pipeline mapped to ${gone.map((s) => `"${STATE_LABELS[s]}"`).join(', ')} no longer exist in HubSpot.`;
  return null;
}

/** What the setup screen offers: per record type, the missing scopes or the pipelines with their stages. */
export async function setupOptions(gateway: HubSpotGateway, granted: readonly string[] | null, current: HubSpotSetup | null): Promise<SetupOptions> {
  const recordTypes = [];
  for (const recordType of RECORD_TYPES) {
    let missing = granted === null ? [] : missingScopes(granted, recordType);
    let pipelines: HubSpotPipeline[] = [];
    if (missing.length === 0) {
      try {
        pipelines = await gateway.pipelines(recordType);
      } catch (error) {
        // Scopes HubSpot did not describe (granted null): its 403 says this record type is out of reach.
        if (!(error instanceof HubSpotError && error.code === 'HUBSPOT_SCOPE')) throw error;
        missing = error.scope ? [error.scope] : [...RECORD_TYPE_SCOPES[recordType]];
      }
    }
    recordTypes.push({
      recordType,
      missingScopes: missing,
      pipelines: pipelines
        .filter((p) => !p.archived)
        .map((p) => ({
          id: p.id,
          label: p.label,
          isBatonPipeline: p.label === PIPELINE_LABEL,
          stages: p.stages
            .filter((s) => !s.archived)
            .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0))
            .map((s) => ({ id: s.id, label: s.label, closure: stageClosure(recordType, s.metadata) })),
        })),
    });
  }
  return { recordTypes, current };
}

async function provisionProperties(gateway: HubSpotGateway, recordType: RecordType, templates: readonly Template[], created: string[], existing: string[]): Promise<void> {
  const facts = RECORD_TYPE[recordType];
  const groups = await gateway.groups(recordType);
  if (groups.includes(BATON_GROUP.name)) existing.push(`property group ${BATON_GROUP.name}`);
  else {
    try {
      await gateway.createGroup(recordType, { name: BATON_GROUP.name, label: BATON_GROUP.label });
      created.push(`property group ${BATON_GROUP.name}`);
    } catch (error) {
      if (!isConflict(error)) throw error;
      existing.push(`property group ${BATON_GROUP.name}`);
    }
  }

  const properties = new Map((await gateway.properties(recordType)).map((p) => [p.name, p]));
  for (const definition of propertyDefinitionsFor(templates)) {
    const found = properties.get(definition.name);
    if (found && !found.archived) {
      if (definition.name === PROP.batonId && found.hasUniqueValue !== true) {
        throw new HubSpotError({
          code: 'HUBSPOT_VALIDATION',
          message: `The ${facts.singular} property "${PROP.batonId}" exists in HubSpot but is not unique, so Baton cannot match ${facts.plural} to handoffs safely. Delete or rename it in HubSpot, then connect again.`,
        });
      }
      existing.push(`property ${definition.name}`);
      continue;
    }
    try {
      await gateway.createProperty(recordType, propertyCreateBody(definition));
      created.push(`property ${definition.name}`);
    } catch (error) {
      if (!isConflict(error)) throw error;
      existing.push(`property ${definition.name}`);
    }
  }
}

/**
 * HubSpot refusing a new pipeline (a 400 or a 403 that names no missing
 * scope) is the account's tier: Free has one pipeline per object, Starter
 * and up allow more, and extra deal pipelines need Sales Hub.
 */
function pipelineRefused(error: unknown, recordType: RecordType): HubSpotError | null {
  if (!(error instanceof HubSpotError)) return null;
  if (error.status !== 400 && error.status !== 403) return null;
  if (error.status === 403 && error.scope !== null) return null;
  const facts = RECORD_TYPE[recordType];
  return new HubSpotError({
    code: 'PIPELINE_REFUSED',
    status: error.status,
    correlationId: error.correlationId,
    message:
      `HubSpot did not let Baton create a new ${facts.singular} pipeline. Free HubSpot accounts have one ${facts.singular} pipeline and cannot add another` +
      `${recordType === 'deals' ? ' (more deal pipelines need a paid Sales Hub)' : ''}. ` +
      `Choose “Use an existing pipeline” and map its stages to the four handoff states instead.`,
    detail: error.message,
  });
}

/** HubSpot's answer to a pipeline create whose label is taken: a 409, or a 400 that says the label exists. */
function labelTaken(error: unknown): boolean {
  if (!(error instanceof HubSpotError)) return false;
  return error.status === 409 || (error.status === 400 && /already exists|duplicate/i.test(`${error.message} ${error.detail ?? ''}`));
}

/**
 * A create whose answer was lost (a timeout after HubSpot applied it) is retried and refused because
 * the label is taken, by the pipeline it made itself: read the pipelines and adopt Baton's own one
 * (same label, all four stages), so setup goes on instead of failing. Anything else is not adopted.
 */
async function adoptAfterLostAnswer(gateway: HubSpotGateway, recordType: RecordType, error: unknown): Promise<HubSpotPipeline | undefined> {
  if (!labelTaken(error)) return undefined;
  const pipeline = ownPipelineIn(await gateway.pipelines(recordType));
  return pipeline && complete(findStageIds(pipeline.stages)) ? pipeline : undefined;
}

async function createOwnPipeline(gateway: HubSpotGateway, recordType: RecordType, created: string[], existing: string[]): Promise<HubSpotSetup> {
  const pipelines = await gateway.pipelines(recordType);
  let pipeline = ownPipelineIn(pipelines);
  if (!pipeline) {
    try {
      pipeline = await gateway.createPipeline(recordType, {
        label: PIPELINE_LABEL,
        displayOrder: pipelines.length,
        stages: HANDOFF_STATES.map((state, index) => ({ label: STATE_LABELS[state], displayOrder: index, metadata: stageMetadata(recordType, state) })),
      });
      created.push(`pipeline ${PIPELINE_LABEL}`);
    } catch (error) {
      pipeline = await adoptAfterLostAnswer(gateway, recordType, error);
      if (!pipeline) throw pipelineRefused(error, recordType) ?? error;
      existing.push(`pipeline ${PIPELINE_LABEL}`);
    }
  } else existing.push(`pipeline ${PIPELINE_LABEL}`);

  const ids = findStageIds(pipeline.stages);
  for (const [index, state] of HANDOFF_STATES.entries()) {
    const id = ids[state];
    const stage = pipeline.stages.find((s) => s.id === id);
    if (stage) {
      // Pipelines made by earlier versions had "Handoff done" at probability 1.0 (closed won): move it inside (0, 1).
      if (recordType === 'deals' && stageClosure(recordType, stage.metadata) !== 'open') {
        await gateway.updateStage(recordType, pipeline.id, stage.id, { metadata: stageMetadata(recordType, state) });
        created.push(`open stage ${STATE_LABELS[state]} (was closed)`);
      }
      continue;
    }
    const made = await gateway.createStage(recordType, pipeline.id, { label: STATE_LABELS[state], displayOrder: index, metadata: stageMetadata(recordType, state) });
    ids[state] = made.id;
    created.push(`stage ${STATE_LABELS[state]}`);
  }
  const stageIds = complete(ids);
  if (!stageIds) throw new HubSpotError({ code: 'HUBSPOT_BAD_RESPONSE', message: `HubSpot did not return the stages of the ${PIPELINE_LABEL} pipeline after creating them.` });
  return { recordType, pipelineId: pipeline.id, stageIds, ownPipeline: true };
}

async function mapExistingPipeline(gateway: HubSpotGateway, choice: Extract<SetupChoice, { mode: 'map' }>, existing: string[]): Promise<HubSpotSetup> {
  const setup: HubSpotSetup = { recordType: choice.recordType, pipelineId: choice.pipelineId, stageIds: choice.stageIds, ownPipeline: false };
  if (new Set(Object.values(choice.stageIds)).size !== HANDOFF_STATES.length) {
    throw new HubSpotError({ code: 'HUBSPOT_VALIDATION', message: 'Map each handoff state to a different stage, so Baton can tell the states apart.' });
  }
  const problem = await setupProblem(gateway, setup);
  if (problem) throw new HubSpotError({ code: 'HUBSPOT_VALIDATION', message: `${problem} Choose the pipeline and its stages again.` });
  existing.push(`pipeline ${choice.pipelineId} (mapped)`);
  return setup;
}

/** Whether handoffs were already synced into a setup's pipeline (a record there carries a `baton_id`). */
export async function holdsHandoffs(gateway: HubSpotGateway, setup: HubSpotSetup): Promise<boolean> {
  const page = await gateway.search(setup.recordType, {
    filterGroups: [{ filters: [{ propertyName: PROP.pipeline, operator: 'EQ', value: setup.pipelineId }, { propertyName: PROP.batonId, operator: 'HAS_PROPERTY' }] }],
    properties: [PROP.batonId],
    limit: 1,
  });
  return page.total > 0;
}

/** Same record type and pipeline (a re-run), as opposed to a move elsewhere. */
export function sameHome(a: HubSpotSetup, b: SetupChoice): boolean {
  return a.recordType === b.recordType && (b.mode === 'create' ? a.ownPipeline : a.pipelineId === b.pipelineId);
}

/**
 * Create what Baton needs in HubSpot, reading before every write, so a second
 * run creates nothing and a template edited later adds only its new criteria:
 * Baton's own pipeline or the mapping onto an existing one, then the property
 * group and properties on the chosen record type.
 */
export async function provision(gateway: HubSpotGateway, templates: readonly Template[], choice: SetupChoice): Promise<ProvisionOutcome> {
  const created: string[] = [];
  const existing: string[] = [];
  // The pipeline first: a tier that refuses it leaves nothing half-made.
  const setup = choice.mode === 'create' ? await createOwnPipeline(gateway, choice.recordType, created, existing) : await mapExistingPipeline(gateway, choice, existing);
  await provisionProperties(gateway, choice.recordType, templates, created, existing);
  return { setup, created, existing };
}
