import { validationError } from './errors';
import type { AssociationEdge, Portal } from './portal';
import type { AssociationView, FakeObjectType } from './types';

/** HubSpot-defined default association type ids, per direction, with their inverse. */
const DEFAULT_TYPES: Record<string, { typeId: number; inverse: number }> = {
  'deals->tasks': { typeId: 215, inverse: 216 },
  'tasks->deals': { typeId: 216, inverse: 215 },
  'deals->notes': { typeId: 213, inverse: 214 },
  'notes->deals': { typeId: 214, inverse: 213 },
  'deals->tickets': { typeId: 27, inverse: 28 },
  'tickets->deals': { typeId: 28, inverse: 27 },
  'tickets->tasks': { typeId: 229, inverse: 230 },
  'tasks->tickets': { typeId: 230, inverse: 229 },
  'tickets->notes': { typeId: 227, inverse: 228 },
  'notes->tickets': { typeId: 228, inverse: 227 },
};

export function defaultAssociationType(fromType: FakeObjectType, toType: FakeObjectType): number {
  const found = DEFAULT_TYPES[`${fromType}->${toType}`];
  if (!found) throw validationError(`${fromType} cannot be associated with ${toType} in this portal.`);
  return found.typeId;
}

/** Checks a HUBSPOT_DEFINED type id is valid for this direction; returns its inverse. */
export function inverseAssociationType(fromType: FakeObjectType, toType: FakeObjectType, typeId: number, category: string): number {
  const found = DEFAULT_TYPES[`${fromType}->${toType}`];
  if (category !== 'HUBSPOT_DEFINED' || !found || found.typeId !== typeId) {
    throw validationError(`associationTypeId ${typeId} (${category}) is not valid from ${fromType} to ${toType}.` +
      (found ? ` Use HUBSPOT_DEFINED ${found.typeId}.` : ''), [
      { message: `invalid association type ${category}/${typeId}`, code: 'INVALID_ASSOCIATION_TYPE', in: 'associationTypeId' },
    ]);
  }
  return found.inverse;
}

const edgeKey = (fromType: string, fromId: string, toType: string, toId: string): string => `${fromType}/${fromId}/${toType}/${toId}`;

function addDirection(portal: Portal, fromType: FakeObjectType, fromId: string, toType: FakeObjectType, toId: string, typeId: number): void {
  const key = edgeKey(fromType, fromId, toType, toId);
  const edge: AssociationEdge = portal.associations.get(key) ?? { fromType, fromId, toType, toId, typeIds: new Set() };
  edge.typeIds.add(typeId);
  portal.associations.set(key, edge);
}

/** Stores the association in both directions (callers have checked both records exist). */
export function associate(portal: Portal, fromType: FakeObjectType, fromId: string, toType: FakeObjectType, toId: string, typeId: number, category = 'HUBSPOT_DEFINED'): void {
  const inverse = inverseAssociationType(fromType, toType, typeId, category);
  addDirection(portal, fromType, fromId, toType, toId, typeId);
  addDirection(portal, toType, toId, fromType, fromId, inverse);
}

export function dissociate(portal: Portal, fromType: FakeObjectType, fromId: string, toType: FakeObjectType, toId: string): void {
  portal.associations.delete(edgeKey(fromType, fromId, toType, toId));
  portal.associations.delete(edgeKey(toType, toId, fromType, fromId));
}

export function associationsFrom(portal: Portal, fromType: FakeObjectType, fromId: string, toType: FakeObjectType): AssociationEdge[] {
  return [...portal.associations.values()]
    .filter((e) => e.fromType === fromType && e.fromId === fromId && e.toType === toType)
    .sort((a, b) => Number(a.toId) - Number(b.toId));
}

export function viewAssociation(edge: AssociationEdge): AssociationView {
  return { fromType: edge.fromType, fromId: edge.fromId, toType: edge.toType, toId: edge.toId, typeIds: [...edge.typeIds].sort((a, b) => a - b) };
}

/** The target type a HubSpot-defined type id points at from `fromType` (ids are unique per direction). */
export function targetTypeOf(fromType: FakeObjectType, typeId: number): FakeObjectType | undefined {
  for (const [key, value] of Object.entries(DEFAULT_TYPES)) {
    const [from, to] = key.split('->');
    if (from === fromType && value.typeId === typeId) return to as FakeObjectType;
  }
  return undefined;
}

/** HubSpot's snake-case name of an association type, e.g. `task_to_deal`. */
export function associationTypeName(fromType: FakeObjectType, toType: FakeObjectType): string {
  const singular = (t: FakeObjectType): string => t.replace(/s$/, '');
  return `${singular(fromType)}_to_${singular(toType)}`;
}
