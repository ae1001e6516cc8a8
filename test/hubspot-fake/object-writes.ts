import { iso, type Portal, type StoredObject } from './portal';
import { OBJECT_TYPE_FACTS } from './property-definitions';
import { firstPipelineId, stagePipeline } from './property-values';
import type { FakeObjectType, HistoryEntry } from './types';

export interface WriteSource {
  sourceType: 'INTEGRATION' | 'CRM_UI' | 'API';
  sourceId?: string;
  updatedByUserId?: number;
}

export const INTEGRATION_SOURCE: WriteSource = { sourceType: 'INTEGRATION', sourceId: '4242424' };

function recordHistory(obj: StoredObject, name: string, value: string, at: number, source: WriteSource): void {
  const entry: HistoryEntry = { value, timestamp: iso(at), sourceType: source.sourceType };
  if (source.sourceId !== undefined) entry.sourceId = source.sourceId;
  if (source.updatedByUserId !== undefined) entry.updatedByUserId = source.updatedByUserId;
  const list = obj.history.get(name) ?? [];
  list.unshift(entry);
  obj.history.set(name, list);
}

function setValue(obj: StoredObject, name: string, value: string, at: number, source: WriteSource): boolean {
  const current = obj.properties.get(name) ?? '';
  if (current === value) return false;
  if (value === '') obj.properties.delete(name);
  else obj.properties.set(name, value);
  recordHistory(obj, name, value, at, source);
  return true;
}

/** Records what search will see once the index catches up. */
function indexForSearch(portal: Portal, obj: StoredObject, at: number): void {
  obj.searchVersions.push({ visibleAt: at + portal.searchIndexDelayMs, properties: Object.fromEntries(obj.properties), updatedAt: obj.updatedAt });
  // Keep the newest visible version and every pending one.
  const now = portal.now();
  let lastVisible = -1;
  obj.searchVersions.forEach((v, i) => {
    if (v.visibleAt <= now) lastVisible = i;
  });
  if (lastVisible > 0) obj.searchVersions.splice(0, lastVisible);
}

/** Fills the pipeline a stage belongs to, and a default pipeline/stage for deals and tickets created without them. */
function completePipeline(portal: Portal, type: FakeObjectType, values: Map<string, string>, existing: StoredObject | undefined): void {
  const { pipelineProperty, stageProperty } = OBJECT_TYPE_FACTS[type];
  if (!pipelineProperty || !stageProperty) return;
  const stage = values.get(stageProperty);
  if (stage) {
    const pipelineId = stagePipeline(portal, type, stage, Object.fromEntries(values), existing);
    if (pipelineId && !values.has(pipelineProperty) && existing?.properties.get(pipelineProperty) !== pipelineId) values.set(pipelineProperty, pipelineId);
  }
  if (!existing && !values.get(pipelineProperty)) {
    const pipelineId = firstPipelineId(portal, type);
    if (pipelineId) values.set(pipelineProperty, pipelineId);
  }
  if (!existing && !values.get(stageProperty)) {
    const pipeline = portal.pipelines[type].get(values.get(pipelineProperty) ?? '');
    const firstStage = pipeline?.stages.filter((s) => !s.archived).sort((a, b) => a.displayOrder - b.displayOrder)[0];
    if (firstStage) values.set(stageProperty, firstStage.id);
  }
}

/** Creates a record from already validated values. */
export function createObject(portal: Portal, type: FakeObjectType, values: Map<string, string>, source: WriteSource): StoredObject {
  const at = portal.now();
  const id = portal.newObjectId();
  const obj: StoredObject = {
    id, type, properties: new Map(), history: new Map(), createdAt: at, updatedAt: at, archived: false, searchVersions: [],
  };
  completePipeline(portal, type, values, undefined);
  for (const [name, value] of values) setValue(obj, name, value, at, source);
  const system: WriteSource = { sourceType: 'API' };
  setValue(obj, OBJECT_TYPE_FACTS[type].createDateProperty, iso(at), at, system);
  setValue(obj, 'hs_lastmodifieddate', iso(at), at, system);
  setValue(obj, 'hs_object_id', id, at, system);
  portal.objects[type].set(id, obj);
  indexForSearch(portal, obj, at);
  return obj;
}

/** Applies already validated values; touches hs_lastmodifieddate only when something changed. */
export function updateObject(portal: Portal, obj: StoredObject, values: Map<string, string>, source: WriteSource): StoredObject {
  const at = portal.now();
  completePipeline(portal, obj.type, values, obj);
  let changed = false;
  for (const [name, value] of values) changed = setValue(obj, name, value, at, source) || changed;
  if (changed) {
    obj.updatedAt = at;
    setValue(obj, 'hs_lastmodifieddate', iso(at), at, { sourceType: 'API' });
    indexForSearch(portal, obj, at);
  }
  return obj;
}

/** Archived records vanish from reads and search at once; their associations go too. */
export function archiveObject(portal: Portal, obj: StoredObject): void {
  if (obj.archived) return;
  obj.archived = true;
  obj.archivedAt = portal.now();
  obj.searchVersions = [];
  for (const [key, edge] of portal.associations) {
    if ((edge.fromType === obj.type && edge.fromId === obj.id) || (edge.toType === obj.type && edge.toId === obj.id)) portal.associations.delete(key);
  }
}
