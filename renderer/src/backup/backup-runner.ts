import type { BatonDb } from '../data/db';
import type { BackupsDb } from './backups-db';
import { parseWorkerResponse, workerFailure, type BackupWorkerRequest, type BackupWorkerResponse } from './backup-protocol';
import { runScheduledBackup, type ScheduledBackupJob } from './scheduled-backup';

/** Runs one scheduled backup somewhere and says how it went. */
export type BackupJobRunner = (job: ScheduledBackupJob) => Promise<BackupWorkerResponse>;

/** The part of a Worker the runner uses (tests hand in a stand-in). */
export interface BackupWorkerPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/**
 * A module worker for one backup, or null where the platform has none (jsdom
 * tests). The `new Worker(new URL(…, import.meta.url))` form is what Vite
 * recognises to build the worker as its own chunk.
 */
export function startBackupWorker(): BackupWorkerPort | null {
  if (typeof Worker !== 'function') return null;
  return new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module', name: 'baton-backup' });
}

/** The message of an ErrorEvent or an exception (a DOMException is not always an Error). */
function messageOf(value: unknown, otherwise: string): string {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string' && value.message !== '' ? value.message : otherwise;
}

/** How long a backup may run in the worker before it is given up for this time (a blocked upgrade, a hung worker). */
export const WORKER_TIMEOUT_MS = 10 * 60 * 1000;

/** A worker's answer, or the sign that workers cannot run here at all (so the backup runs in this thread). */
type WorkerOutcome = { kind: 'answer'; response: BackupWorkerResponse } | { kind: 'unavailable' };

/** Sends one request and settles on the first answer, failure or timeout; the worker is ended either way (its memory goes with it). */
function askWorker(worker: BackupWorkerPort, request: BackupWorkerRequest, timeoutMs: number): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: WorkerOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const answer = (response: BackupWorkerResponse): void => settle({ kind: 'answer', response });
    const timer = setTimeout(() => answer(workerFailure(`the background backup did not finish within ${Math.round(timeoutMs / 60_000)} minutes, so it was stopped; the next check tries again.`)), timeoutMs);
    worker.addEventListener('message', (event) => answer(parseWorkerResponse((event as MessageEvent).data)));
    worker.addEventListener('messageerror', () => answer(workerFailure('the backup worker’s answer could not be read.')));
    worker.addEventListener('error', (event) => {
      // Reported as a failed backup instead of an uncaught error.
      event.preventDefault();
      // A module worker whose script cannot load reports a plain Event, without a message.
      if (messageOf(event, '') === '') settle({ kind: 'unavailable' });
      else answer(workerFailure(`the background backup worker stopped (${messageOf(event, '')}).`));
    });
    worker.postMessage(request);
  });
}

export interface BackupRunnerOptions {
  startWorker?: () => BackupWorkerPort | null;
  timeoutMs?: number;
}

/**
 * Runs scheduled backups in a Web Worker (a fresh one per backup), so reading,
 * serialising and compressing a large workspace never blocks the window. Where
 * workers cannot run at all — no Worker support, or one that cannot start or
 * load its script (a platform or policy refusing it) — backups run here, on the
 * same databases, for the rest of the session: a backup that freezes the window
 * for a moment beats no backup at all.
 */
export function createBackupRunner(db: BatonDb, backups: BackupsDb, options: BackupRunnerOptions = {}): BackupJobRunner {
  const startWorker = options.startWorker ?? startBackupWorker;
  let inThisThread = false;
  return async (job) => {
    if (!inThisThread) {
      let worker: BackupWorkerPort | null;
      try {
        worker = startWorker();
      } catch {
        worker = null;
      }
      if (worker !== null) {
        const outcome = await askWorker(worker, { type: 'scheduled-backup', dbName: db.name, backupsDbName: backups.name, job }, options.timeoutMs ?? WORKER_TIMEOUT_MS);
        if (outcome.kind === 'answer') return outcome.response;
      }
      inThisThread = true;
    }
    return runScheduledBackup(db, backups, job);
  };
}
