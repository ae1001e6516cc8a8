import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffState } from '../../../shared/domain/states';

/**
 * Each column's number of handoffs, kept up to date by every write to
 * `handoffs`, in the write's own transaction (column-counts-middleware.ts).
 * The board's column totals read one row instead of counting an index:
 * IndexedDB counts by walking every key (0.8 s for the two columns of a move
 * at 100,000 handoffs), and a write had to wait for a count under way.
 */
export const COLUMN_COUNTS_TABLE = 'columnCounts';

export interface ColumnCountRow {
  state: HandoffState;
  /** Every handoff in the column, archived or not. */
  all: number;
  /** Those of them that are archived. */
  archived: number;
}

/** What one handoff row contributes: its column, and whether it is archived. */
type Counted = Pick<Handoff, 'state' | 'archivedAt'>;

/** Changes to each column's counts, from rows replaced (`before`) by rows written (`after`; undefined where a row is deleted or was not written). */
export function countChanges(before: readonly (Counted | undefined)[], after: readonly (Counted | undefined)[]): Map<HandoffState, { all: number; archived: number }> {
  const changes = new Map<HandoffState, { all: number; archived: number }>();
  const add = (row: Counted | undefined, sign: 1 | -1) => {
    if (row === undefined) return;
    const change = changes.get(row.state) ?? { all: 0, archived: 0 };
    change.all += sign;
    if (row.archivedAt !== null && row.archivedAt !== undefined) change.archived += sign;
    changes.set(row.state, change);
  };
  before.forEach((row) => add(row, -1));
  after.forEach((row) => add(row, 1));
  for (const [state, change] of changes) if (change.all === 0 && change.archived === 0) changes.delete(state);
  return changes;
}

/** Counts every column from scratch (a schema upgrade, a check). */
export function countColumns(rows: Iterable<Counted>, states: readonly HandoffState[]): ColumnCountRow[] {
  const counts = new Map(states.map((state) => [state, { state, all: 0, archived: 0 } as ColumnCountRow]));
  for (const row of rows) {
    const count = counts.get(row.state);
    if (count === undefined) continue;
    count.all += 1;
    if (row.archivedAt !== null && row.archivedAt !== undefined) count.archived += 1;
  }
  return [...counts.values()];
}
