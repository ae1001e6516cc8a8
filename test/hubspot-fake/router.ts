import { errorBody, HubSpotHttpError } from './errors';
import type { Portal } from './portal';
import { OBJECT_TYPE_FACTS } from './property-definitions';
import { FAKE_OBJECT_TYPES, type FakeObjectType } from './types';

export interface RouteContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when none was sent). */
  body: unknown;
  portal: Portal;
  token: string;
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/crm/v3/objects/:objectType/:objectId`: `:name` matches one path segment. */
  pattern: string;
  /** Scopes that allow the call (any one of them), computed from the matched params, as HubSpot's specs list them. */
  scope?: (params: Record<string, string>) => string | readonly string[];
  /** Search endpoints have their own per-second limit and no rate-limit headers. */
  isSearch?: boolean;
  /** Calls that need no bearer token. */
  public?: boolean;
  handle(ctx: RouteContext): RouteResult;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch | 'method-not-allowed' | undefined {
  const segments = pathname.split('/').filter((s) => s !== '');
  let pathMatched = false;
  for (const route of routes) {
    const pattern = route.pattern.split('/').filter((s) => s !== '');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      }
      return part === segment;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? 'method-not-allowed' : undefined;
}

const TYPE_ALIASES: Record<string, FakeObjectType> = {};
for (const type of FAKE_OBJECT_TYPES) {
  TYPE_ALIASES[type] = type;
  TYPE_ALIASES[OBJECT_TYPE_FACTS[type].singular] = type;
  TYPE_ALIASES[OBJECT_TYPE_FACTS[type].objectTypeId] = type;
}

/** `deals`, `deal` and `0-3` all name deals, as in HubSpot. */
export function objectTypeOrUndefined(raw: string): FakeObjectType | undefined {
  return TYPE_ALIASES[raw.toLowerCase()];
}

export function resolveObjectType(raw: string | undefined): FakeObjectType {
  const type = raw === undefined ? undefined : objectTypeOrUndefined(raw);
  if (!type) {
    throw new HubSpotHttpError(400, errorBody('VALIDATION_ERROR', `Unable to infer object type from: ${raw ?? ''}`, { subCategory: 'ObjectTypeIdUtils.INVALID_OBJECT_TYPE' }));
  }
  return type;
}

/**
 * The scopes HubSpot's published specs accept for a call on an object type
 * (any one of them): deals have their own object and schema scopes; tickets
 * are covered by `tickets`; notes and tasks by the contacts scopes (there is
 * no notes or tasks scope). Unknown types need the type's own scope.
 */
export function scopesFor(kind: 'objects' | 'schemas', access: 'read' | 'write', type: FakeObjectType | string): readonly string[] {
  switch (type) {
    case 'deals':
      if (kind === 'objects') return [`crm.objects.deals.${access}`];
      return access === 'read' ? ['crm.schemas.deals.read', 'crm.objects.deals.read'] : ['crm.schemas.deals.write'];
    case 'tickets':
      return kind === 'objects' ? ['tickets'] : ['tickets', `crm.schemas.tickets.${access}`];
    case 'tasks':
    case 'notes':
      return kind === 'objects' || access === 'read' ? [`crm.objects.contacts.${access}`] : ['crm.schemas.contacts.write'];
    default:
      return [`crm.${kind}.${type}.${access}`];
  }
}

/** The scopes for a route param holding an object type. */
export function objectScope(kind: 'objects' | 'schemas', access: 'read' | 'write', paramName = 'objectType') {
  return (params: Record<string, string>): readonly string[] => {
    const raw = params[paramName] ?? '';
    return scopesFor(kind, access, objectTypeOrUndefined(raw) ?? raw);
  };
}
