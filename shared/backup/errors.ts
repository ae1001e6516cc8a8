/**
 * Why a backup could not be read, written or restored. Each carries a code to
 * branch on and a sentence a project manager can act on; row problems list
 * one line per issue naming the table and the row.
 */
export type BackupErrorCode =
  /** The file is not JSON at all (truncated download, wrong file). */
  | 'NOT_JSON'
  /** JSON, but not a Baton backup (no `format: "baton-backup"`, missing header fields). */
  | 'NOT_A_BACKUP'
  /** Written by a newer Baton whose file format this version cannot read. */
  | 'NEWER_FORMAT'
  /** Taken from a database schema newer than this Baton knows. */
  | 'NEWER_SCHEMA'
  /** One or more rows do not pass the schema of their table. */
  | 'INVALID_ROWS'
  /** Rows are individually valid but contradict each other (duplicate ids, dangling references). */
  | 'INCONSISTENT'
  /** The file is larger than Baton will read. */
  | 'TOO_LARGE'
  /** The local database refused the export or the restore (nothing was changed). */
  | 'DB_FAILED'
  /** An automatic backup asked for does not exist (deleted or expired). */
  | 'NOT_FOUND';

export interface BackupError {
  code: BackupErrorCode;
  message: string;
  /** For INVALID_ROWS and INCONSISTENT: one line per problem, naming table and row. */
  issues?: string[];
}

export function backupError(code: BackupErrorCode, message: string, issues?: string[]): BackupError {
  return issues === undefined ? { code, message } : { code, message, issues };
}

export type BackupResult<T> = { ok: true; value: T } | { ok: false; error: BackupError };
