import { RangeSet, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type IndexableType, type Middleware } from 'dexie';

/**
 * Dexie's live queries re-run when a write touches what they read, and it
 * judges that from the index keys a write removed and added. A plain
 * `put`/`add`/`delete` does not tell it the row it replaced, so it assumes the
 * worst: every query that counts over an index (each column's total) re-runs,
 * and at 100,000 handoffs one edit re-counted all four columns, about a second
 * of key walking that the next write had to queue behind. Dexie's own
 * `update`/`modify` avoid that by reading the old rows first with a cached
 * `getMany` (`cache: 'immutable'`), which its observability middleware then
 * uses. This does the same for every small `put` and `delete` of the tables
 * below, whatever wrote it (commands, sync, undo, ranks), so a change re-counts
 * only the columns it touched: none for an edit or a reorder, two for a move,
 * one for an archive or a restore. A handoff created or deleted still re-counts
 * every column (see `createdOrDeleted`), as does a bulk write of 50 rows or more.
 * The column totals themselves no longer count an index (column-counts.ts), but
 * every other live query over the handoffs' indexes (the board's window of each
 * column, a card, the notification watch) still re-runs only when a write
 * changed what it read, and the counts' own reader finds these rows cached.
 */

/** Tables whose index counts the board keeps live. */
const TABLES: ReadonlySet<string> = new Set(['handoffs']);

/** Dexie tracks a put's keys only below 50 rows, and a larger write re-runs every count anyway: reading its old rows would be wasted. */
const MAX_TRACKED_ROWS = 50;

/**
 * The primary keys whose old rows to read before a write, or null to leave it
 * alone: a range delete or a large write (Dexie re-runs every query for those
 * anyway), a write without keys, and `add`, whose cached "no old row" Dexie
 * would keep after the add (it clears the cache only on other writes), so a
 * later update in the same transaction would find the row missing.
 */
function writtenKeys(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | null {
  if (req.type === 'deleteRange' || req.type === 'add') return null;
  if (req.type === 'delete') return req.keys.length > 0 && req.keys.length < MAX_TRACKED_ROWS ? req.keys : null;
  if (req.values.length === 0 || req.values.length >= MAX_TRACKED_ROWS) return null;
  const { extractKey } = table.schema.primaryKey;
  const keys: unknown[] | undefined = req.keys ?? (extractKey === null ? undefined : req.values.map((value: unknown) => extractKey(value)));
  return keys !== undefined && keys.every((key) => key !== undefined && key !== null) ? keys : null;
}

/**
 * Keys whose row the write creates or deletes. Dexie records those under
 * ":dels" only when it does not know the old rows, and queries of primary keys
 * alone (`db.handoffs.limit(1).primaryKeys()`) watch nothing else; with the old
 * rows known it would leave them out, so they are added here.
 */
function createdOrDeleted(req: DBCoreMutateRequest, keys: unknown[], olds: unknown[]): IndexableType[] {
  const wanted = req.type === 'delete' ? (old: unknown) => old !== undefined : (old: unknown) => old === undefined;
  // The keys were checked to be present; Dexie's keys are IndexableType at run time.
  return keys.filter((_, index) => wanted(olds[index])) as IndexableType[];
}

function withOldValues(table: DBCoreTable, partPrefix: string): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      const keys = writtenKeys(table, req);
      if (keys === null) return table.mutate(req);
      // Same transaction, issued just before the write: the rows it replaces. No
      // request at all when they were just read this way (Dexie's update/modify).
      return table.getMany({ trans: req.trans, keys, cache: 'immutable' }).then((olds: unknown[]) => {
        const changedRows = createdOrDeleted(req, keys, olds);
        if (changedRows.length > 0) {
          const parts = req.mutatedParts ?? (req.mutatedParts = {});
          const part = `${partPrefix}:dels`;
          const dels = new RangeSet();
          const earlier = parts[part];
          if (earlier !== undefined) dels.add(earlier);
          parts[part] = dels.addKeys(changedRows);
        }
        return table.mutate(req);
      });
    },
  };
}

/** Reads the rows a small write replaces just before it, so Dexie's live queries know exactly which index keys changed. */
export const oldValuesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BatonOldValues',
  // Above Dexie's observability (0) and its hooks (2), so the rows are in the transaction's cache when they look.
  level: 5,
  create(down: DBCore): Partial<DBCore> {
    return {
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        // Dexie's names for what a write touched: idb://<database>/<table>/<index>.
        return TABLES.has(name) ? withOldValues(table, `idb://${down.schema.name}/${name}/`) : table;
      },
    };
  },
};
