import { z } from 'zod';
import { validationError } from '../errors';
import { renderObject, type WireObject } from '../object-render';
import { archiveObject, createObject, INTEGRATION_SOURCE, updateObject } from '../object-writes';
import type { Portal } from '../portal';
import { describeValueErrors, validateValues, type PropertyValueError } from '../property-values';
import { objectScope, resolveObjectType, type Route, type RouteResult } from '../router';
import type { FakeObjectType } from '../types';
import { batchAnswer, batchError, checkBatchSize, type BatchError } from './batch-answer';
import { parseBody } from './body';
import { lookupObject } from './objects';
import { applyAssociations, checkAssociations, createInput, propertiesInput } from './object-input';

const idValue = z.union([z.string(), z.number()]).transform(String);
const batchOf = <T extends z.ZodType>(input: T) => z.object({ inputs: z.array(input) });
/** HubSpot answers 400 to a batch read with `propertiesWithHistory` and more inputs than this. */
export const MAX_HISTORY_BATCH_INPUTS = 50;

const readBody = z.object({
  inputs: z.array(z.object({ id: idValue })),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});
const updateItem = z.object({ id: idValue, idProperty: z.string().optional(), properties: propertiesInput, objectWriteTraceId: z.string().optional() });
const upsertItem = z.object({ id: idValue, idProperty: z.string().optional(), properties: propertiesInput, objectWriteTraceId: z.string().optional() });

function traceContext(traceId: string | undefined): Record<string, string[]> {
  return traceId === undefined ? {} : { objectWriteTraceId: [traceId] };
}

function valueError(errors: PropertyValueError[], traceId: string | undefined): BatchError {
  const conflict = errors.some((e) => e.code === 'CONFLICT');
  return batchError(
    conflict ? 'CONFLICT' : 'VALIDATION_ERROR',
    conflict ? errors.map((e) => e.message).join(' ') : describeValueErrors(errors),
    { ...traceContext(traceId), propertyName: errors.map((e) => e.name) },
    errors.map((e) => ({ message: e.message, code: e.code, context: { propertyName: [e.name] } })),
  );
}

function withTrace(wire: WireObject, traceId: string | undefined): WireObject {
  return traceId === undefined ? wire : { ...wire, objectWriteTraceId: traceId };
}

function batchCreate(portal: Portal, type: FakeObjectType, body: unknown): RouteResult {
  const startedAt = portal.now();
  const { inputs } = parseBody(batchOf(createInput), body);
  checkBatchSize(inputs);
  const results: WireObject[] = [];
  const errors: BatchError[] = [];
  for (const input of inputs) {
    const checked = validateValues(portal, type, input.properties, undefined);
    if (!checked.ok) {
      errors.push(valueError(checked.errors, input.objectWriteTraceId));
      continue;
    }
    const badAssociation = checkAssociations(portal, type, input.associations ?? []);
    if (badAssociation) {
      errors.push(batchError('VALIDATION_ERROR', badAssociation, traceContext(input.objectWriteTraceId)));
      continue;
    }
    const obj = createObject(portal, type, checked.values, INTEGRATION_SOURCE);
    applyAssociations(portal, obj, input.associations ?? []);
    results.push(withTrace(renderObject(obj, { properties: 'all' }), input.objectWriteTraceId));
  }
  return batchAnswer(portal, startedAt, 201, results, errors);
}

function batchRead(portal: Portal, type: FakeObjectType, body: unknown, archived: boolean): RouteResult {
  const startedAt = portal.now();
  const input = parseBody(readBody, body);
  // HubSpot takes at most 50 inputs when property history is asked for.
  checkBatchSize(input.inputs, (input.propertiesWithHistory ?? []).length > 0 ? MAX_HISTORY_BATCH_INPUTS : undefined);
  const results: WireObject[] = [];
  const missing: string[] = [];
  for (const { id } of input.inputs) {
    const obj = archived ? portal.objects[type].get(id) : lookupObject(portal, type, id, input.idProperty);
    if (!obj || obj.archived !== archived) missing.push(id);
    else results.push(renderObject(obj, { properties: input.properties, propertiesWithHistory: input.propertiesWithHistory }));
  }
  const errors = missing.length === 0 ? [] : [batchError('OBJECT_NOT_FOUND',
    `Could not get some ${type.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`, { ids: missing })];
  return batchAnswer(portal, startedAt, 200, results, errors);
}

function batchUpdate(portal: Portal, type: FakeObjectType, body: unknown): RouteResult {
  const startedAt = portal.now();
  const { inputs } = parseBody(batchOf(updateItem), body);
  checkBatchSize(inputs);
  const results: WireObject[] = [];
  const errors: BatchError[] = [];
  for (const input of inputs) {
    const obj = lookupObject(portal, type, input.id, input.idProperty);
    if (!obj) {
      errors.push(batchError('OBJECT_NOT_FOUND', `No ${type} with id ${input.id}.`, { ids: [input.id], ...traceContext(input.objectWriteTraceId) }));
      continue;
    }
    const checked = validateValues(portal, type, input.properties, obj);
    if (!checked.ok) {
      errors.push(valueError(checked.errors, input.objectWriteTraceId));
      continue;
    }
    updateObject(portal, obj, checked.values, INTEGRATION_SOURCE);
    results.push(withTrace(renderObject(obj, { properties: 'all' }), input.objectWriteTraceId));
  }
  return batchAnswer(portal, startedAt, 200, results, errors);
}

/** Creates or updates by a unique property: re-sending the same batch never duplicates. */
function batchUpsert(portal: Portal, type: FakeObjectType, body: unknown): RouteResult {
  const startedAt = portal.now();
  const { inputs } = parseBody(batchOf(upsertItem), body);
  checkBatchSize(inputs);
  const seen = new Set<string>();
  for (const input of inputs) {
    if (!input.idProperty) throw validationError('Upsert inputs need idProperty naming a unique value property.');
    const def = portal.properties[type].get(input.idProperty);
    if (!def || def.archived || !def.hasUniqueValue) {
      throw validationError(`idProperty "${input.idProperty}" ${def && !def.archived ? 'is not a unique value property' : 'does not exist'} on ${type}; upsert needs a property created with hasUniqueValue: true.`);
    }
    const key = `${input.idProperty}=${input.id}`;
    if (seen.has(key)) throw validationError(`Duplicate IDs found in batch input: ${input.id}. Each record may appear once per upsert.`);
    seen.add(key);
  }
  const results: (WireObject & { new: boolean })[] = [];
  const errors: BatchError[] = [];
  for (const input of inputs) {
    const idProperty = input.idProperty ?? '';
    const existing = portal.findByUniqueValue(type, idProperty, input.id);
    const written = input.properties[idProperty];
    if (written !== undefined && written !== input.id) {
      errors.push(batchError('VALIDATION_ERROR', `properties.${idProperty} (${String(written)}) differs from the input id ${input.id}.`, traceContext(input.objectWriteTraceId)));
      continue;
    }
    const props = { ...input.properties, [idProperty]: input.id };
    const checked = validateValues(portal, type, props, existing);
    if (!checked.ok) {
      errors.push(valueError(checked.errors, input.objectWriteTraceId));
      continue;
    }
    const obj = existing ? updateObject(portal, existing, checked.values, INTEGRATION_SOURCE) : createObject(portal, type, checked.values, INTEGRATION_SOURCE);
    results.push({ ...withTrace(renderObject(obj, { properties: 'all' }), input.objectWriteTraceId), new: existing === undefined });
  }
  return batchAnswer(portal, startedAt, 200, results, errors);
}

function batchArchive(portal: Portal, type: FakeObjectType, body: unknown): RouteResult {
  const { inputs } = parseBody(batchOf(z.object({ id: idValue })), body);
  checkBatchSize(inputs);
  for (const { id } of inputs) {
    const obj = portal.findLiveObject(type, id);
    if (obj) archiveObject(portal, obj);
  }
  return { status: 204 };
}

export const batchRoutes: Route[] = [
  {
    method: 'POST', pattern: '/crm/v3/objects/:objectType/batch/:operation',
    scope: (params) => objectScope('objects', params.operation === 'read' ? 'read' : 'write')(params),
    handle: ({ params, portal, body, query }) => {
      const type = resolveObjectType(params.objectType);
      switch (params.operation) {
        case 'create': return batchCreate(portal, type, body);
        case 'read': return batchRead(portal, type, body, query.get('archived') === 'true');
        case 'update': return batchUpdate(portal, type, body);
        case 'upsert': return batchUpsert(portal, type, body);
        case 'archive': return batchArchive(portal, type, body);
        default:
          throw validationError(`Unknown batch operation "${params.operation ?? ''}"; use create, read, update, upsert or archive.`);
      }
    },
  },
];
