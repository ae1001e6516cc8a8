import { validationError } from './errors';
import type { PropertyDefinition } from './property-definitions';
import { parseDateTime } from './property-values';

export const SEARCH_OPERATORS = [
  'EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN',
] as const;
export type SearchOperator = (typeof SEARCH_OPERATORS)[number];

export interface SearchFilter {
  propertyName: string;
  operator: SearchOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}

type Comparable = number | string;

/** Values compare as numbers for number/date properties and as lower-case text otherwise, like HubSpot. */
function comparable(def: PropertyDefinition, raw: string, side: 'record' | 'filter'): Comparable {
  if (def.type === 'number') return Number(raw);
  if (def.type === 'datetime' || def.type === 'date') {
    const ms = parseDateTime(raw);
    if (ms === undefined) {
      if (side === 'filter') throw validationError(`"${raw}" is not a valid date for filtering on ${def.name}; use epoch milliseconds or ISO 8601.`);
      return Number.NaN;
    }
    return ms;
  }
  return raw.toLowerCase();
}

function needValue(filter: SearchFilter): string {
  if (filter.value === undefined) throw validationError(`Filter ${filter.operator} on ${filter.propertyName} needs a value.`);
  return filter.value;
}

function needValues(filter: SearchFilter): string[] {
  if (!filter.values || filter.values.length === 0) throw validationError(`Filter ${filter.operator} on ${filter.propertyName} needs a non-empty values list.`);
  return filter.values;
}

/** Whether one record value passes one filter. Checks the filter itself first, so bad filters fail even on an empty portal. */
export function compileFilter(def: PropertyDefinition, filter: SearchFilter): (value: string | undefined) => boolean {
  const cmp = (a: Comparable, b: Comparable): number => (a < b ? -1 : a > b ? 1 : 0);
  const of = (raw: string): Comparable => comparable(def, raw, 'record');
  switch (filter.operator) {
    case 'HAS_PROPERTY': return (v) => v !== undefined && v !== '';
    case 'NOT_HAS_PROPERTY': return (v) => v === undefined || v === '';
    case 'EQ': { const want = comparable(def, needValue(filter), 'filter'); return (v) => v !== undefined && cmp(of(v), want) === 0; }
    case 'NEQ': { const want = comparable(def, needValue(filter), 'filter'); return (v) => v === undefined || cmp(of(v), want) !== 0; }
    case 'LT': { const want = comparable(def, needValue(filter), 'filter'); return (v) => v !== undefined && cmp(of(v), want) < 0; }
    case 'LTE': { const want = comparable(def, needValue(filter), 'filter'); return (v) => v !== undefined && cmp(of(v), want) <= 0; }
    case 'GT': { const want = comparable(def, needValue(filter), 'filter'); return (v) => v !== undefined && cmp(of(v), want) > 0; }
    case 'GTE': { const want = comparable(def, needValue(filter), 'filter'); return (v) => v !== undefined && cmp(of(v), want) >= 0; }
    case 'BETWEEN': {
      const low = comparable(def, needValue(filter), 'filter');
      if (filter.highValue === undefined) throw validationError(`Filter BETWEEN on ${filter.propertyName} needs highValue.`);
      const high = comparable(def, filter.highValue, 'filter');
      return (v) => v !== undefined && cmp(of(v), low) >= 0 && cmp(of(v), high) <= 0;
    }
    case 'IN': { const set = needValues(filter).map((x) => comparable(def, x, 'filter')); return (v) => v !== undefined && set.some((x) => cmp(of(v), x) === 0); }
    case 'NOT_IN': { const set = needValues(filter).map((x) => comparable(def, x, 'filter')); return (v) => v === undefined || !set.some((x) => cmp(of(v), x) === 0); }
    case 'CONTAINS_TOKEN': { const token = needValue(filter).toLowerCase().replaceAll('*', ''); return (v) => v !== undefined && v.toLowerCase().includes(token); }
    case 'NOT_CONTAINS_TOKEN': { const token = needValue(filter).toLowerCase().replaceAll('*', ''); return (v) => v === undefined || !v.toLowerCase().includes(token); }
  }
}

/** Sort key for a record value: numbers/dates numerically, text case-insensitively; missing values sort last. */
export function sortKey(def: PropertyDefinition | undefined, raw: string | undefined): Comparable | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!def) return raw.toLowerCase();
  const key = comparable(def, raw, 'record');
  return typeof key === 'number' && Number.isNaN(key) ? undefined : key;
}
