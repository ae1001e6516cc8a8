import type { Portal, StoredObject } from './portal';
import { MAX_STRING_LENGTH, OBJECT_TYPE_FACTS, type PropertyDefinition } from './property-definitions';
import type { FakeObjectType } from './types';

export type PropertyErrorCode =
  | 'PROPERTY_DOESNT_EXIST'
  | 'INVALID_BOOLEAN'
  | 'INVALID_INTEGER'
  | 'INVALID_DATE'
  | 'INVALID_DATETIME'
  | 'INVALID_OPTION'
  | 'INVALID_STRING'
  | 'READ_ONLY_VALUE'
  | 'REQUIRED_PROPERTY'
  | 'CONFLICT';

export interface PropertyValueError {
  code: PropertyErrorCode;
  name: string;
  message: string;
}

export type ValidatedValues = { ok: true; values: Map<string, string> } | { ok: false; errors: PropertyValueError[] };

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const EPOCH_MS = /^-?\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Milliseconds for a datetime value (ISO 8601 or epoch ms), or undefined when it is neither. */
export function parseDateTime(value: string): number | undefined {
  if (EPOCH_MS.test(value)) return Number(value);
  if (ISO_DATETIME.test(value) || ISO_DATE.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * Checks and normalizes one write: every named property must exist, be writable
 * and hold a value of its type. `""` clears a value. Errors are returned, never thrown,
 * so batch endpoints can report them per input.
 */
export function validateValues(
  portal: Portal,
  type: FakeObjectType,
  input: Record<string, unknown>,
  existing: StoredObject | undefined,
): ValidatedValues {
  const errors: PropertyValueError[] = [];
  const values = new Map<string, string>();
  const defs = portal.properties[type];
  for (const [name, raw] of Object.entries(input)) {
    const def = defs.get(name);
    if (!def || def.archived) {
      errors.push({ code: 'PROPERTY_DOESNT_EXIST', name, message: `Property "${name}" does not exist` });
      continue;
    }
    if (def.modificationMetadata.readOnlyValue) {
      errors.push({ code: 'READ_ONLY_VALUE', name, message: `Property "${name}" is a read only property; its value cannot be set.` });
      continue;
    }
    const value = raw === null ? '' : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
    if (typeof value !== 'string') {
      errors.push({ code: 'INVALID_STRING', name, message: `${JSON.stringify(raw)} is not a valid value for property "${name}": values must be strings` });
      continue;
    }
    if (value === '') {
      values.set(name, '');
      continue;
    }
    const checked = checkValue(portal, type, def, value, input, existing);
    if (typeof checked === 'string') values.set(name, checked);
    else errors.push(checked);
  }
  if (!existing) {
    for (const required of OBJECT_TYPE_FACTS[type].requiredOnCreate) {
      if (!values.get(required)) errors.push({ code: 'REQUIRED_PROPERTY', name: required, message: `Property "${required}" is required` });
    }
  }
  errors.push(...uniqueCollisions(portal, type, values, existing));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

function checkValue(
  portal: Portal,
  type: FakeObjectType,
  def: PropertyDefinition,
  value: string,
  input: Record<string, unknown>,
  existing: StoredObject | undefined,
): string | PropertyValueError {
  const name = def.name;
  const invalid = (code: PropertyErrorCode, why: string): PropertyValueError => ({
    code, name, message: `${JSON.stringify(value)} was not a valid ${why} for property "${name}"`,
  });
  switch (def.type) {
    case 'bool':
      return value === 'true' || value === 'false' ? value : invalid('INVALID_BOOLEAN', 'boolean (use "true" or "false")');
    case 'number':
      return NUMBER.test(value) ? value : invalid('INVALID_INTEGER', 'number');
    case 'datetime': {
      const ms = parseDateTime(value);
      return ms === undefined ? invalid('INVALID_DATETIME', 'datetime (ISO 8601 or epoch milliseconds)') : new Date(ms).toISOString();
    }
    case 'date': {
      if (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
      if (EPOCH_MS.test(value) && Number(value) % 86_400_000 === 0) return new Date(Number(value)).toISOString().slice(0, 10);
      return invalid('INVALID_DATE', 'date (YYYY-MM-DD or epoch milliseconds at midnight UTC)');
    }
    case 'enumeration':
      return checkOption(portal, type, def, value, input, existing) ? value : invalid('INVALID_OPTION', 'option');
    default:
      return value.length <= MAX_STRING_LENGTH ? value : invalid('INVALID_STRING', `string (at most ${MAX_STRING_LENGTH} characters)`);
  }
}

function checkOption(
  portal: Portal,
  type: FakeObjectType,
  def: PropertyDefinition,
  value: string,
  input: Record<string, unknown>,
  existing: StoredObject | undefined,
): boolean {
  switch (def.dynamicOptions) {
    case 'owner':
      return portal.owners.some((o) => o.id === value && !o.archived);
    case 'pipeline':
      return portal.pipelines[type].get(value)?.archived === false;
    case 'stage': {
      return stagePipeline(portal, type, value, input, existing) !== undefined;
    }
    default: {
      // Checkbox enumerations hold several options separated by ';'.
      const chosen = def.fieldType === 'checkbox' ? value.split(';') : [value];
      return chosen.every((v) => def.options.some((o) => o.value === v));
    }
  }
}

/** The pipeline id a stage must belong to: the one written alongside, the record's current one, or the default. */
export function stagePipeline(
  portal: Portal,
  type: FakeObjectType,
  stageId: string,
  input: Record<string, unknown>,
  existing: StoredObject | undefined,
): string | undefined {
  const pipelineProperty = OBJECT_TYPE_FACTS[type].pipelineProperty;
  if (!pipelineProperty) return undefined;
  const written = input[pipelineProperty];
  const pipelineId = typeof written === 'string' && written !== '' ? written : (existing?.properties.get(pipelineProperty) ?? firstPipelineId(portal, type));
  if (pipelineId === undefined) return undefined;
  const pipeline = portal.pipelines[type].get(pipelineId);
  return pipeline && !pipeline.archived && pipeline.stages.some((s) => s.id === stageId && !s.archived) ? pipelineId : undefined;
}

export function firstPipelineId(portal: Portal, type: FakeObjectType): string | undefined {
  return [...portal.pipelines[type].values()].filter((p) => !p.archived).sort((a, b) => a.displayOrder - b.displayOrder)[0]?.id;
}

function uniqueCollisions(portal: Portal, type: FakeObjectType, values: Map<string, string>, existing: StoredObject | undefined): PropertyValueError[] {
  const errors: PropertyValueError[] = [];
  for (const [name, value] of values) {
    if (value === '' || !portal.properties[type].get(name)?.hasUniqueValue) continue;
    const holder = portal.findByUniqueValue(type, name, value);
    if (holder && holder.id !== existing?.id) {
      errors.push({ code: 'CONFLICT', name, message: `A ${OBJECT_TYPE_FACTS[type].singular} with ${name} "${value}" already exists (id ${holder.id}).` });
    }
  }
  return errors;
}

/** HubSpot's message for invalid property values: a summary followed by a JSON list. */
export function describeValueErrors(errors: PropertyValueError[]): string {
  const list = errors.map((e) => ({ isValid: false, message: e.message, error: e.code, name: e.name, localizedErrorMessage: e.message }));
  return `Property values were not valid: ${JSON.stringify(list)}`;
}
