import type { DBCore, DBCoreDeleteRangeRequest, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import { COLUMN_COUNTS_TABLE, countChanges, type ColumnCountRow } from './column-counts';
import { hasStore, holdsStore, transactionWithStore } from './companion-store';

/**
 * Keeps `columnCounts` (column-counts.ts) in step with every write to
 * `handoffs`, in the same transaction: it reads the rows a write replaces or
 * deletes (from the transaction's cache when the old-values reader already
 * read them), and adds what the write changes to the counts of the columns
 * it touched. Only rows whose counts change are written, so a live total
 * re-runs only for a column that gained or lost a card.
 */

const HANDOFFS = 'handoffs';
const WATCHED: ReadonlySet<string> = new Set([HANDOFFS]);

/** The rows a write replaces or deletes, as stored before it (undefined where there was none). */
function rowsBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(Handoff | undefined)[]> {
  if (req.type === 'add') return Promise.resolve([]);
  if (req.type === 'deleteRange') {
    return table.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((found) => found.result as Handoff[]);
  }
  const { extractKey } = table.schema.primaryKey;
  const keys: unknown[] = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((value: unknown) => (extractKey === null || extractKey === undefined ? undefined : extractKey(value))));
  if (keys.some((key) => key === undefined || key === null)) return Promise.reject(new Error('column counts: a handoff was written without its id'));
  return table.getMany({ trans: req.trans, keys, cache: 'immutable' }) as Promise<(Handoff | undefined)[]>;
}

/** The rows a write leaves (none for a delete; a failed row of a bulk write left nothing). */
function rowsAfter(req: DBCoreMutateRequest, res: DBCoreMutateResponse): (Handoff | undefined)[] {
  if (req.type === 'delete' || req.type === 'deleteRange') return [];
  const failed = res.failures as Record<number, unknown> | undefined;
  return (req.values as Handoff[]).map((row, index) => (failed !== undefined && index in failed ? undefined : row));
}

/** Dexie's `DBCoreRangeType.Any` (a const enum, which isolated modules cannot import): every key, as `clear()` deletes. */
const ANY_KEY = 3;

/** A `clear()` of handoffs: every column is empty, without reading what it deletes (a restore clears 100,000 rows). */
function clearAll(table: DBCoreTable, counts: DBCoreTable, req: DBCoreDeleteRangeRequest): Promise<DBCoreMutateResponse> {
  return table.mutate(req).then((res) =>
    counts
      // The same "every key" range, over the counts' own keys.
      .query({ trans: req.trans, values: true, query: { index: counts.schema.primaryKey, range: req.range } })
      .then((found) => {
        const emptied = (found.result as ColumnCountRow[]).filter((row) => row.all !== 0 || row.archived !== 0).map((row): ColumnCountRow => ({ state: row.state, all: 0, archived: 0 }));
        return emptied.length === 0 ? res : counts.mutate({ type: 'put', trans: req.trans, values: emptied }).then(() => res);
      }),
  );
}

/**
 * Writes of one transaction, one after another. Two writes issued together
 * (`Promise.all`) would otherwise both read a column's count before either
 * wrote it, and one change would be lost; two puts of the same handoff would
 * both find no row before them and count it twice.
 */
const queues = new WeakMap<object, Promise<unknown>>();

function inTurn(trans: DBCoreTransaction, write: () => Promise<DBCoreMutateResponse>): Promise<DBCoreMutateResponse> {
  const previous = queues.get(trans) ?? Promise.resolve();
  const turn = previous.then(write, write);
  queues.set(
    trans,
    turn.catch(() => undefined),
  );
  return turn;
}

/** Adds `changes` to the counts rows of the columns they touch. */
function addToCounts(counts: DBCoreTable, trans: DBCoreTransaction, changes: ReturnType<typeof countChanges>): Promise<unknown> {
  const states = [...changes.keys()];
  return counts.getMany({ trans, keys: states }).then((rows: (ColumnCountRow | undefined)[]) => {
    const next = states.map((state, index): ColumnCountRow => {
      const row = rows[index] ?? { state, all: 0, archived: 0 };
      const change = changes.get(state) ?? { all: 0, archived: 0 };
      return { state, all: row.all + change.all, archived: row.archived + change.archived };
    });
    return counts.mutate({ type: 'put', trans, values: next });
  });
}

/** One write of handoffs and its change to the counts. */
async function countedWrite(table: DBCoreTable, counts: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  if (req.type === 'deleteRange' && req.range.type === ANY_KEY) return clearAll(table, counts, req);
  const before = await rowsBefore(table, req);
  const res = await table.mutate(req);
  // A bulk write that failed in part keeps the rows it replaced where it failed.
  const failed = res.failures as Record<number, unknown> | undefined;
  const replaced = req.type === 'delete' || req.type === 'deleteRange' || failed === undefined ? before : before.map((row, index) => (index in failed ? undefined : row));
  const changes = countChanges(replaced, rowsAfter(req, res));
  if (changes.size > 0) await addToCounts(counts, req.trans, changes);
  return res;
}

function counted(table: DBCoreTable, counts: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      if (!holdsStore(req.trans, COLUMN_COUNTS_TABLE)) return table.mutate(req);
      return inTurn(req.trans, () => countedWrite(table, counts, req));
    },
  };
}

/** Keeps the column counts with every handoff write; adds them to every read-write transaction on handoffs. */
export const columnCountsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BatonColumnCounts',
  // Below the old-values reader (5), whose reads it finds in the transaction's cache, and the change log (4).
  level: 3,
  create(down: DBCore): Partial<DBCore> {
    if (!hasStore(down, COLUMN_COUNTS_TABLE)) return down;
    const counts = down.table(COLUMN_COUNTS_TABLE);
    return {
      ...down,
      transaction: transactionWithStore(down, COLUMN_COUNTS_TABLE, WATCHED),
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return name === HANDOFFS ? counted(table, counts) : table;
      },
    };
  },
};
