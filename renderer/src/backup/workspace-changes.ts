import { Dexie, type ObservabilitySet } from 'dexie';
import { BACKUP_TABLES } from '../../../shared/backup/format';

/**
 * Whether the workspace changed since the last automatic backup started.
 *
 * Dexie fires the global `storagemutated` event after every committed write
 * transaction — in this window, and (through a BroadcastChannel) in every
 * other window or worker of the same origin. Its keys name the database and
 * table that changed (`idb://<db>/<table>/<index>`), so a write to a table the
 * backup holds marks the workspace dirty; writes to `undo` (not backed up)
 * and to the backups database itself (the backup's own writes) do not.
 */
export interface WorkspaceChangeWatch {
  isDirty(): boolean;
  /** Called when a backup starts: writes committed from now on make it dirty again. */
  markClean(): void;
  /** Called when a backup failed: what it was to hold is still not backed up. */
  markDirty(): void;
  stop(): void;
}

const BACKED_UP_TABLES: ReadonlySet<string> = new Set(BACKUP_TABLES);

/** True when the mutated parts include a table of database `dbName` that backups hold. */
export function touchesBackedUpTable(parts: ObservabilitySet, dbName: string): boolean {
  const prefix = `idb://${dbName}/`;
  return Object.keys(parts).some((part) => {
    if (!part.startsWith(prefix)) return false;
    const rest = part.slice(prefix.length);
    const slash = rest.indexOf('/');
    return BACKED_UP_TABLES.has(slash === -1 ? rest : rest.slice(0, slash));
  });
}

/**
 * Starts watching `dbName`. `onBecameDirty` runs on each clean → dirty change
 * (to remember the change across app restarts). The watch starts clean: the
 * start-up check compares the workspace with the stored backup instead.
 */
export function watchWorkspaceChanges(dbName: string, onBecameDirty?: () => void): WorkspaceChangeWatch {
  let dirty = false;
  const becomeDirty = (): void => {
    if (dirty) return;
    dirty = true;
    onBecameDirty?.();
  };
  const listener = (parts: ObservabilitySet): void => {
    if (touchesBackedUpTable(parts, dbName)) becomeDirty();
  };
  Dexie.on('storagemutated', listener);
  return {
    isDirty: () => dirty,
    markClean: () => {
      dirty = false;
    },
    markDirty: becomeDirty,
    stop: () => Dexie.on('storagemutated').unsubscribe(listener),
  };
}
