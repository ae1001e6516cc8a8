import { z } from 'zod';
import { backupError, type BackupError, type BackupErrorCode, type BackupResult } from '../../../shared/backup/errors';
import type { ScheduledBackupJob, ScheduledBackupOutcome } from './scheduled-backup';
import { BackupCountsSchema } from './workspace-fingerprint';

/**
 * The messages between the main thread and the backup worker. Both sides
 * check what they receive: a message that does not fit becomes a typed
 * BackupResult error naming the problem, never a half-understood backup.
 */

const ScheduledBackupJobSchema = z.object({
  appVersion: z.string().min(1).max(100),
  keepDays: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  onlyIfChanged: z.boolean(),
}) satisfies z.ZodType<ScheduledBackupJob>;

export const BackupWorkerRequestSchema = z.object({
  type: z.literal('scheduled-backup'),
  /** The IndexedDB names the worker opens (the same databases the window uses). */
  dbName: z.string().min(1),
  backupsDbName: z.string().min(1),
  job: ScheduledBackupJobSchema,
});

export type BackupWorkerRequest = z.infer<typeof BackupWorkerRequestSchema>;

const AutomaticBackupInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['daily', 'before-restore']),
  takenAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: BackupCountsSchema,
  storedSize: z.number().nonnegative(),
});

const OutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('taken'), backup: AutomaticBackupInfoSchema }),
  z.object({ status: z.literal('unchanged'), backupId: z.string() }),
]) satisfies z.ZodType<ScheduledBackupOutcome>;

const BACKUP_ERROR_CODES = [
  'NOT_JSON',
  'NOT_A_BACKUP',
  'NEWER_FORMAT',
  'NEWER_SCHEMA',
  'INVALID_ROWS',
  'INCONSISTENT',
  'TOO_LARGE',
  'DB_FAILED',
  'NOT_FOUND',
] as const satisfies readonly BackupErrorCode[];

const BackupErrorSchema = z.object({
  code: z.enum(BACKUP_ERROR_CODES),
  message: z.string().min(1),
  issues: z.array(z.string()).optional(),
}) satisfies z.ZodType<BackupError>;

export const BackupWorkerResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: OutcomeSchema }),
  z.object({ ok: z.literal(false), error: BackupErrorSchema }),
]);

export type BackupWorkerResponse = BackupResult<ScheduledBackupOutcome>;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(message)'}: ${issue.message}`).join('; ');
}

/** The failure every worker problem is reported as (the same words as any backup that could not be made). */
export function workerFailure(reason: string): BackupWorkerResponse {
  return { ok: false, error: backupError('DB_FAILED', `The backup could not be made: ${reason}`) };
}

/** Worker side: the request, or the error to answer with. */
export function parseWorkerRequest(raw: unknown): { ok: true; value: BackupWorkerRequest } | { ok: false; response: BackupWorkerResponse } {
  const parsed = BackupWorkerRequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, response: workerFailure(`the backup worker was sent a request it does not understand (${describeIssues(parsed.error)}).`) };
}

/** Main-thread side: the worker's answer as a BackupResult (an answer that does not fit is an error). */
export function parseWorkerResponse(raw: unknown): BackupWorkerResponse {
  const parsed = BackupWorkerResponseSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return workerFailure(`the backup worker answered with something Baton does not understand (${describeIssues(parsed.error)}).`);
}
