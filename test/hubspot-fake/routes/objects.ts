import { z } from 'zod';
import { associationsFrom, associationTypeName } from '../association-types';
import { notFound, validationError } from '../errors';
import { queryList, renderObject } from '../object-render';
import { archiveObject, createObject, INTEGRATION_SOURCE, updateObject } from '../object-writes';
import type { Portal, StoredObject } from '../portal';
import { validateValues } from '../property-values';
import { objectScope, objectTypeOrUndefined, resolveObjectType, type Route } from '../router';
import type { FakeObjectType } from '../types';
import { parseBody } from './body';
import { applyAssociations, checkAssociations, createInput, propertiesInput, valueErrorsToHttp } from './object-input';

const updateInput = z.object({ properties: propertiesInput, objectWriteTraceId: z.string().optional() });

/** Finds a live record by id, or by a unique property when `idProperty` is given. */
export function lookupObject(portal: Portal, type: FakeObjectType, id: string, idProperty: string | null | undefined): StoredObject | undefined {
  if (idProperty && idProperty !== 'hs_object_id') {
    const def = portal.properties[type].get(idProperty);
    if (!def || def.archived) throw validationError(`idProperty "${idProperty}" does not exist on ${type}.`);
    if (!def.hasUniqueValue) throw validationError(`idProperty "${idProperty}" is not a unique value property; only properties created with hasUniqueValue can identify records.`);
    return portal.findByUniqueValue(type, idProperty, id);
  }
  return portal.findLiveObject(type, id);
}

function renderWithAssociations(portal: Portal, obj: StoredObject, query: URLSearchParams): Record<string, unknown> {
  const wire: Record<string, unknown> = { ...renderObject(obj, { properties: queryList(query, 'properties'), propertiesWithHistory: queryList(query, 'propertiesWithHistory') }) };
  const wanted = queryList(query, 'associations');
  if (wanted) {
    const associations: Record<string, { results: { id: string; type: string }[] }> = {};
    for (const raw of wanted) {
      const toType = objectTypeOrUndefined(raw);
      if (!toType) continue;
      const results = associationsFrom(portal, obj.type, obj.id, toType).map((e) => ({ id: e.toId, type: associationTypeName(obj.type, toType) }));
      if (results.length > 0) associations[toType] = { results };
    }
    wire.associations = associations;
  }
  return wire;
}

const LIST_MAX = 100;
const LIST_MAX_WITH_HISTORY = 50;

export const objectRoutes: Route[] = [
  {
    method: 'GET', pattern: '/crm/v3/objects/:objectType', scope: objectScope('objects', 'read'),
    handle: ({ params, portal, query }) => {
      const type = resolveObjectType(params.objectType);
      const limit = Number(query.get('limit') ?? '10');
      if (!Number.isInteger(limit) || limit < 1 || limit > LIST_MAX) throw validationError(`limit must be an integer from 1 to ${LIST_MAX}, got ${query.get('limit') ?? ''}.`);
      // HubSpot returns at most 50 records a page when history is asked for.
      const pageSize = queryList(query, 'propertiesWithHistory') ? Math.min(limit, LIST_MAX_WITH_HISTORY) : limit;
      const after = query.get('after');
      const archived = query.get('archived') === 'true';
      const all = [...portal.objects[type].values()].filter((o) => o.archived === archived).sort((a, b) => Number(a.id) - Number(b.id));
      const start = after ? all.findIndex((o) => Number(o.id) > Number(after)) : 0;
      const page = start < 0 ? [] : all.slice(start, start + pageSize);
      const last = page[page.length - 1];
      const more = start >= 0 && start + pageSize < all.length && last !== undefined;
      return {
        status: 200,
        body: {
          results: page.map((o) => renderWithAssociations(portal, o, query)),
          ...(more ? { paging: { next: { after: last.id, link: `?after=${last.id}` } } } : {}),
        },
      };
    },
  },
  {
    method: 'POST', pattern: '/crm/v3/objects/:objectType', scope: objectScope('objects', 'write'),
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const input = parseBody(createInput, body);
      const checked = validateValues(portal, type, input.properties, undefined);
      if (!checked.ok) throw valueErrorsToHttp(checked.errors);
      const badAssociation = checkAssociations(portal, type, input.associations ?? []);
      if (badAssociation) throw validationError(badAssociation);
      const obj = createObject(portal, type, checked.values, INTEGRATION_SOURCE);
      applyAssociations(portal, obj, input.associations ?? []);
      return { status: 201, body: renderObject(obj, { properties: 'all' }) };
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/objects/:objectType/:objectId', scope: objectScope('objects', 'read'),
    handle: ({ params, portal, query }) => {
      const type = resolveObjectType(params.objectType);
      const id = params.objectId ?? '';
      const archived = query.get('archived') === 'true';
      const obj = archived ? portal.objects[type].get(id) : lookupObject(portal, type, id, query.get('idProperty'));
      if (!obj || obj.archived !== archived) throw notFound(`Object not found. objectId are usually numeric.`, { id: [id] });
      return { status: 200, body: renderWithAssociations(portal, obj, query) };
    },
  },
  {
    method: 'PATCH', pattern: '/crm/v3/objects/:objectType/:objectId', scope: objectScope('objects', 'write'),
    handle: ({ params, portal, query, body }) => {
      const type = resolveObjectType(params.objectType);
      const id = params.objectId ?? '';
      const obj = lookupObject(portal, type, id, query.get('idProperty'));
      if (!obj) throw notFound(`Object not found. objectId are usually numeric.`, { id: [id] });
      const input = parseBody(updateInput, body);
      const checked = validateValues(portal, type, input.properties, obj);
      if (!checked.ok) throw valueErrorsToHttp(checked.errors);
      updateObject(portal, obj, checked.values, INTEGRATION_SOURCE);
      return { status: 200, body: renderObject(obj, { properties: 'all' }) };
    },
  },
  {
    method: 'DELETE', pattern: '/crm/v3/objects/:objectType/:objectId', scope: objectScope('objects', 'write'),
    handle: ({ params, portal }) => {
      const type = resolveObjectType(params.objectType);
      const obj = portal.findLiveObject(type, params.objectId ?? '');
      if (obj) archiveObject(portal, obj);
      return { status: 204 };
    },
  },
];
