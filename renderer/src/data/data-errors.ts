import type { z } from 'zod';
import type { DomainError } from '../../../shared/domain/errors';

/**
 * Failures of the local database itself (as opposed to domain refusals, which
 * come from shared/domain/errors.ts). They cross into the UI, so each carries a
 * code to branch on and a sentence a project manager can act on.
 */
export type DataErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'TEMPLATE_NOT_FOUND'
  | 'QUOTA_EXCEEDED'
  | 'DB_BLOCKED'
  | 'DB_VERSION_CHANGED'
  | 'DB_CLOSED'
  | 'DB_FAILED'
  | 'NOTHING_TO_UNDO'
  | 'UNDO_STALE';

export interface DataError {
  code: DataErrorCode;
  message: string;
  /** For VALIDATION_FAILED: one line per schema issue, with its path. */
  issues?: string[];
}

export function dataError(code: DataErrorCode, message: string, issues?: string[]): DataError {
  return issues ? { code, message, issues } : { code, message };
}

/** Thrown inside a transaction to abort it; caught at the API edge and returned as a value. */
export class DataErrorAbort extends Error {
  readonly error: DataError;
  constructor(error: DataError) {
    super(error.message);
    this.name = 'DataErrorAbort';
    this.error = error;
  }
}

export function validationError(what: string, error: z.ZodError): DataError {
  const issues = error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  return dataError('VALIDATION_FAILED', `The ${what} was not saved: ${issues[0] ?? 'it is invalid'}`, issues);
}

/**
 * Thrown inside a transaction when the domain refuses a change (gate, validation,
 * not found): aborts the transaction so nothing of the change is written, and
 * carries the domain's typed error out to the caller.
 */
export class DomainRefusal extends Error {
  readonly error: DomainError;
  constructor(error: DomainError) {
    super(error.message);
    this.name = 'DomainRefusal';
    this.error = error;
  }
}

function errorName(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string') return err.name;
  return undefined;
}

function innerError(err: unknown): unknown {
  if (typeof err === 'object' && err !== null && 'inner' in err) return err.inner;
  return undefined;
}

/** Maps anything a Dexie call can throw to a typed, human error. */
export function toDataError(err: unknown): DataError {
  if (err instanceof DataErrorAbort) return err.error;
  // Dexie wraps the IndexedDB error (e.g. an AbortError whose `inner` is the QuotaExceededError).
  const names = [errorName(err), errorName(innerError(err))];
  if (names.includes('QuotaExceededError')) {
    return dataError(
      'QUOTA_EXCEEDED',
      'Your disk is full or Baton ran out of storage space, so this change was not saved. Free some disk space and try again.',
    );
  }
  if (names.includes('DatabaseClosedError')) {
    return dataError('DB_CLOSED', 'The local database is closed (Baton was updated in another window). Reload this window to continue.');
  }
  if (names.includes('VersionError')) {
    return dataError('DB_VERSION_CHANGED', 'A newer version of Baton has upgraded the local database. Restart Baton to continue.');
  }
  const detail = err instanceof Error ? err.message : String(err);
  return dataError('DB_FAILED', `The local database could not complete the change: ${detail}`);
}
