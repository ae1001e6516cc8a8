import { z } from 'zod';
import { conflict, HubSpotHttpError, notFound, validationError } from '../errors';
import { iso, type Portal } from '../portal';
import { FIELD_TYPES_BY_TYPE, makeProperty, MAX_UNIQUE_PROPERTIES_PER_OBJECT, type PropertyDefinition } from '../property-definitions';
import { objectScope, resolveObjectType, type Route } from '../router';
import { batchAnswer, batchError, checkBatchSize, type BatchError } from './batch-answer';
import type { FakeObjectType, PropertyOption, PropertyView } from '../types';
import { parseBody } from './body';

const NAME = /^[a-z][a-z0-9_]*$/;

const optionInput = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
});

const propertyCreate = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(optionInput).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  referencedObjectType: z.string().optional(),
  externalOptions: z.boolean().optional(),
});

const propertyUpdate = propertyCreate.omit({ name: true }).partial();

const groupCreate = z.object({ name: z.string().min(1), label: z.string().min(1), displayOrder: z.number().int().optional() });

function checkTypePair(type: string, fieldType: string): void {
  const allowed = FIELD_TYPES_BY_TYPE[type];
  if (!allowed) {
    throw validationError(`Property type "${type}" is not valid. Valid types: ${Object.keys(FIELD_TYPES_BY_TYPE).join(', ')}.`, [
      { message: `Unknown property type "${type}"`, code: 'INVALID_PROPERTY_TYPE', in: 'type' },
    ]);
  }
  if (!allowed.includes(fieldType)) {
    throw validationError(`fieldType "${fieldType}" is not valid for property type "${type}". Use one of: ${allowed.join(', ')}.`, [
      { message: `fieldType "${fieldType}" does not match type "${type}"`, code: 'INVALID_FIELD_TYPE', in: 'fieldType' },
    ]);
  }
}

function toOptions(input: z.infer<typeof optionInput>[]): PropertyOption[] {
  const seen = new Set<string>();
  return input.map((o, i) => {
    if (seen.has(o.value)) throw validationError(`Option value "${o.value}" appears more than once.`);
    seen.add(o.value);
    return { label: o.label, value: o.value, displayOrder: o.displayOrder ?? i, hidden: o.hidden ?? false, ...(o.description ? { description: o.description } : {}) };
  });
}

function dynamicOptions(portal: Portal, type: FakeObjectType, def: PropertyDefinition): PropertyOption[] {
  switch (def.dynamicOptions) {
    case 'owner':
      return portal.owners.filter((o) => !o.archived).map((o, i) => ({ label: `${o.firstName} ${o.lastName}`, value: o.id, displayOrder: i, hidden: false }));
    case 'pipeline':
      return [...portal.pipelines[type].values()].filter((p) => !p.archived).map((p) => ({ label: p.label, value: p.id, displayOrder: p.displayOrder, hidden: false }));
    case 'stage':
      return [...portal.pipelines[type].values()].flatMap((p) => p.stages.map((s) => ({ label: s.label, value: s.id, displayOrder: s.displayOrder, hidden: false })));
    default:
      return def.options.map((o) => ({ ...o }));
  }
}

export function renderProperty(portal: Portal, type: FakeObjectType, def: PropertyDefinition): PropertyView {
  const { dynamicOptions: _dynamic, ...view } = def;
  return { ...view, options: dynamicOptions(portal, type, def), modificationMetadata: { ...def.modificationMetadata } };
}

/** Creates one property definition; throws the HubSpot error (409 duplicate, 400 invalid) otherwise. */
function createProperty(portal: Portal, type: FakeObjectType, input: z.infer<typeof propertyCreate>): PropertyDefinition {
  if (!NAME.test(input.name)) throw validationError(`Property name "${input.name}" must start with a lower-case letter and hold only a-z, 0-9 and _.`);
  if (portal.properties[type].has(input.name)) throw conflict(`Property named '${input.name}' already exists.`, { name: [input.name] });
  checkTypePair(input.type, input.fieldType);
  requireGroup(portal, type, input.groupName);
  if (input.hasUniqueValue) {
    const unique = [...portal.properties[type].values()].filter((p) => p.hasUniqueValue && !p.archived).length;
    if (unique >= MAX_UNIQUE_PROPERTIES_PER_OBJECT) {
      throw validationError(`An object type can have at most ${MAX_UNIQUE_PROPERTIES_PER_OBJECT} unique value properties; ${type} already has ${unique}.`);
    }
  }
  let options = toOptions(input.options ?? []);
  if (input.type === 'enumeration' && options.length === 0 && input.fieldType !== 'booleancheckbox') {
    throw validationError(`Enumeration property "${input.name}" needs at least one option.`);
  }
  if (input.type === 'bool' && options.length === 0) {
    options = [{ label: 'Yes', value: 'true', displayOrder: 0, hidden: false }, { label: 'No', value: 'false', displayOrder: 1, hidden: false }];
  }
  const at = iso(portal.now());
  const def = makeProperty({ name: input.name, label: input.label, type: input.type, fieldType: input.fieldType, groupName: input.groupName }, at, false, input.displayOrder ?? -1);
  def.options = options;
  def.description = input.description ?? '';
  def.hasUniqueValue = input.hasUniqueValue ?? false;
  def.hidden = input.hidden ?? false;
  def.formField = input.formField ?? false;
  portal.properties[type].set(def.name, def);
  return def;
}

function findProperty(portal: Portal, type: FakeObjectType, name: string): PropertyDefinition {
  const def = portal.properties[type].get(name);
  if (!def || def.archived) throw notFound(`Property ${name} does not exist`, { propertyName: [name] });
  return def;
}

function requireGroup(portal: Portal, type: FakeObjectType, groupName: string): void {
  if (!portal.groups[type].get(groupName)) {
    throw validationError(`Property group "${groupName}" does not exist. Create it first with POST /crm/v3/properties/${type}/groups.`, [
      { message: `group ${groupName} does not exist`, code: 'INVALID_GROUP', in: 'groupName' },
    ]);
  }
}

export const propertyRoutes: Route[] = [
  {
    method: 'GET', pattern: '/crm/v3/properties/:objectType/groups', scope: objectScope('schemas', 'read'),
    handle: ({ params, portal }) => {
      const type = resolveObjectType(params.objectType);
      return { status: 200, body: { results: [...portal.groups[type].values()].map((g) => ({ ...g })) } };
    },
  },
  {
    method: 'POST', pattern: '/crm/v3/properties/:objectType/groups', scope: objectScope('schemas', 'write'),
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const input = parseBody(groupCreate, body);
      if (!NAME.test(input.name)) throw validationError(`Group name "${input.name}" must start with a lower-case letter and hold only a-z, 0-9 and _.`);
      if (portal.groups[type].has(input.name)) throw conflict(`A property group named '${input.name}' already exists.`, { name: [input.name] });
      const group = { name: input.name, label: input.label, displayOrder: input.displayOrder ?? portal.groups[type].size, archived: false };
      portal.groups[type].set(group.name, group);
      return { status: 201, body: { ...group } };
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/properties/:objectType/groups/:groupName', scope: objectScope('schemas', 'read'),
    handle: ({ params, portal }) => {
      const type = resolveObjectType(params.objectType);
      const group = portal.groups[type].get(params.groupName ?? '');
      if (!group) throw notFound(`Property group ${params.groupName ?? ''} does not exist`);
      return { status: 200, body: { ...group } };
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/properties/:objectType', scope: objectScope('schemas', 'read'),
    handle: ({ params, portal, query }) => {
      const type = resolveObjectType(params.objectType);
      const archived = query.get('archived') === 'true';
      const results = [...portal.properties[type].values()].filter((p) => p.archived === archived).map((p) => renderProperty(portal, type, p));
      return { status: 200, body: { results } };
    },
  },
  {
    method: 'POST', pattern: '/crm/v3/properties/:objectType', scope: objectScope('schemas', 'write'),
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const def = createProperty(portal, type, parseBody(propertyCreate, body));
      return { status: 201, body: renderProperty(portal, type, def) };
    },
  },
  {
    method: 'POST', pattern: '/crm/v3/properties/:objectType/batch/create', scope: objectScope('schemas', 'write'),
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const { inputs } = parseBody(z.object({ inputs: z.array(propertyCreate) }), body);
      checkBatchSize(inputs);
      const startedAt = portal.now();
      const results: PropertyView[] = [];
      const errors: BatchError[] = [];
      for (const input of inputs) {
        try {
          results.push(renderProperty(portal, type, createProperty(portal, type, input)));
        } catch (error) {
          if (!(error instanceof HubSpotHttpError)) throw error;
          errors.push(batchError(error.body.category, error.body.message, { name: [input.name] }, error.body.errors ?? []));
        }
      }
      return batchAnswer(portal, startedAt, 201, results, errors);
    },
  },
  {
    method: 'POST', pattern: '/crm/v3/properties/:objectType/batch/read', scope: objectScope('schemas', 'read'),
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const input = parseBody(z.object({ inputs: z.array(z.object({ name: z.string() })), archived: z.boolean().optional() }), body);
      const found = input.inputs.map((i) => portal.properties[type].get(i.name)).filter((p): p is PropertyDefinition => p !== undefined && p.archived === (input.archived ?? false));
      const missing = input.inputs.map((i) => i.name).filter((name) => !found.some((p) => p.name === name));
      const errors = missing.length === 0 ? [] : [batchError('OBJECT_NOT_FOUND', `Properties not found: ${missing.join(', ')}`, { name: missing })];
      return batchAnswer(portal, portal.now(), 200, found.map((p) => renderProperty(portal, type, p)), errors);
    },
  },
  {
    method: 'GET', pattern: '/crm/v3/properties/:objectType/:propertyName', scope: objectScope('schemas', 'read'),
    handle: ({ params, portal }) => {
      const type = resolveObjectType(params.objectType);
      return { status: 200, body: renderProperty(portal, type, findProperty(portal, type, params.propertyName ?? '')) };
    },
  },
  {
    method: 'PATCH', pattern: '/crm/v3/properties/:objectType/:propertyName', scope: objectScope('schemas', 'write'),
    handle: ({ params, portal, body }) => {
      const type = resolveObjectType(params.objectType);
      const def = findProperty(portal, type, params.propertyName ?? '');
      const input = parseBody(propertyUpdate, body);
      if (input.hasUniqueValue !== undefined && input.hasUniqueValue !== def.hasUniqueValue) {
        throw validationError(`hasUniqueValue of "${def.name}" cannot be changed after the property is created.`);
      }
      const nextType = input.type ?? def.type;
      const nextFieldType = input.fieldType ?? def.fieldType;
      if (def.modificationMetadata.readOnlyDefinition && (nextType !== def.type || nextFieldType !== def.fieldType)) {
        throw validationError(`"${def.name}" is a HubSpot-defined property; its type cannot be changed.`);
      }
      checkTypePair(nextType, nextFieldType);
      if (input.groupName !== undefined) requireGroup(portal, type, input.groupName);
      if (input.label !== undefined) def.label = input.label;
      if (input.description !== undefined) def.description = input.description;
      if (input.groupName !== undefined) def.groupName = input.groupName;
      if (input.displayOrder !== undefined) def.displayOrder = input.displayOrder;
      if (input.hidden !== undefined) def.hidden = input.hidden;
      if (input.formField !== undefined) def.formField = input.formField;
      if (input.options !== undefined) def.options = toOptions(input.options);
      def.type = nextType;
      def.fieldType = nextFieldType;
      def.updatedAt = iso(portal.now());
      return { status: 200, body: renderProperty(portal, type, def) };
    },
  },
  {
    method: 'DELETE', pattern: '/crm/v3/properties/:objectType/:propertyName', scope: objectScope('schemas', 'write'),
    handle: ({ params, portal }) => {
      const type = resolveObjectType(params.objectType);
      const def = findProperty(portal, type, params.propertyName ?? '');
      if (def.hubspotDefined) throw validationError(`"${def.name}" is a HubSpot-defined property and cannot be archived.`);
      def.archived = true;
      def.archivedAt = iso(portal.now());
      return { status: 204 };
    },
  },
];
