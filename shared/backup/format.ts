import { z } from 'zod';
import { HandoffSchema } from '../domain/handoff';
import { HandoffEventSchema } from '../domain/history';
import { IdSchema, IsoDateTimeSchema } from '../domain/ids';
import { WorkspaceSettingsSchema } from '../domain/settings';
import { TemplateSchema } from '../domain/template';
import { OutboxEntrySchema } from '../sync/outbox';

/**
 * The Baton backup file: one JSON document holding every workspace table as
 * the local database stores it, with a header that says which Baton and which
 * database schema wrote it. The HubSpot token is never part of it (it lives
 * in the OS secret store of the main process, never in the renderer).
 */
export const BACKUP_FORMAT = 'baton-backup';
/** Bumped when the file layout itself changes (not when a table's rows change: that is `schemaVersion`). */
export const BACKUP_FORMAT_VERSION = 1;
/** The extension the desktop app registers for backup files. */
export const BACKUP_FILE_EXTENSION = '.batonbackup';
/** Larger files are refused before parsing: a workspace of 50,000 handoffs with history stays far below. */
export const MAX_BACKUP_CHARS = 256 * 1024 * 1024;

/** The tables a backup holds, in the order they are written and restored. Undo slots are session state and are not kept. */
export const BACKUP_TABLES = ['handoffs', 'templates', 'events', 'outbox', 'settings', 'syncState', 'syncMeta'] as const;
export type BackupTableName = (typeof BACKUP_TABLES)[number];

/** settings key of the workspace settings row (mirrors renderer/src/data/settings.ts). */
export const WORKSPACE_SETTINGS_KEY = 'workspace';
/** syncMeta key of the outbox sequence counter (mirrors renderer/src/data/write-support.ts). */
export const OUTBOX_SEQ_META_KEY = 'outboxSeq';

/** A stored template: the template plus the indexable "newest version" flag (schema v2+). */
export const StoredTemplateRowSchema = TemplateSchema.safeExtend({ latest: z.union([z.literal(0), z.literal(1)]) });
export type StoredTemplateRow = z.infer<typeof StoredTemplateRowSchema>;

/** Key/value rows (settings, syncMeta); values are whatever JSON the owner of the key keeps. */
export const KeyValueRowSchema = z.object({ key: z.string().min(1, 'A key cannot be empty').max(200), value: z.unknown() });

/** The workspace settings row is checked against the settings schema; other settings rows are free-form flags. */
export const SettingsRowSchema = KeyValueRowSchema.superRefine((row, ctx) => {
  if (row.key !== WORKSPACE_SETTINGS_KEY) return;
  const parsed = WorkspaceSettingsSchema.safeParse(row.value);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path.map(String)], message: issue.message });
});

export const SyncMetaRowSchema = KeyValueRowSchema.superRefine((row, ctx) => {
  if (row.key === OUTBOX_SEQ_META_KEY && !(typeof row.value === 'number' && Number.isInteger(row.value) && row.value >= 0)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'The outbox counter is a whole number, 0 or more' });
  }
});

/** The three-way-merge base the sync service last agreed with HubSpot about one handoff. */
export const SyncStateRowSchema = z.object({
  handoffId: IdSchema,
  dealId: z.string().max(50).nullable(),
  base: z.record(z.string().max(200), z.string().max(100_000).nullable()).nullable(),
  syncedVersion: z.number().int().nonnegative(),
  syncedAt: IsoDateTimeSchema.nullable(),
});

/** Row schemas of the current database schema, per table. */
export const ROW_SCHEMAS = {
  handoffs: HandoffSchema,
  templates: StoredTemplateRowSchema,
  events: HandoffEventSchema,
  outbox: OutboxEntrySchema,
  settings: SettingsRowSchema,
  syncState: SyncStateRowSchema,
  syncMeta: SyncMetaRowSchema,
} satisfies Record<BackupTableName, z.ZodType>;

export type BackupTables = { [T in BackupTableName]: z.infer<(typeof ROW_SCHEMAS)[T]>[] };

/** Rows as read from a file: objects, not yet checked against their table's schema. */
export type RawTables = Record<BackupTableName, Record<string, unknown>[]>;

const RawRowSchema = z.record(z.string(), z.unknown());

/** The header and the shape of `tables`; rows are checked one by one afterwards so errors can name them. */
export const BackupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  exportedAt: IsoDateTimeSchema,
  appVersion: z.string().min(1).max(100),
  tables: z.object(
    Object.fromEntries(BACKUP_TABLES.map((table) => [table, z.array(RawRowSchema).default([])])) as Record<
      BackupTableName,
      z.ZodDefault<z.ZodArray<typeof RawRowSchema>>
    >,
  ),
});

/** What a backup file holds once read, checked and upgraded to this Baton's schema. */
export interface BackupContents {
  formatVersion: number;
  /** The schema version the file was taken from (before any upgrade). */
  sourceSchemaVersion: number;
  exportedAt: string;
  appVersion: string;
  tables: BackupTables;
}

export type BackupCounts = Record<BackupTableName, number>;

export function countRows(tables: { [T in BackupTableName]: readonly unknown[] }): BackupCounts {
  return Object.fromEntries(BACKUP_TABLES.map((table) => [table, tables[table].length])) as BackupCounts;
}
