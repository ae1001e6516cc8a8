import { z } from 'zod';
import { conflict, notFound, validationError } from '../errors';
import { iso, type Portal } from '../portal';
import { objectScope, resolveObjectType, type Route } from '../router';
import type { FakeObjectType, PipelineView, PortalTier, StageView } from '../types';
import { parseBody } from './body';

const metadataValue = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
const stageInput = z.object({
  label: z.string().min(1),
  displayOrder: z.number().int(),
  metadata: z.record(z.string(), metadataValue).optional(),
});
const pipelineInput = z.object({ label: z.string().min(1), displayOrder: z.number().int(), stages: z.array(stageInput).min(1) });
const pipelinePatch = z.object({ label: z.string().min(1).optional(), displayOrder: z.number().int().optional(), archived: z.boolean().optional() });
const stagePatch = stageInput.partial().extend({ archived: z.boolean().optional() });

/** Deal stages need a win probability 0..1; ticket stages may carry OPEN/CLOSED. */
function checkMetadata(type: FakeObjectType, label: string, metadata: Record<string, string>): void {
  if (type === 'deals') {
    const raw = metadata.probability;
    const probability = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
    if (!(probability >= 0 && probability <= 1)) {
      throw validationError(`Deal stage "${label}" needs metadata.probability between 0.0 and 1.0 (got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}).`, [
        { message: 'metadata.probability must be a number from 0.0 to 1.0', code: 'INVALID_PROBABILITY', in: 'metadata.probability' },
      ]);
    }
  }
  if (type === 'tickets' && metadata.ticketState !== undefined && !['OPEN', 'CLOSED'].includes(metadata.ticketState)) {
    throw validationError(`Ticket stage "${label}" has metadata.ticketState ${JSON.stringify(metadata.ticketState)}; use OPEN or CLOSED.`);
  }
}

/** HubSpot derives a deal stage's `isClosed` from its probability: 1.0 is closed won, 0.0 closed lost. */
function dealStageIsClosed(metadata: Record<string, string>): 'true' | 'false' {
  const probability = Number(metadata.probability);
  return probability === 1 || probability === 0 ? 'true' : 'false';
}

/** Pipelines per object an account may have, by tier (Free: the one it starts with). */
export const PIPELINE_LIMITS: Record<PortalTier, number> = { free: 1, starter: 2, professional: 15, enterprise: 100 };

function checkPipelineLimit(portal: Portal, type: FakeObjectType): void {
  const limit = PIPELINE_LIMITS[portal.tier];
  const used = [...portal.pipelines[type].values()].filter((p) => !p.archived).length;
  if (used >= limit) {
    throw validationError(`The ${type} pipeline limit of this account has been reached (${used} of ${limit} on the ${portal.tier} tier). Upgrade to add more pipelines.`, [
      { message: `pipeline limit ${limit} reached`, code: 'PIPELINE_LIMIT_REACHED', in: 'pipeline' },
    ]);
  }
}

function checkUniqueLabels(labels: string[]): void {
  const seen = new Set<string>();
  for (const label of labels) {
    const key = label.trim().toLowerCase();
    if (seen.has(key)) throw validationError(`Stage label "${label}" is used twice; stage labels must be unique within a pipeline.`, [
      { message: `Duplicate stage label "${label}"`, code: 'DUPLICATE_STAGE_LABEL', in: 'stages' },
    ]);
    seen.add(key);
  }
}

function makeStage(portal: Portal, type: FakeObjectType, input: z.infer<typeof stageInput>, at: string): StageView {
  const metadata = { ...(input.metadata ?? {}) };
  checkMetadata(type, input.label, metadata);
  if (type === 'deals') metadata.isClosed = dealStageIsClosed(metadata);
  return { id: portal.newPipelineId(), label: input.label, displayOrder: input.displayOrder, metadata, createdAt: at, updatedAt: at, archived: false };
}

function findPipeline(portal: Portal, type: FakeObjectType, id: string | undefined): PipelineView {
  const pipeline = portal.pipelines[type].get(id ?? '');
  if (!pipeline || pipeline.archived) throw notFound(`Unable to find pipeline ${id ?? ''} for object type ${type}`, { pipelineId: [id ?? ''] });
  return pipeline;
}

function findStage(pipeline: PipelineView, stageId: string | undefined): StageView {
  const stage = pipeline.stages.find((s) => s.id === stageId && !s.archived);
  if (!stage) throw notFound(`Unable to find stage ${stageId ?? ''} in pipeline ${pipeline.id}`, { stageId: [stageId ?? ''] });
  return stage;
}

const copyPipeline = (p: PipelineView): PipelineView => ({ ...p, stages: p.stages.filter((s) => !s.archived).map(copyStage) });
const copyStage = (s: StageView): StageView => ({ ...s, metadata: { ...s.metadata } });

const read = objectScope('schemas', 'read');
const write = objectScope('schemas', 'write');

export const pipelineRoutes: Route[] = [
  {
    method: 'GET', pattern: '/crm/v3/pipelines/:objectType', scope: read,
    handle: ({ params, portal }) => {
      const type = resolveObjectType(params.objectType);
      return { status: 200, body: { results: [...portal.pipelines[type].values()].filter((p) => !p.archived).map(copyPipeline) } };
    },
  },
  {
    method: 'POST', pattern: '/crm/v3/pipelines/:objectType', scope: write,
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const input = parseBody(pipelineInput, body);
      const taken = [...portal.pipelines[type].values()].find((p) => !p.archived && p.label.trim().toLowerCase() === input.label.trim().toLowerCase());
      if (taken) throw conflict(`A pipeline labelled "${input.label}" already exists (id ${taken.id}).`, { label: [input.label] });
      checkPipelineLimit(portal, type);
      checkUniqueLabels(input.stages.map((s) => s.label));
      const at = iso(portal.now());
      const stages = input.stages.map((s) => makeStage(portal, type, s, at));
      const pipeline: PipelineView = { id: portal.newPipelineId(), label: input.label, displayOrder: input.displayOrder, stages, createdAt: at, updatedAt: at, archived: false };
      portal.pipelines[type].set(pipeline.id, pipeline);
      return { status: 201, body: copyPipeline(pipeline) };
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/pipelines/:objectType/:pipelineId', scope: read,
    handle: ({ params, portal }) => ({ status: 200, body: copyPipeline(findPipeline(portal, resolveObjectType(params.objectType), params.pipelineId)) }),
  },
  {
    method: 'PATCH', pattern: '/crm/v3/pipelines/:objectType/:pipelineId', scope: write,
    handle: ({ params, portal, body }) => {
      const pipeline = findPipeline(portal, resolveObjectType(params.objectType), params.pipelineId);
      const input = parseBody(pipelinePatch, body);
      if (input.label !== undefined) pipeline.label = input.label;
      if (input.displayOrder !== undefined) pipeline.displayOrder = input.displayOrder;
      if (input.archived === true) pipeline.archived = true;
      pipeline.updatedAt = iso(portal.now());
      return { status: 200, body: copyPipeline(pipeline) };
    },
  },
  {
    method: 'DELETE', pattern: '/crm/v3/pipelines/:objectType/:pipelineId', scope: write,
    handle: ({ params, portal }) => {
      findPipeline(portal, resolveObjectType(params.objectType), params.pipelineId).archived = true;
      return { status: 204 };
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/pipelines/:objectType/:pipelineId/stages', scope: read,
    handle: ({ params, portal }) => {
      const pipeline = findPipeline(portal, resolveObjectType(params.objectType), params.pipelineId);
      return { status: 200, body: { results: pipeline.stages.filter((s) => !s.archived).map(copyStage) } };
    },
  },
  {
    method: 'POST', pattern: '/crm/v3/pipelines/:objectType/:pipelineId/stages', scope: write,
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const pipeline = findPipeline(portal, type, params.pipelineId);
      const input = parseBody(stageInput, body);
      const taken = pipeline.stages.find((s) => !s.archived && s.label.trim().toLowerCase() === input.label.trim().toLowerCase());
      if (taken) throw conflict(`Pipeline ${pipeline.id} already has a stage labelled "${input.label}" (id ${taken.id}).`, { label: [input.label] });
      const stage = makeStage(portal, type, input, iso(portal.now()));
      pipeline.stages.push(stage);
      return { status: 201, body: copyStage(stage) };
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId', scope: read,
    handle: ({ params, portal }) => {
      const pipeline = findPipeline(portal, resolveObjectType(params.objectType), params.pipelineId);
      return { status: 200, body: copyStage(findStage(pipeline, params.stageId)) };
    },
  },
  {
    method: 'PATCH', pattern: '/crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId', scope: write,
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const pipeline = findPipeline(portal, type, params.pipelineId);
      const stage = findStage(pipeline, params.stageId);
      const input = parseBody(stagePatch, body);
      const label = input.label ?? stage.label;
      if (pipeline.stages.some((s) => s !== stage && !s.archived && s.label.trim().toLowerCase() === label.trim().toLowerCase())) {
        throw conflict(`Pipeline ${pipeline.id} already has a stage labelled "${label}".`, { label: [label] });
      }
      const metadata = { ...stage.metadata, ...(input.metadata ?? {}) };
      checkMetadata(type, label, metadata);
      if (type === 'deals') metadata.isClosed = dealStageIsClosed(metadata);
      stage.label = label;
      stage.metadata = metadata;
      if (input.displayOrder !== undefined) stage.displayOrder = input.displayOrder;
      if (input.archived === true) stage.archived = true;
      stage.updatedAt = iso(portal.now());
      return { status: 200, body: copyStage(stage) };
    },
  },
];
