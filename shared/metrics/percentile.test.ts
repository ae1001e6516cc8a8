import { nearestRankPercentile } from './percentile';

describe('nearestRankPercentile', () => {
  it('has no answer for no values', () => {
    expect(nearestRankPercentile([], 50)).toBeNull();
    expect(nearestRankPercentile([], 90)).toBeNull();
  });

  it('with one value, every percentile is that value', () => {
    expect(nearestRankPercentile([7], 50)).toBe(7);
    expect(nearestRankPercentile([7], 90)).toBe(7);
  });

  it('with two values, the median is the smaller (rank 1) and p90 the larger (rank ⌈1.8⌉ = 2)', () => {
    expect(nearestRankPercentile([30, 10], 50)).toBe(10);
    expect(nearestRankPercentile([30, 10], 90)).toBe(30);
  });

  it('with ten values, p90 is the 9th smallest and the median the 5th', () => {
    const values = [100, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(nearestRankPercentile(values, 90)).toBe(9);
    expect(nearestRankPercentile(values, 50)).toBe(5);
    expect(nearestRankPercentile(values, 100)).toBe(100);
    expect(nearestRankPercentile(values, 1)).toBe(1);
  });

  it('rounds the rank up, never to the nearest (p90 of 7 values is rank ⌈6.3⌉ = 7)', () => {
    const values = [7, 6, 5, 4, 3, 2, 1];
    expect(nearestRankPercentile(values, 90)).toBe(7);
    expect(nearestRankPercentile(values, 50)).toBe(4);
  });

  it('uses exact ranks where floating point would not (p90 of 30 values is rank 27)', () => {
    const values = Array.from({ length: 30 }, (_, index) => index + 1);
    expect(nearestRankPercentile(values, 90)).toBe(27);
  });

  it('counts ties as separate observations and does not reorder the input', () => {
    const values = [5, 5, 5, 1];
    expect(nearestRankPercentile(values, 50)).toBe(5);
    expect(nearestRankPercentile(values, 25)).toBe(1);
    expect(values).toEqual([5, 5, 5, 1]);
  });

  it('refuses a percentile outside 1–100 or not whole', () => {
    expect(() => nearestRankPercentile([1], 0)).toThrow('A percentile is a whole number from 1 to 100, not 0');
    expect(() => nearestRankPercentile([1], 99.5)).toThrow(RangeError);
  });
});
