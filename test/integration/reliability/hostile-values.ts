import fc from 'fast-check';

/**
 * Values a compromised or buggy renderer could send over IPC: wrong types,
 * non-JSON values, huge strings, deep nesting and prototype-pollution
 * shapes. Shared by the IPC fuzz suites.
 */

/** Objects whose own keys try to reach Object.prototype when merged naively. */
export function pollutionObjects(): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(
    () => JSON.parse('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>,
    () => ({ constructor: { prototype: { polluted: 'yes' } } }),
    () => JSON.parse('{"a":{"__proto__":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}') as Record<string, unknown>,
    () => Object.assign(Object.create(null) as Record<string, unknown>, { toString: 'not a function', valueOf: 1 }),
  ).map((make) => make());
}

/** Nested arrays/objects `depth` levels deep (iteratively built: no recursion here). */
export function deeplyNested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { next: value };
  return value;
}

export function hugeStrings(): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 5_000, max: 2_000_000 }), fc.constantFrom('x', '\u202e', '🔥', '<script>', '\u0000')).map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));
}

/** Values that cannot travel as JSON (functions, symbols, bigints, NaN, cyclic objects, class instances). */
export function nonJsonValues(): fc.Arbitrary<unknown> {
  const cyclic = (): unknown => {
    const node: Record<string, unknown> = { name: 'loop' };
    node['self'] = node;
    return node;
  };
  return fc.oneof(
    fc.bigInt(),
    fc.constantFrom<unknown>(Symbol('hostile'), () => 'fn', Number.NaN, Number.POSITIVE_INFINITY, -0, undefined, new Date('invalid')),
    fc.constant(null).map(() => cyclic()),
    fc.constant(null).map(() => new Map([['a', 1]])),
    fc.constant(null).map(() => new Uint8Array(16)),
  );
}

/** Any hostile value at all (for a field, a whole payload or an extra key's value). */
export function hostileValues(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, maxDepth: 4 }) },
    { weight: 2, arbitrary: nonJsonValues() },
    { weight: 1, arbitrary: hugeStrings() },
    { weight: 1, arbitrary: pollutionObjects() },
    { weight: 1, arbitrary: fc.constantFrom('array', 'object').map((kind) => deeplyNested(5_000, kind as 'array' | 'object')) },
  );
}

/** Keys a fuzzer adds to an otherwise valid object. */
export function hostileKeys(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'token', '\u202e', '<img src=x onerror=alert(1)>'), fc.string({ maxLength: 200 }));
}

/** Whether Object.prototype (or Array.prototype) picked up anything a payload tried to plant. */
export function prototypesPolluted(): boolean {
  const probe: Record<string, unknown> = {};
  return 'polluted' in probe || 'polluted' in ([] as unknown as Record<string, unknown>) || Object.keys(Object.prototype).length > 0;
}
