import type { IndexableType } from 'dexie';
import { BACKUP_TABLES } from '../../../shared/backup/format';

/**
 * The change log: one row per write to a backed-up table, committed in the
 * same transaction as the write (change-log-middleware.ts adds it). It lets a
 * backup read the workspace in many short transactions instead of one long
 * one, which at 100,000 handoffs held every write (a card move) for about ten
 * seconds: whatever was written while it read, it reads again at the end, in
 * one short transaction, and the result is the workspace exactly as it was
 * then (workspace-snapshot.ts). The log is only needed while a backup reads,
 * so rows older than an hour are pruned.
 */
export const CHANGE_LOG_TABLE = 'changeLog';

export interface ChangeLogRow {
  /** Auto-incremented: IndexedDB never hands out a key twice, even after deletes, so "after seq N" is exact. */
  seq?: number;
  /** When the write was made (ISO 8601), for pruning. */
  at: string;
  /** The backed-up table written to. */
  table: string;
  /** The primary keys written (put, add or delete), or null for "any row" (a range delete, a clear, a very large write). */
  keys: IndexableType[] | null;
}

/** The tables whose writes are logged: exactly the ones a backup holds. */
export const LOGGED_TABLES: ReadonlySet<string> = new Set(BACKUP_TABLES);

/** How long a change is kept: far longer than any backup may read (the worker gives up after ten minutes). */
export const CHANGE_LOG_RETENTION_MS = 60 * 60 * 1000;

/** A write of more rows than this is logged as "any row": a backup reads that table again as a whole rather than key by key. */
export const MAX_LOGGED_KEYS = 5_000;
