import { Dexie, type ObservabilitySet } from 'dexie';
import { touchesBackedUpTable } from './backup-freshness';

/**
 * Whether the workspace was written to since the last automatic backup started.
 *
 * Dexie fires the global `storagemutated` event after every committed write
 * transaction — in this window, and (through a BroadcastChannel) in every
 * other window or worker of the same origin. Which writes count as a change
 * of the workspace is decided in backup-freshness.ts, with the rest of
 * "does today's backup still hold the workspace?"; this file only listens.
 */
export interface WorkspaceChangeWatch {
  isDirty(): boolean;
  /** Called when a backup starts: writes committed from now on make it dirty again. */
  markClean(): void;
  /** Called when a backup failed: what it was to hold is still not backed up. */
  markDirty(): void;
  stop(): void;
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
