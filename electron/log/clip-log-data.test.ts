import { clipLogData, MAX_LOG_DATA_CHARS } from './clip-log-data';

const size = (value: unknown): number => JSON.stringify(value).length;

describe('clipLogData', () => {
  it('keeps small data as it is', () => {
    const data = { view: 'board', count: 3, ok: true, missing: null, nested: { ids: ['h-1', 'h-2'] } };
    expect(clipLogData(data)).toEqual({ data, clipped: false });
  });

  it('shortens a megabyte string to the limit, marking the cut', () => {
    const { data, clipped } = clipLogData({ stack: 'x'.repeat(5_000_000) });
    expect(clipped).toBe(true);
    expect(data['stack']).toMatch(/^x+…\[clipped\]$/);
    expect(size(data)).toBeLessThanOrEqual(MAX_LOG_DATA_CHARS + 32);
  });

  it('counts escaped characters, so control characters cannot multiply the size', () => {
    const { data, clipped } = clipLogData({ bytes: '\u0001'.repeat(100_000) });
    expect(clipped).toBe(true);
    expect(size(data)).toBeLessThanOrEqual(MAX_LOG_DATA_CHARS + 32);
  });

  it('drops entries past the limit from an object with very many keys, and a huge key whole', () => {
    const many = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`key${index}`, index]));
    const result = clipLogData(many);
    expect(result.clipped).toBe(true);
    expect(size(result.data)).toBeLessThanOrEqual(MAX_LOG_DATA_CHARS + 32);
    expect(Object.keys(result.data).length).toBeGreaterThan(100);

    const hugeKey = clipLogData({ small: 1, ['k'.repeat(1_000_000)]: 2 });
    expect(hugeKey).toEqual({ data: { small: 1 }, clipped: true });
  });

  it('stops within the budget on cycles and on shared references that would expand to 10^8 nodes', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(clipLogData(cyclic).data).toEqual({ name: 'loop', self: '[circular]' });

    let fan: Record<string, unknown> = { leaf: 'x' };
    for (let level = 0; level < 8; level += 1) {
      const next: Record<string, unknown> = {};
      for (let key = 0; key < 10; key += 1) next[`k${key}`] = fan;
      fan = next;
    }
    const result = clipLogData(fan);
    expect(result.clipped).toBe(true);
    expect(size(result.data)).toBeLessThanOrEqual(MAX_LOG_DATA_CHARS + 256);
  });

  it('turns what structured clone delivers but JSON cannot hold into text', () => {
    const { data } = clipLogData({
      big: 12n,
      when: new Date('2026-11-24T09:00:00Z'),
      error: new TypeError('boom'),
      bytes: new Uint8Array(4),
      tags: new Set(['a']),
      pairs: new Map([['k', 1]]),
      nan: Number.NaN,
    });
    expect(data).toEqual({
      big: '12n',
      when: '2026-11-24T09:00:00.000Z',
      error: { name: 'TypeError', message: 'boom' },
      bytes: '[4 bytes]',
      tags: ['a'],
      pairs: [['k', 1]],
      nan: 'NaN',
    });
    expect(() => JSON.stringify(data)).not.toThrow();
  });

  it('keeps a "__proto__" key as a plain field', () => {
    const data = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as Record<string, unknown>;
    const result = clipLogData(data).data;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
