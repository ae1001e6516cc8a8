import type { FakeObjectType, PropertyOption, PropertyView } from './types';

// Which fieldTypes HubSpot accepts for each property type.
export const FIELD_TYPES_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  bool: ['booleancheckbox'],
  string: ['text', 'textarea', 'html', 'phonenumber'],
  number: ['number'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'checkbox', 'radio', 'booleancheckbox'],
};

export const MAX_UNIQUE_PROPERTIES_PER_OBJECT = 10;
export const MAX_STRING_LENGTH = 65_536;

/** Properties whose allowed values come from other portal data rather than `options`. */
export type DynamicOptions = 'pipeline' | 'stage' | 'owner';

export interface PropertyDefinition extends PropertyView {
  dynamicOptions?: DynamicOptions;
}

interface SeedProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  options?: string[];
  readOnly?: boolean;
  dynamicOptions?: DynamicOptions;
}

export function makeProperty(seed: SeedProperty, nowIso: string, hubspotDefined: boolean, displayOrder: number): PropertyDefinition {
  const options: PropertyOption[] = (seed.options ?? []).map((value, i) => ({ label: value, value, displayOrder: i, hidden: false }));
  return {
    name: seed.name,
    label: seed.label,
    type: seed.type,
    fieldType: seed.fieldType,
    groupName: seed.groupName,
    description: '',
    options,
    displayOrder,
    hasUniqueValue: false,
    hidden: false,
    formField: false,
    calculated: false,
    externalOptions: seed.dynamicOptions !== undefined,
    hubspotDefined,
    archived: false,
    createdAt: nowIso,
    updatedAt: nowIso,
    modificationMetadata: { archivable: !hubspotDefined, readOnlyDefinition: hubspotDefined, readOnlyValue: seed.readOnly ?? false },
    ...(seed.dynamicOptions ? { dynamicOptions: seed.dynamicOptions } : {}),
  };
}

const owner: SeedProperty = { name: 'hubspot_owner_id', label: 'Owner', type: 'enumeration', fieldType: 'select', groupName: '', dynamicOptions: 'owner' };
const objectId: SeedProperty = { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', groupName: '', readOnly: true };
const lastModified: SeedProperty = { name: 'hs_lastmodifieddate', label: 'Last Modified Date', type: 'datetime', fieldType: 'date', groupName: '', readOnly: true };

function withGroup(group: string, props: SeedProperty[]): SeedProperty[] {
  return props.map((p) => ({ ...p, groupName: group }));
}

/** The HubSpot-defined properties the fake portal starts with (a realistic subset). */
export const DEFAULT_PROPERTIES: Readonly<Record<FakeObjectType, SeedProperty[]>> = {
  deals: withGroup('dealinformation', [
    { name: 'dealname', label: 'Deal Name', type: 'string', fieldType: 'text', groupName: '' },
    { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number', groupName: '' },
    { name: 'closedate', label: 'Close Date', type: 'datetime', fieldType: 'date', groupName: '' },
    { name: 'description', label: 'Deal Description', type: 'string', fieldType: 'textarea', groupName: '' },
    { name: 'dealtype', label: 'Deal Type', type: 'enumeration', fieldType: 'radio', groupName: '', options: ['newbusiness', 'existingbusiness'] },
    { name: 'hs_priority', label: 'Priority', type: 'enumeration', fieldType: 'select', groupName: '', options: ['low', 'medium', 'high'] },
    { name: 'pipeline', label: 'Pipeline', type: 'enumeration', fieldType: 'select', groupName: '', dynamicOptions: 'pipeline' },
    { name: 'dealstage', label: 'Deal Stage', type: 'enumeration', fieldType: 'radio', groupName: '', dynamicOptions: 'stage' },
    owner,
    { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: '', readOnly: true },
    lastModified,
    objectId,
  ]),
  tickets: withGroup('ticketinformation', [
    { name: 'subject', label: 'Ticket name', type: 'string', fieldType: 'text', groupName: '' },
    { name: 'content', label: 'Ticket description', type: 'string', fieldType: 'textarea', groupName: '' },
    { name: 'hs_pipeline', label: 'Pipeline', type: 'enumeration', fieldType: 'select', groupName: '', dynamicOptions: 'pipeline' },
    { name: 'hs_pipeline_stage', label: 'Ticket status', type: 'enumeration', fieldType: 'radio', groupName: '', dynamicOptions: 'stage' },
    { name: 'hs_ticket_priority', label: 'Priority', type: 'enumeration', fieldType: 'select', groupName: '', options: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] },
    owner,
    { name: 'createdate', label: 'Create date', type: 'datetime', fieldType: 'date', groupName: '', readOnly: true },
    lastModified,
    objectId,
  ]),
  tasks: withGroup('task', [
    { name: 'hs_timestamp', label: 'Due date', type: 'datetime', fieldType: 'date', groupName: '' },
    { name: 'hs_task_subject', label: 'Task Title', type: 'string', fieldType: 'text', groupName: '' },
    { name: 'hs_task_body', label: 'Notes', type: 'string', fieldType: 'html', groupName: '' },
    {
      name: 'hs_task_status', label: 'Task Status', type: 'enumeration', fieldType: 'select', groupName: '',
      options: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'],
    },
    { name: 'hs_task_priority', label: 'Priority', type: 'enumeration', fieldType: 'select', groupName: '', options: ['NONE', 'LOW', 'MEDIUM', 'HIGH'] },
    { name: 'hs_task_type', label: 'Task Type', type: 'enumeration', fieldType: 'select', groupName: '', options: ['TODO', 'CALL', 'EMAIL', 'LINKED_IN'] },
    owner,
    { name: 'hs_createdate', label: 'Created at', type: 'datetime', fieldType: 'date', groupName: '', readOnly: true },
    lastModified,
    objectId,
  ]),
  notes: withGroup('engagement', [
    { name: 'hs_timestamp', label: 'Activity date', type: 'datetime', fieldType: 'date', groupName: '' },
    { name: 'hs_note_body', label: 'Note body', type: 'string', fieldType: 'html', groupName: '' },
    owner,
    { name: 'hs_createdate', label: 'Created at', type: 'datetime', fieldType: 'date', groupName: '', readOnly: true },
    lastModified,
    objectId,
  ]),
};

export const DEFAULT_GROUPS: Readonly<Record<FakeObjectType, { name: string; label: string }[]>> = {
  deals: [{ name: 'dealinformation', label: 'Deal information' }],
  tickets: [{ name: 'ticketinformation', label: 'Ticket information' }],
  tasks: [{ name: 'task', label: 'Task information' }],
  notes: [{ name: 'engagement', label: 'Engagement information' }],
};

/** Per-type facts the fake needs beyond property definitions. */
export interface ObjectTypeFacts {
  createDateProperty: string;
  pipelineProperty?: string;
  stageProperty?: string;
  /** Required on create. */
  requiredOnCreate: string[];
  /** Returned when the caller names no properties. */
  defaultProperties: string[];
  /** String properties that search `query` text matches. */
  queryProperties: string[];
  objectTypeId: string;
  singular: string;
}

export const OBJECT_TYPE_FACTS: Readonly<Record<FakeObjectType, ObjectTypeFacts>> = {
  deals: {
    createDateProperty: 'createdate', pipelineProperty: 'pipeline', stageProperty: 'dealstage', requiredOnCreate: [],
    defaultProperties: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    queryProperties: ['dealname', 'description'], objectTypeId: '0-3', singular: 'deal',
  },
  tickets: {
    createDateProperty: 'createdate', pipelineProperty: 'hs_pipeline', stageProperty: 'hs_pipeline_stage', requiredOnCreate: ['subject', 'hs_pipeline_stage'],
    defaultProperties: ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    queryProperties: ['subject', 'content'], objectTypeId: '0-5', singular: 'ticket',
  },
  tasks: {
    createDateProperty: 'hs_createdate', requiredOnCreate: ['hs_timestamp'],
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    queryProperties: ['hs_task_subject', 'hs_task_body'], objectTypeId: '0-27', singular: 'task',
  },
  notes: {
    createDateProperty: 'hs_createdate', requiredOnCreate: ['hs_timestamp'],
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    queryProperties: ['hs_note_body'], objectTypeId: '0-46', singular: 'note',
  },
};

/** System-maintained properties always present on every returned record. */
export function alwaysReturned(type: FakeObjectType): string[] {
  return [OBJECT_TYPE_FACTS[type].createDateProperty, 'hs_lastmodifieddate', 'hs_object_id'];
}
