/**
 * Fractional ranks: a card's position in its column is a number, and a card
 * dropped between two others takes the midpoint, so a reorder is one write.
 */
export const RANK_STEP = 1024;

export function rankBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return RANK_STEP;
  if (before === null) return (after ?? 0) - RANK_STEP;
  if (after === null) return before + RANK_STEP;
  if (before === after) return before;
  return before + (after - before) / 2;
}

/**
 * True when two neighbours are so close that a midpoint can no longer be told
 * apart from them (after ~50 halvings); the column then needs renumbering.
 */
export function ranksExhausted(before: number, after: number): boolean {
  const mid = rankBetween(before, after);
  return mid === before || mid === after;
}
