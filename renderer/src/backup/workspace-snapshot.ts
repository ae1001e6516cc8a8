import { cmp, type IndexableType, type Table } from 'dexie';
import { BACKUP_TABLES, type BackupTableName } from '../../../shared/backup/format';
import { CHANGE_LOG_RETENTION_MS } from '../data/change-log';
import type { BatonDb } from '../data/db';

/** Every backed-up table's rows, as stored: what a backup file holds. */
export type WorkspaceRows = { [T in BackupTableName]: unknown[] };

export interface SnapshotOptions {
  /** Rows per read transaction, fixed (tests). By default each page is sized to take about `PAGE_TARGET_MS`. */
  pageSize?: number;
  /** Runs after each page (tests write here to play a user working while a backup reads). */
  afterPage?: () => Promise<void>;
  now?: () => number;
}

/**
 * How long one page's read transaction should take: a write issued meanwhile
 * (a card move) waits for at most about this long. Rows differ in size (a
 * handoff with its notes, a settings value), so pages are sized by time.
 */
export const PAGE_TARGET_MS = 8;
const FIRST_PAGE_ROWS = 200;
const MIN_PAGE_ROWS = 50;
const MAX_PAGE_ROWS = 5_000;

/**
 * How many rows the next page should read, from the fastest rate any page of
 * this table was read at so far (`bestMsPerRow`). A page's time also holds
 * its wait for the writes queued before it (a move waits for the window's
 * column counts, and the page waits for the move), which says nothing about
 * reading: sized by each page's own time, pages shrank to a few rows while a
 * user worked, and a backup at 100,000 handoffs took minutes.
 */
export function nextPageSize(rows: number, bestMsPerRow: number): number {
  const scaled = Math.round(PAGE_TARGET_MS / Math.max(bestMsPerRow, 0.000_1));
  // At most doubling per page, so one fast page (a cache, a quiet moment) does not make the next one long.
  return Math.min(MAX_PAGE_ROWS, 2 * rows, Math.max(MIN_PAGE_ROWS, scaled));
}

/** Rows by primary key (a compound key is an array; keys here are strings, numbers or arrays of them). */
type RowsByKey = Map<string, { key: IndexableType; row: unknown }>;

function keyId(key: IndexableType): string {
  return JSON.stringify(key);
}

function tableOf(db: BatonDb, name: BackupTableName): Table<unknown, IndexableType> {
  return db.table(name);
}

/** The tables a backup holds, for a transaction over all of them. */
export function backupTables(db: BatonDb): Table<unknown, IndexableType>[] {
  return BACKUP_TABLES.map((name) => tableOf(db, name));
}

/** Reads one table a page at a time, each page in its own short read transaction. */
async function readInPages(db: BatonDb, name: BackupTableName, fixedPageSize: number | undefined, afterPage: () => Promise<void>): Promise<RowsByKey> {
  const table = tableOf(db, name);
  const { extractKey } = table.core.schema.primaryKey;
  if (extractKey === null || extractKey === undefined) throw new Error(`the ${name} table has no key path to page by`);
  const rows: RowsByKey = new Map();
  let after: IndexableType | undefined;
  let pageSize = fixedPageSize ?? FIRST_PAGE_ROWS;
  let bestMsPerRow = Number.POSITIVE_INFINITY;
  for (;;) {
    const started = performance.now();
    const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageSize).toArray();
    const tookMs = performance.now() - started;
    for (const row of page) {
      const key = extractKey(row) as IndexableType;
      rows.set(keyId(key), { key, row });
      after = key;
    }
    await afterPage();
    if (page.length < pageSize) return rows;
    if (page.length > 0) bestMsPerRow = Math.min(bestMsPerRow, tookMs / page.length);
    if (fixedPageSize === undefined) pageSize = nextPageSize(pageSize, bestMsPerRow);
  }
}

/** What the change log says was written to each table since the first page: keys, or "any row". */
function changedSince(changes: readonly { table: string; keys: IndexableType[] | null }[]): Map<BackupTableName, IndexableType[] | 'all'> {
  const changed = new Map<BackupTableName, IndexableType[] | 'all'>();
  for (const change of changes) {
    const name = change.table as BackupTableName;
    const known = changed.get(name);
    if (known === 'all' || change.keys === null) changed.set(name, 'all');
    else changed.set(name, [...(known ?? []), ...change.keys]);
  }
  return changed;
}

function sortedRows(rows: RowsByKey, reordered: boolean): unknown[] {
  const entries = [...rows.values()];
  if (reordered) entries.sort((a, b) => cmp(a.key, b.key));
  return entries.map((entry) => entry.row);
}

/** The old way, and the fallback: everything in one read transaction (exact, but every write waits until it ends). */
export function readWorkspaceInOneTransaction(db: BatonDb): Promise<WorkspaceRows> {
  return db.transaction('r', backupTables(db), async () => {
    const rows = {} as WorkspaceRows;
    for (const name of BACKUP_TABLES) rows[name] = await tableOf(db, name).toArray();
    return rows;
  });
}

/**
 * The whole workspace exactly as it was at one moment, read without holding
 * up writes for more than a page. Each table is read a page at a time. Then,
 * in one short transaction, the change log names every row written since the
 * first page (its rows commit with the writes, see change-log.ts), and those
 * rows are read again: a row not named there is unchanged since its page was
 * read, so every row is as of that last transaction. If the log cannot vouch
 * for the whole read (it ran longer than the log is kept), everything is read
 * again in one transaction, as before.
 */
export async function readWorkspaceSnapshot(db: BatonDb, options: SnapshotOptions = {}): Promise<WorkspaceRows> {
  const pageSize = options.pageSize === undefined ? undefined : Math.max(1, options.pageSize);
  const afterPage = options.afterPage ?? (() => Promise.resolve());
  const now = options.now ?? Date.now;
  const startedAt = now();
  // Every write committed after this key reads again below; IndexedDB never reuses a key, even after pruning.
  const since = ((await db.changeLog.orderBy(':id').lastKey()) as number | undefined) ?? 0;
  const pages = new Map<BackupTableName, RowsByKey>();
  for (const name of BACKUP_TABLES) pages.set(name, await readInPages(db, name, pageSize, afterPage));
  // Pruning keeps an hour of the log; a read this long may have lost rows it needs.
  if (now() - startedAt > CHANGE_LOG_RETENTION_MS / 2) return readWorkspaceInOneTransaction(db);
  return db.transaction('r', [...backupTables(db), db.changeLog], async () => {
    const changed = changedSince(await db.changeLog.where(':id').above(since).toArray());
    const rows = {} as WorkspaceRows;
    for (const name of BACKUP_TABLES) {
      const byKey = pages.get(name) ?? new Map();
      const change = changed.get(name);
      if (change === 'all') {
        rows[name] = await tableOf(db, name).toArray();
        continue;
      }
      let reordered = false;
      if (change !== undefined && change.length > 0) {
        const current = await tableOf(db, name).bulkGet(change);
        change.forEach((key, index) => {
          const id = keyId(key);
          const row = current[index];
          if (row === undefined) byKey.delete(id);
          else {
            reordered ||= !byKey.has(id);
            byKey.set(id, { key, row });
          }
        });
      }
      rows[name] = sortedRows(byKey, reordered);
    }
    return rows;
  });
}

/**
 * Forgets changes older than the log is kept (a backup reading now only needs
 * the newer ones). The newest row always stays: its key is the workspace's
 * version in the backup fingerprint (workspace-fingerprint.ts).
 */
export async function pruneChangeLog(db: BatonDb, now: number = Date.now()): Promise<void> {
  const cutoff = new Date(now - CHANGE_LOG_RETENTION_MS).toISOString();
  await db.transaction('rw', db.changeLog, async () => {
    const newest = await db.changeLog.orderBy(':id').lastKey();
    await db.changeLog
      .where('at')
      .below(cutoff)
      .and((row) => row.seq !== newest)
      .delete();
  });
}
