import { openBatonDb, type BatonDb } from '../data/db';
import { toDataError } from '../data/data-errors';
import { openBackupsDb, type BackupsDb } from './backups-db';
import { parseWorkerRequest, workerFailure, type BackupWorkerRequest, type BackupWorkerResponse } from './backup-protocol';
import { runScheduledBackup } from './scheduled-backup';

/** The worker's side of the backup protocol, kept apart from the worker entry so tests can drive it. */

export interface WorkerDatabases {
  db: BatonDb;
  backups: BackupsDb;
}

/** The same IndexedDB databases the window uses, opened by name (IndexedDB and Dexie work in workers). */
export function openDatabasesByName(request: BackupWorkerRequest): WorkerDatabases {
  return { db: openBatonDb(request.dbName), backups: openBackupsDb(request.backupsDbName) };
}

/**
 * Answers one request. Every failure — a request that does not fit, a
 * database that refuses, an exception — is answered as a BackupResult error.
 * The connections are closed afterwards: they must not hold up a schema
 * upgrade in another window between backups.
 */
export async function handleBackupRequest(raw: unknown, open: (request: BackupWorkerRequest) => WorkerDatabases = openDatabasesByName): Promise<BackupWorkerResponse> {
  const request = parseWorkerRequest(raw);
  if (!request.ok) return request.response;
  let databases: WorkerDatabases | null = null;
  try {
    databases = open(request.value);
    return await runScheduledBackup(databases.db, databases.backups, request.value.job);
  } catch (error) {
    return workerFailure(toDataError(error).message);
  } finally {
    databases?.db.close();
    databases?.backups.close();
  }
}

/** The part of a worker's global scope the handler uses. */
export interface WorkerMessageScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
}

export function serveBackupRequests(scope: WorkerMessageScope, open?: (request: BackupWorkerRequest) => WorkerDatabases): void {
  scope.addEventListener('message', (event) => {
    void handleBackupRequest(event.data, open).then((response) => scope.postMessage(response));
  });
}
