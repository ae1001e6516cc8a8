import { iso, type StoredObject } from './portal';
import { alwaysReturned, OBJECT_TYPE_FACTS } from './property-definitions';
import type { FakeObjectView, HistoryEntry } from './types';

/** A record as HubSpot sends it over the wire (SimplePublicObject JSON). */
export interface WireObject {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, HistoryEntry[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  objectWriteTraceId?: string;
}

export interface RenderOptions {
  /** Named properties (null when unset); undefined → the type's default set. `'all'` → every set property (write answers). */
  properties?: string[] | 'all';
  propertiesWithHistory?: string[];
}

export function renderProperties(
  type: StoredObject['type'],
  values: ReadonlyMap<string, string> | Record<string, string>,
  requested: string[] | 'all' | undefined,
): Record<string, string | null> {
  const get = (name: string): string | undefined => (values instanceof Map ? values.get(name) : (values as Record<string, string>)[name]);
  const out: Record<string, string | null> = {};
  if (requested === 'all') {
    const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
    for (const [name, value] of entries) out[name] = value;
    return out;
  }
  const names = new Set([...(requested ?? OBJECT_TYPE_FACTS[type].defaultProperties), ...alwaysReturned(type)]);
  for (const name of names) out[name] = get(name) ?? null;
  return out;
}

export function renderObject(obj: StoredObject, options: RenderOptions = {}): WireObject {
  const wire: WireObject = {
    id: obj.id,
    properties: renderProperties(obj.type, obj.properties, options.properties),
    createdAt: iso(obj.createdAt),
    updatedAt: iso(obj.updatedAt),
    archived: obj.archived,
  };
  if (obj.archivedAt !== undefined) wire.archivedAt = iso(obj.archivedAt);
  if (options.propertiesWithHistory && options.propertiesWithHistory.length > 0) {
    wire.propertiesWithHistory = {};
    for (const name of options.propertiesWithHistory) wire.propertiesWithHistory[name] = (obj.history.get(name) ?? []).map((h) => ({ ...h }));
  }
  return wire;
}

export function viewObject(obj: StoredObject): FakeObjectView {
  return {
    id: obj.id,
    type: obj.type,
    properties: Object.fromEntries(obj.properties),
    propertiesWithHistory: Object.fromEntries([...obj.history].map(([k, v]) => [k, v.map((h) => ({ ...h }))])),
    createdAt: iso(obj.createdAt),
    updatedAt: iso(obj.updatedAt),
    archived: obj.archived,
  };
}

/** `a,b` query lists as HubSpot accepts them (comma-separated or repeated). */
export function queryList(query: URLSearchParams, name: string): string[] | undefined {
  const all = query.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return all.length > 0 ? all : undefined;
}
