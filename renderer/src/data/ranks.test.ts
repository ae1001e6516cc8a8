import { RANK_STEP, rankBetween, ranksExhausted } from './ranks';

describe('rankBetween', () => {
  it('starts an empty column at one step', () => {
    expect(rankBetween(null, null)).toBe(RANK_STEP);
  });
  it('goes before the first and after the last card by one step', () => {
    expect(rankBetween(null, 100)).toBe(100 - RANK_STEP);
    expect(rankBetween(100, null)).toBe(100 + RANK_STEP);
  });
  it('takes the midpoint between two neighbours', () => {
    const mid = rankBetween(1024, 2048);
    expect(mid).toBe(1536);
    expect(mid).toBeGreaterThan(1024);
    expect(mid).toBeLessThan(2048);
  });
  it('reports when neighbours are too close to split', () => {
    expect(ranksExhausted(1, 2)).toBe(false);
    expect(ranksExhausted(1, 1 + Number.EPSILON)).toBe(true);
  });
});
