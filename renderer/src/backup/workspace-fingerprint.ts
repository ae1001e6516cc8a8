import { z } from 'zod';
import { BACKUP_TABLES, type BackupCounts, type BackupTableName } from '../../../shared/backup/format';
import type { BatonDb } from '../data/db';
import { backupTables } from './export-workspace';

/**
 * A cheap summary of the workspace, read from indexes only (no row is loaded):
 * the schema version, the row count of every backed-up table, and the newest
 * value of each ever-growing index (handoff `updatedAt`, event `at`, outbox
 * `seq`). Every handoff change bumps `updatedAt` and appends an event, and
 * every template change adds a version row, so the summary changes with them.
 * This file only measures; backup-freshness.ts decides what the summary means.
 */
/** Rows per backed-up table (as stored with every automatic backup). */
export const BackupCountsSchema = z.object(
  Object.fromEntries(BACKUP_TABLES.map((table) => [table, z.number().int().nonnegative()])) as Record<BackupTableName, z.ZodNumber>,
);

export const WorkspaceFingerprintSchema = z.object({
  schemaVersion: z.number().int(),
  counts: BackupCountsSchema,
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

/** Reads the fingerprint in one read transaction (a consistent view, like the export). */
export async function readWorkspaceFingerprint(db: BatonDb): Promise<WorkspaceFingerprint> {
  return db.transaction('r', backupTables(db), async () => {
    const counts = {} as BackupCounts;
    for (const table of BACKUP_TABLES) counts[table] = await db.table(table).count();
    return {
      schemaVersion: db.verno,
      counts,
      newestHandoffUpdate: asString(await db.handoffs.orderBy('updatedAt').lastKey()),
      newestEventAt: asString(await db.events.orderBy('at').lastKey()),
      newestOutboxSeq: asNumber(await db.outbox.orderBy('seq').lastKey()),
    };
  });
}
