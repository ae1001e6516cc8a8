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

/** Sends one request and settles on the first answer or failure; the worker is ended either way (its memory goes with it). */
function askWorker(worker: BackupWorkerPort, request: BackupWorkerRequest): Promise<BackupWorkerResponse> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (response: BackupWorkerResponse): void => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(response);
    };
    worker.addEventListener('message', (event) => settle(parseWorkerResponse((event as MessageEvent).data)));
    worker.addEventListener('messageerror', () => settle(workerFailure('the backup worker’s answer could not be read.')));
    worker.addEventListener('error', (event) => {
      // Reported to the user as a failed backup instead of an uncaught error.
      event.preventDefault();
      settle(workerFailure(`the background backup worker stopped (${messageOf(event, 'its script could not be loaded')}).`));
    });
    worker.postMessage(request);
  });
}

/**
 * Runs scheduled backups in a Web Worker (a fresh one per backup), so reading,
 * serialising and compressing a large workspace never blocks the window.
 * Without Worker support it runs them here, on the same databases.
 */
export function createBackupRunner(db: BatonDb, backups: BackupsDb, startWorker: () => BackupWorkerPort | null = startBackupWorker): BackupJobRunner {
  return async (job) => {
    let worker: BackupWorkerPort | null;
    try {
      worker = startWorker();
    } catch (error) {
      return workerFailure(`the background backup worker could not be started (${messageOf(error, String(error))}).`);
    }
    if (worker === null) return runScheduledBackup(db, backups, job);
    return askWorker(worker, { type: 'scheduled-backup', dbName: db.name, backupsDbName: backups.name, job });
  };
}
