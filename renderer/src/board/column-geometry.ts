/** A row of a column's virtualized list: its offset from the top of the column's content, and its height. */
export interface RowExtent {
  start: number;
  size: number;
}

/**
 * Where a dragged card is in a column, read from the column's own row layout
 * (its virtualizer) instead of from dnd-kit droppables: only the columns are
 * droppables, so a pick-up measures four boxes, not every mounted card, and
 * collision detection judges four (see Board).
 */
export interface ColumnGeometry {
  /** The index (0 … cards loaded) of the row under viewport y; below the last loaded row, the number of rows loaded. */
  indexAt(clientY: number): number;
  /** Row `index`'s box in viewport y, or null when that row is not loaded. */
  rowBox(index: number): { top: number; height: number } | null;
}

/** Each container's geometry, registered by its column while it is mounted. */
export type ColumnGeometries = Map<string, ColumnGeometry>;

/**
 * The first of `loaded` rows (sorted by `start`) whose bottom is below `offset`, or
 * `loaded` when the offset is past them: the card under the point, whose place a
 * drop there takes. Binary search: a column can hold thousands of loaded rows.
 */
export function rowIndexAtOffset(rows: readonly RowExtent[], loaded: number, offset: number): number {
  let low = 0;
  let high = Math.min(loaded, rows.length);
  while (low < high) {
    const middle = (low + high) >> 1;
    const row = rows[middle];
    if (row !== undefined && row.start + row.size <= offset) low = middle + 1;
    else high = middle;
  }
  return Math.min(low, loaded);
}
