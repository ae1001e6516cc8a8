import { viewAssociation } from './association-types';
import { viewObject } from './object-render';
import type { Portal } from './portal';
import { renderProperty } from './routes/properties';
import type { FakeObjectType, FakeObjectView, FakeState } from './types';

/** Read-only inspection of a portal: every read returns copies. */
export function createStateView(portal: Portal): FakeState {
  const objects = (type: FakeObjectType): FakeObjectView[] =>
    [...portal.objects[type].values()].sort((a, b) => Number(a.id) - Number(b.id)).map(viewObject);
  return {
    get portalId() { return portal.portalId; },
    get tier() { return portal.tier; },
    get deals() { return objects('deals'); },
    get tickets() { return objects('tickets'); },
    get tasks() { return objects('tasks'); },
    get notes() { return objects('notes'); },
    get owners() { return portal.owners.map((o) => ({ ...o, teams: o.teams.map((t) => ({ ...t })) })); },
    get associations() { return [...portal.associations.values()].map(viewAssociation); },
    objects,
    object(type, id) {
      const found = portal.objects[type].get(id);
      return found ? viewObject(found) : undefined;
    },
    properties: (type) => [...portal.properties[type].values()].map((p) => renderProperty(portal, type, p)),
    groups: (type) => [...portal.groups[type].values()].map((g) => ({ ...g })),
    pipelines: (type) => [...portal.pipelines[type].values()].map((p) => ({ ...p, stages: p.stages.map((s) => ({ ...s, metadata: { ...s.metadata } })) })),
  };
}
