/**
 * The order a column's rows go into the DOM. Rows are positioned by their own
 * transforms, so the DOM order matters only to reading and Tab order, and it
 * follows the column's. Except in one moment: after the board has shown a drop
 * and before dnd-kit's end of that drag renders (the next frame), moving the
 * dragged card's row in the DOM makes dnd-kit re-measure the dragged card
 * (a MutationObserver on its ancestors) and re-render every card before the
 * drop's frame. Then the rows keep the DOM order they had, and only move.
 */
export class RowOrder {
  private committed: readonly string[] = [];

  /** `rows` (in the column's order), or while `hold`, in the order last committed (rows new since then after them). */
  arrange<T extends { key: string | number | bigint }>(rows: readonly T[], hold: boolean): readonly T[] {
    if (!hold || this.committed.length === 0) return rows;
    const place = new Map(this.committed.map((key, index) => [key, index]));
    const known = rows.filter((row) => place.has(String(row.key)));
    const added = rows.filter((row) => !place.has(String(row.key)));
    known.sort((a, b) => (place.get(String(a.key)) ?? 0) - (place.get(String(b.key)) ?? 0));
    return [...known, ...added];
  }

  /** The DOM order that was committed (call from a layout effect). */
  commit(keys: readonly string[]): void {
    this.committed = keys;
  }
}
