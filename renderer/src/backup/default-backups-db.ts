import { openBackupsDb, type BackupsDb } from './backups-db';

let shared: BackupsDb | null = null;

/** The app's one connection to `baton-backups`, opened on first use. */
export function defaultBackupsDb(): BackupsDb {
  shared ??= openBackupsDb();
  return shared;
}
