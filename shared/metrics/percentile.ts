/**
 * Nearest-rank percentile: sort the n values ascending and take the value at
 * rank ⌈p/100 × n⌉ (1-based, at least 1). The answer is always a value that
 * was observed — no interpolation — so "90th percentile: 30 hours" means some
 * handoff really took 30 hours. With one value every percentile is that
 * value; with two, the median is the smaller and p90 the larger; with ten,
 * p90 is the 9th smallest. The median is the 50th percentile by the same rule,
 * i.e. the lower middle value when n is even. Returns null for no values.
 *
 * `percent` is a whole number 1–100 so the rank is exact integer arithmetic
 * (0.9 × 30 in floating point is 27.000000000000004, which would round up).
 */
export function nearestRankPercentile(values: readonly number[], percent: number): number | null {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`A percentile is a whole number from 1 to 100, not ${percent}`);
  }
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[rank - 1] ?? null;
}
