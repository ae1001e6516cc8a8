import { z } from 'zod';
import { BACKUP_TABLES, type BackupTableName } from '../../../shared/backup/format';
import type { BatonDb } from '../data/db';
import { backupTables } from './workspace-snapshot';

/**
 * A cheap summary of the workspace, read from the ends of indexes only (no row
 * is loaded, nothing is counted): the schema version, the newest change-log
 * key, and the newest value of each ever-growing index (handoff `updatedAt`,
 * event `at`, outbox `seq`). Every write to a backed-up table adds a
 * change-log row in its own transaction (change-log.ts), and the newest row
 * is never pruned, so the summary changes with every write, whoever made it.
 * The other three make a database that was deleted and built again (whose
 * log starts over) unlikely to match an old summary by chance. Row counts
 * were part of it once: at 100,000 handoffs counting took 0.6–0.9 s, and a
 * write had to wait for it. This file only measures; backup-freshness.ts
 * decides what the summary means.
 */
/** Rows per backed-up table (as stored with every automatic backup). */
export const BackupCountsSchema = z.object(
  Object.fromEntries(BACKUP_TABLES.map((table) => [table, z.number().int().nonnegative()])) as Record<BackupTableName, z.ZodNumber>,
);

export const WorkspaceFingerprintSchema = z.object({
  schemaVersion: z.number().int(),
  lastChange: z.number().nullable(),
  newestHandoffUpdate: z.string().nullable(),
  newestEventAt: z.string().nullable(),
  newestOutboxSeq: z.number().nullable(),
});

export type WorkspaceFingerprint = z.infer<typeof WorkspaceFingerprintSchema>;

function asString(key: unknown): string | null {
  return typeof key === 'string' ? key : null;
}

function asNumber(key: unknown): number | null {
  return typeof key === 'number' ? key : null;
}

/** Reads the fingerprint in one short read transaction (a consistent view). */
export async function readWorkspaceFingerprint(db: BatonDb): Promise<WorkspaceFingerprint> {
  return db.transaction('r', [...backupTables(db), db.changeLog], async () => {
    return {
      schemaVersion: db.verno,
      lastChange: asNumber(await db.changeLog.orderBy(':id').lastKey()),
      newestHandoffUpdate: asString(await db.handoffs.orderBy('updatedAt').lastKey()),
      newestEventAt: asString(await db.events.orderBy('at').lastKey()),
      newestOutboxSeq: asNumber(await db.outbox.orderBy('seq').lastKey()),
    };
  });
}
