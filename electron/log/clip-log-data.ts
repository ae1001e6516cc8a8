/**
 * How much a renderer `log.write` call may put in the log besides its message
 * (serialized JSON characters, about). Rotation bounds the file, but one call
 * could otherwise write megabytes, or push every earlier line out of it.
 */
export const MAX_LOG_DATA_CHARS = 8_192;

const MAX_DEPTH = 8;
const CLIPPED = '…[clipped]';

export interface ClippedLogData {
  data: Record<string, unknown>;
  /** True when something was cut: a string shortened, entries dropped. */
  clipped: boolean;
}

/**
 * A JSON-safe copy of log fields a renderer sent, at most about `maxChars`
 * once serialized. Clipping instead of refusing: `log.write` carries error
 * reports, and a report with oversized context should still arrive.
 *
 * The walk spends the budget as it goes and stops when it is gone, so its
 * own cost is bounded too: IPC's structured clone delivers cycles and shared
 * references (an object whose ten keys all point to itself would expand to
 * 10^8 nodes at depth 8), BigInts (which JSON.stringify throws on), Maps,
 * Sets, Dates and binary data.
 */
export function clipLogData(data: Record<string, unknown>, maxChars = MAX_LOG_DATA_CHARS): ClippedLogData {
  let budget = maxChars;
  let clipped = false;
  const ancestors = new Set<object>();

  const text = (value: string): string => {
    const head = value.length > budget ? value.slice(0, Math.max(0, budget)) : value;
    const cost = JSON.stringify(head).length;
    if (head === value && cost <= budget) {
      budget -= cost;
      return value;
    }
    // Escaped, a control character takes six: halve until the JSON form fits.
    let kept = head;
    while (kept.length > 0 && JSON.stringify(kept).length > budget) kept = kept.slice(0, Math.floor(kept.length / 2));
    budget = 0;
    clipped = true;
    return `${kept}${CLIPPED}`;
  };

  const entries = (pairs: Iterable<readonly [string, unknown]>, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    budget -= 2;
    for (const [key, item] of pairs) {
      // A key longer than what is left costs more than the budget: the entry is dropped whole.
      budget -= JSON.stringify(key.slice(0, Math.max(0, budget) + 1)).length + 2;
      if (budget <= 0) {
        clipped = true;
        break;
      }
      // defineProperty: a key named "__proto__" stays a plain field, as JSON would show it.
      Object.defineProperty(out, key, { value: copy(item, depth + 1), enumerable: true, configurable: true, writable: true });
    }
    return out;
  };

  const items = (values: Iterable<unknown>, depth: number): unknown[] => {
    const out: unknown[] = [];
    budget -= 2;
    for (const item of values) {
      budget -= 1;
      if (budget <= 0) {
        clipped = true;
        break;
      }
      out.push(copy(item, depth + 1));
    }
    return out;
  };

  function* ownEntries(value: object): Generator<readonly [string, unknown]> {
    // for…in walks lazily: an object with a million keys is not listed just to keep the first few.
    for (const key in value) if (Object.hasOwn(value, key)) yield [key, (value as Record<string, unknown>)[key]];
  }

  function primitive(value: unknown): unknown {
    switch (typeof value) {
      case 'string':
        return text(value);
      case 'number':
        budget -= 8;
        return Number.isFinite(value) ? value : String(value);
      case 'boolean':
        budget -= 5;
        return value;
      case 'bigint':
        return text(`${value}n`);
      case 'undefined':
        return undefined;
      default:
        // null; symbols and functions cannot cross IPC, but say what they were if they do.
        budget -= 4;
        return value === null ? null : `[${typeof value}]`;
    }
  }

  function copy(value: unknown, depth: number): unknown {
    if (typeof value !== 'object' || value === null) return primitive(value);
    if (ancestors.has(value)) return text('[circular]');
    if (depth >= MAX_DEPTH) return text('[too deep]');
    if (value instanceof Date) return text(Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString());
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return text(`[${value.byteLength} bytes]`);
    ancestors.add(value);
    try {
      if (value instanceof Error) return entries([['name', value.name], ['message', value.message]], depth);
      if (Array.isArray(value)) return items(value, depth);
      if (value instanceof Set) return items(value, depth);
      if (value instanceof Map) return items(value.entries(), depth);
      return entries(ownEntries(value), depth);
    } finally {
      ancestors.delete(value);
    }
  }

  ancestors.add(data);
  const out = entries(ownEntries(data), -1);
  return { data: out, clipped };
}
