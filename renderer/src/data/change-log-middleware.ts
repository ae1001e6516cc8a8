import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, IndexableType, Middleware } from 'dexie';
import { CHANGE_LOG_TABLE, LOGGED_TABLES, MAX_LOGGED_KEYS, type ChangeLogRow } from './change-log';
import { hasStore, holdsStore, transactionWithStore } from './companion-store';

/**
 * Writes a change-log row (change-log.ts) for every write to a backed-up
 * table, in the write's own transaction: the row commits with the write or
 * not at all, whoever wrote (commands, sync, undo, restore, another window,
 * a worker). That atomicity is what makes a backup read in short pieces as
 * exact as one read in a single transaction.
 */

/** The keys a write touched, or null for "any row of the table". */
function writtenKeys(req: DBCoreMutateRequest, res: DBCoreMutateResponse): IndexableType[] | null {
  if (req.type === 'deleteRange') return null;
  // IndexedDB's own keys: a put or add reports every key it wrote (Dexie: "always present"), a delete names them.
  const keys: unknown[] | undefined = req.type === 'delete' ? req.keys : (req.keys ?? res.results);
  if (keys === undefined || keys.length > MAX_LOGGED_KEYS) return null;
  const known = keys.filter((key) => key !== undefined && key !== null);
  return known as IndexableType[];
}

/** Empty bulk writes change nothing and need no row. */
function writesSomething(req: DBCoreMutateRequest): boolean {
  if (req.type === 'deleteRange') return true;
  return req.type === 'delete' ? req.keys.length > 0 : req.values.length > 0;
}

function logged(table: DBCoreTable, log: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      return table.mutate(req).then((res) => {
        if (!writesSomething(req) || !holdsStore(req.trans, CHANGE_LOG_TABLE)) return res;
        const row: ChangeLogRow = { at: new Date().toISOString(), table: table.name, keys: writtenKeys(req, res) };
        return log.mutate({ type: 'add', trans: req.trans, values: [row] }).then(() => res);
      });
    },
  };
}

/** Adds the change-log row to every write of a backed-up table, and the log to every read-write transaction that may write one. */
export const changeLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BatonChangeLog',
  // Below the old-values reader (5), above Dexie's hooks (2) and observability (0): it sees each write once, as issued.
  level: 4,
  create(down: DBCore): Partial<DBCore> {
    if (!hasStore(down, CHANGE_LOG_TABLE)) return down;
    const log = down.table(CHANGE_LOG_TABLE);
    return {
      ...down,
      transaction: transactionWithStore(down, CHANGE_LOG_TABLE, LOGGED_TABLES),
      table(name: string): DBCoreTable {
        const table = down.table(name);
        return LOGGED_TABLES.has(name) ? logged(table, log) : table;
      },
    };
  },
};
