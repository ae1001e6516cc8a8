import { z } from 'zod';
import { validationError } from '../errors';
import { renderProperties } from '../object-render';
import { iso, type Portal, type SearchVersion, type StoredObject } from '../portal';
import { OBJECT_TYPE_FACTS, type PropertyDefinition } from '../property-definitions';
import { objectScope, objectTypeOrUndefined, resolveObjectType, type Route } from '../router';
import { associationsFrom } from '../association-types';
import { compileFilter, SEARCH_OPERATORS, sortKey } from '../search-filters';
import type { FakeObjectType } from '../types';
import { parseBody } from './body';

export const SEARCH_LIMITS = { groups: 5, filtersPerGroup: 6, filtersTotal: 18, sorts: 1, pageSize: 200, results: 10_000, queryChars: 3_000 } as const;

const filterInput = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(SEARCH_OPERATORS),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  highValue: z.union([z.string(), z.number()]).transform(String).optional(),
  values: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});
const sortInput = z.union([
  z.string().min(1),
  z.object({ propertyName: z.string().min(1), direction: z.enum(['ASCENDING', 'DESCENDING']).optional() }),
]);
const searchInput = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filterInput) })).optional(),
  sorts: z.array(sortInput).optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(0).optional(),
  after: z.union([z.string(), z.number()]).transform(String).optional(),
  query: z.string().optional(),
});

type SearchInput = z.infer<typeof searchInput>;
type SearchFilterInput = z.infer<typeof filterInput>;

function checkLimits(input: SearchInput): void {
  const groups = input.filterGroups ?? [];
  if (groups.length > SEARCH_LIMITS.groups) throw validationError(`Too many filter groups: ${groups.length}; at most ${SEARCH_LIMITS.groups}.`);
  for (const g of groups) {
    if (g.filters.length > SEARCH_LIMITS.filtersPerGroup) throw validationError(`Too many filters in a group: ${g.filters.length}; at most ${SEARCH_LIMITS.filtersPerGroup}.`);
  }
  const total = groups.reduce((n, g) => n + g.filters.length, 0);
  if (total > SEARCH_LIMITS.filtersTotal) throw validationError(`Too many filters: ${total}; at most ${SEARCH_LIMITS.filtersTotal} across all groups.`);
  if ((input.sorts?.length ?? 0) > SEARCH_LIMITS.sorts) throw validationError(`Too many sorts: ${input.sorts?.length ?? 0}; search takes one sort.`);
  if ((input.limit ?? 10) > SEARCH_LIMITS.pageSize) throw validationError(`limit ${input.limit ?? 0} is above the maximum page size of ${SEARCH_LIMITS.pageSize}.`);
  if ((input.query?.length ?? 0) > SEARCH_LIMITS.queryChars) throw validationError(`query is ${input.query?.length ?? 0} characters; at most ${SEARCH_LIMITS.queryChars}.`);
}

/** What search sees of a record now: the newest version the index has caught up with. */
function indexedVersion(obj: StoredObject, now: number): SearchVersion | undefined {
  if (obj.archived) return undefined;
  let visible: SearchVersion | undefined;
  for (const v of obj.searchVersions) if (v.visibleAt <= now) visible = v;
  return visible;
}

type RecordTest = (obj: StoredObject, props: Record<string, string>) => boolean;

/**
 * A filter over one indexed record. Besides properties, HubSpot filters on associations with the
 * pseudo-property `associations.<type>` (EQ / IN / NEQ / NOT_IN on the associated record's id).
 */
function compileRecordFilter(portal: Portal, type: FakeObjectType, filter: SearchFilterInput, requireDef: (name: string) => PropertyDefinition): RecordTest {
  const associated = /^associations\.(.+)$/.exec(filter.propertyName);
  if (!associated) {
    const test = compileFilter(requireDef(filter.propertyName), filter);
    return (_obj, props) => test(props[filter.propertyName]);
  }
  const toType = objectTypeOrUndefined(associated[1] ?? '');
  if (!toType) throw validationError(`Cannot filter on ${filter.propertyName}: unknown object type.`);
  const wanted = filter.operator === 'EQ' || filter.operator === 'NEQ' ? [filter.value] : filter.values;
  if (!['EQ', 'NEQ', 'IN', 'NOT_IN'].includes(filter.operator) || !wanted || wanted.some((v) => v === undefined)) {
    throw validationError(`Filters on ${filter.propertyName} take EQ, NEQ, IN or NOT_IN with record ids.`);
  }
  const negate = filter.operator === 'NEQ' || filter.operator === 'NOT_IN';
  return (obj) => {
    const linked = associationsFrom(portal, type, obj.id, toType).some((edge) => wanted.includes(edge.toId));
    return negate ? !linked : linked;
  };
}

function offsetOf(after: string | undefined): number {
  if (after === undefined || after === '') return 0;
  const offset = Number(after);
  if (!Number.isInteger(offset) || offset < 0) throw validationError(`after "${after}" is not a valid paging cursor.`);
  if (offset >= SEARCH_LIMITS.results) {
    throw validationError(`Search cannot page past ${SEARCH_LIMITS.results} results (after=${offset}). Narrow the query, e.g. by a time window.`, [
      { message: `after must be below ${SEARCH_LIMITS.results}`, code: 'SEARCH_LIMIT_EXCEEDED', in: 'after' },
    ]);
  }
  return offset;
}

export function runSearch(portal: Portal, type: FakeObjectType, body: unknown): unknown {
  const input = parseBody(searchInput, body);
  checkLimits(input);
  const defs = portal.properties[type];
  const requireDef = (name: string) => {
    const def = defs.get(name);
    if (!def || def.archived) throw validationError(`Property "${name}" does not exist on ${type}; it cannot be used to filter or sort.`);
    return def;
  };
  const groups = (input.filterGroups ?? []).map((g) => g.filters.map((f) => compileRecordFilter(portal, type, f, requireDef)));
  const sort = input.sorts?.[0];
  const sortName = sort === undefined ? undefined : typeof sort === 'string' ? sort.replace(/^-/, '') : sort.propertyName;
  const descending = sort !== undefined && (typeof sort === 'string' ? sort.startsWith('-') : sort.direction === 'DESCENDING');
  const sortDef = sortName === undefined ? undefined : requireDef(sortName);
  const offset = offsetOf(input.after);
  const text = input.query?.trim().toLowerCase();

  const now = portal.now();
  const hits: { obj: StoredObject; version: SearchVersion }[] = [];
  for (const obj of portal.objects[type].values()) {
    const version = indexedVersion(obj, now);
    if (!version) continue;
    const props = version.properties;
    const matchesFilters = groups.length === 0 || groups.some((filters) => filters.every((test) => test(obj, props)));
    const matchesText = !text || OBJECT_TYPE_FACTS[type].queryProperties.some((p) => props[p]?.toLowerCase().includes(text));
    if (matchesFilters && matchesText) hits.push({ obj, version });
  }
  hits.sort((a, b) => {
    if (sortName !== undefined) {
      const ka = sortKey(sortDef, a.version.properties[sortName]);
      const kb = sortKey(sortDef, b.version.properties[sortName]);
      if (ka !== kb) {
        if (ka === undefined) return 1;
        if (kb === undefined) return -1;
        const order = ka < kb ? -1 : ka > kb ? 1 : 0;
        if (order !== 0) return descending ? -order : order;
      }
    }
    return Number(a.obj.id) - Number(b.obj.id);
  });

  const limit = input.limit ?? 10;
  const page = hits.slice(offset, Math.min(offset + limit, hits.length));
  const next = offset + limit;
  return {
    total: hits.length,
    results: page.map(({ obj, version }) => ({
      id: obj.id,
      properties: renderProperties(type, version.properties, input.properties && input.properties.length > 0 ? input.properties : undefined),
      createdAt: iso(obj.createdAt),
      updatedAt: iso(version.updatedAt),
      archived: false,
    })),
    ...(next < hits.length ? { paging: { next: { after: String(next) } } } : {}),
  };
}

export const searchRoutes: Route[] = [
  {
    method: 'POST', pattern: '/crm/v3/objects/:objectType/search', scope: objectScope('objects', 'read'), isSearch: true,
    handle: ({ params, portal, body }) => ({ status: 200, body: runSearch(portal, resolveObjectType(params.objectType), body) }),
  },
];
