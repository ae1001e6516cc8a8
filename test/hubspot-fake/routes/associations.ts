import { z } from 'zod';
import { associate, associationsFrom, defaultAssociationType, dissociate } from '../association-types';
import { notFound, validationError } from '../errors';
import { iso, type Portal } from '../portal';
import { OBJECT_TYPE_FACTS } from '../property-definitions';
import { objectScope, resolveObjectType, type Route } from '../router';
import type { FakeObjectType } from '../types';
import { batchAnswer, batchError, checkBatchSize, type BatchError } from './batch-answer';
import { parseBody } from './body';

export const MAX_ASSOCIATION_BATCH_READ = 1_000;

const labelsInput = z.array(z.object({ associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']), associationTypeId: z.number().int() })).min(1);
const batchReadInput = z.object({ inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), after: z.string().optional() })) });

function requireObject(portal: Portal, type: FakeObjectType, id: string): void {
  if (!portal.findLiveObject(type, id)) throw notFound(`No ${OBJECT_TYPE_FACTS[type].singular} with id ${id}.`, { id: [id] });
}

function associationTypes(portal: Portal, fromType: FakeObjectType, fromId: string, toType: FakeObjectType) {
  return associationsFrom(portal, fromType, fromId, toType).map((edge) => ({
    toObjectId: Number(edge.toId),
    associationTypes: [...edge.typeIds].sort((a, b) => a - b).map((typeId) => ({ category: 'HUBSPOT_DEFINED', typeId, label: null })),
  }));
}

const objectRef = z.object({ id: z.union([z.string(), z.number()]).transform(String) });

function missingPair(fromType: FakeObjectType, fromId: string, toType: FakeObjectType, toId: string): BatchError {
  return batchError('OBJECT_NOT_FOUND', `Cannot associate ${fromType} ${fromId} with ${toType} ${toId}: one of them does not exist.`, { fromObjectId: [fromId], toObjectId: [toId] });
}

// The v4 spec accepts any of a long list; the from-type's object scope and the contacts scope are the ones an app has.
const read = (params: Record<string, string>): readonly string[] => [...objectScope('objects', 'read', 'fromObjectType')(params), 'crm.objects.contacts.read'];
const write = (params: Record<string, string>): readonly string[] => [...objectScope('objects', 'write', 'fromObjectType')(params), 'crm.objects.contacts.write'];

export const associationRoutes: Route[] = [
  {
    method: 'PUT', pattern: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId', scope: write,
    handle: ({ params, portal }) => {
      const fromType = resolveObjectType(params.fromObjectType);
      const toType = resolveObjectType(params.toObjectType);
      const fromId = params.fromObjectId ?? '';
      const toId = params.toObjectId ?? '';
      requireObject(portal, fromType, fromId);
      requireObject(portal, toType, toId);
      const typeId = defaultAssociationType(fromType, toType);
      associate(portal, fromType, fromId, toType, toId, typeId);
      const at = iso(portal.now());
      return {
        status: 200,
        body: {
          status: 'COMPLETE',
          results: [{ from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } }],
          startedAt: at, completedAt: at,
        },
      };
    },
  },
  {
    method: 'PUT', pattern: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/:toObjectType/:toObjectId', scope: write,
    handle: ({ params, portal, body }) => {
      const fromType = resolveObjectType(params.fromObjectType);
      const toType = resolveObjectType(params.toObjectType);
      const fromId = params.fromObjectId ?? '';
      const toId = params.toObjectId ?? '';
      const labels = parseBody(labelsInput, body);
      requireObject(portal, fromType, fromId);
      requireObject(portal, toType, toId);
      for (const l of labels) associate(portal, fromType, fromId, toType, toId, l.associationTypeId, l.associationCategory);
      return {
        status: 201,
        body: {
          fromObjectTypeId: OBJECT_TYPE_FACTS[fromType].objectTypeId, fromObjectId: Number(fromId),
          toObjectTypeId: OBJECT_TYPE_FACTS[toType].objectTypeId, toObjectId: Number(toId), labels: [],
        },
      };
    },
  },
  {
    method: 'DELETE', pattern: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/:toObjectType/:toObjectId', scope: write,
    handle: ({ params, portal }) => {
      dissociate(portal, resolveObjectType(params.fromObjectType), params.fromObjectId ?? '', resolveObjectType(params.toObjectType), params.toObjectId ?? '');
      return { status: 204 };
    },
  },
  {
    method: 'GET', pattern: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/:toObjectType', scope: read,
    handle: ({ params, portal }) => {
      const fromType = resolveObjectType(params.fromObjectType);
      const fromId = params.fromObjectId ?? '';
      requireObject(portal, fromType, fromId);
      return { status: 200, body: { results: associationTypes(portal, fromType, fromId, resolveObjectType(params.toObjectType)) } };
    },
  },
  {
    method: 'POST', pattern: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read', scope: read,
    handle: ({ params, portal, body }) => {
      const fromType = resolveObjectType(params.fromObjectType);
      const toType = resolveObjectType(params.toObjectType);
      const { inputs } = parseBody(batchReadInput, body);
      checkBatchSize(inputs, MAX_ASSOCIATION_BATCH_READ);
      const results = [];
      const missing: string[] = [];
      // HubSpot pages each result's associations: `after` (here an offset) asks for the next page of that one record.
      const size = portal.associationPageSize;
      for (const { id, after } of inputs) {
        const all = portal.findLiveObject(fromType, id) ? associationTypes(portal, fromType, id, toType) : [];
        const start = after === undefined ? 0 : Number(after);
        if (!Number.isInteger(start) || start < 0) throw validationError(`Invalid paging cursor "${after ?? ''}" for ${id}.`);
        const to = all.slice(start, start + size);
        if (to.length === 0) missing.push(id);
        else {
          const next = start + size < all.length ? String(start + size) : null;
          results.push({ from: { id }, to, ...(next === null ? {} : { paging: { next: { after: next, link: `?after=${next}` } } }) });
        }
      }
      const errors = missing.length === 0 ? [] : [batchError('OBJECT_NOT_FOUND', `No ${toType} is associated with ${fromType} ${missing.join(', ')}.`, { fromObjectId: missing })];
      return batchAnswer(portal, portal.now(), 200, results, errors);
    },
  },
  {
    method: 'POST', pattern: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default', scope: write,
    handle: ({ params, portal, body }) => {
      const fromType = resolveObjectType(params.fromObjectType);
      const toType = resolveObjectType(params.toObjectType);
      const { inputs } = parseBody(z.object({ inputs: z.array(z.object({ from: objectRef, to: objectRef })) }), body);
      const typeId = defaultAssociationType(fromType, toType);
      const results = [];
      const errors: BatchError[] = [];
      for (const { from, to } of inputs) {
        if (!portal.findLiveObject(fromType, from.id) || !portal.findLiveObject(toType, to.id)) {
          errors.push(missingPair(fromType, from.id, toType, to.id));
          continue;
        }
        associate(portal, fromType, from.id, toType, to.id, typeId);
        results.push({ from: { id: from.id }, to: { id: to.id }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } });
      }
      return batchAnswer(portal, portal.now(), 200, results, errors);
    },
  },
  {
    method: 'POST', pattern: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/create', scope: write,
    handle: ({ params, portal, body }) => {
      const fromType = resolveObjectType(params.fromObjectType);
      const toType = resolveObjectType(params.toObjectType);
      const { inputs } = parseBody(z.object({ inputs: z.array(z.object({ from: objectRef, to: objectRef, types: labelsInput })) }), body);
      const results = [];
      const errors: BatchError[] = [];
      for (const { from, to, types } of inputs) {
        if (!portal.findLiveObject(fromType, from.id) || !portal.findLiveObject(toType, to.id)) {
          errors.push(missingPair(fromType, from.id, toType, to.id));
          continue;
        }
        for (const t of types) associate(portal, fromType, from.id, toType, to.id, t.associationTypeId, t.associationCategory);
        results.push({
          fromObjectTypeId: OBJECT_TYPE_FACTS[fromType].objectTypeId, fromObjectId: Number(from.id),
          toObjectTypeId: OBJECT_TYPE_FACTS[toType].objectTypeId, toObjectId: Number(to.id), labels: [],
        });
      }
      return batchAnswer(portal, portal.now(), 201, results, errors);
    },
  },
  {
    method: 'POST', pattern: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/archive', scope: write,
    handle: ({ params, portal, body }) => {
      const fromType = resolveObjectType(params.fromObjectType);
      const toType = resolveObjectType(params.toObjectType);
      const { inputs } = parseBody(z.object({ inputs: z.array(z.object({ from: objectRef, to: z.array(objectRef) })) }), body);
      for (const { from, to } of inputs) for (const t of to) dissociate(portal, fromType, from.id, toType, t.id);
      return { status: 204 };
    },
  },
];
