import type { z } from 'zod';
import { backupError, type BackupError, type BackupResult } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  BackupEnvelopeSchema,
  MAX_BACKUP_CHARS,
  ROW_SCHEMAS,
  type BackupContents,
  type BackupTableName,
  type BackupTables,
  type RawTables,
} from './format';
import { checkConsistency } from './consistency';
import { upgradeRows } from './upgrade';

/** At most this many problem lines are listed; the message says how many there were. */
const MAX_LISTED_ISSUES = 50;
/** A hand-edited file can hold megabyte-long keys: a problem line never echoes more than this. */
const MAX_ISSUE_CHARS = 300;

function clip(line: string): string {
  return line.length > MAX_ISSUE_CHARS ? `${line.slice(0, MAX_ISSUE_CHARS)}…` : line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** How a row is named in messages: its position and its key, e.g. `handoffs row 3 (id "h-3")`. */
export function rowLabel(table: BackupTableName, index: number, row: Record<string, unknown>): string {
  const position = `${table} row ${index + 1}`;
  if (table === 'templates' && row['id'] !== undefined) return `${position} (template ${quoted(row['id'])} version ${quoted(row['version'])})`;
  for (const key of ['id', 'key', 'handoffId'] as const) {
    if (row[key] !== undefined) return `${position} (${key} ${quoted(row[key])})`;
  }
  return position;
}

function issueLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(row)'}: ${issue.message}`);
}

export function listIssues(code: 'INVALID_ROWS' | 'INCONSISTENT', lead: string, issues: string[]): BackupError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map(clip);
  const more = issues.length > listed.length ? ` (${issues.length - listed.length} more not listed)` : '';
  return backupError(code, `${lead} ${issues.length === 1 ? 'One problem' : `${issues.length} problems`}${more}; the first: ${listed[0] ?? ''}`, listed);
}

function validateRows(raw: RawTables): BackupResult<BackupTables> {
  const issues: string[] = [];
  const tables: Record<string, unknown[]> = {};
  for (const table of BACKUP_TABLES) {
    const schema: z.ZodType = ROW_SCHEMAS[table];
    tables[table] = raw[table].map((row, index) => {
      const parsed = schema.safeParse(row);
      if (parsed.success) return parsed.data;
      for (const line of issueLines(parsed.error)) issues.push(`${rowLabel(table, index, row)}: ${line}`);
      return null;
    });
  }
  if (issues.length > 0) return { ok: false, error: listIssues('INVALID_ROWS', 'The backup was not restored: some rows are damaged or were edited by hand.', issues) };
  // Every row passed its own table's schema just above.
  return { ok: true, value: tables as BackupTables };
}

function parseJson(text: string): BackupResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: backupError('NOT_JSON', `This file is not a readable Baton backup: it is not valid JSON (${detail}). It may be truncated or not a backup at all.`),
    };
  }
}

/**
 * Reads a backup file: parses it, refuses files from a newer Baton, upgrades
 * rows from an older database schema to `currentSchemaVersion` and checks
 * every row and the rows against each other. Nothing is written anywhere;
 * the caller restores the returned contents only when this succeeds.
 */
export function readBackup(text: string, currentSchemaVersion: number): BackupResult<BackupContents> {
  if (text.length > MAX_BACKUP_CHARS) {
    return { ok: false, error: backupError('TOO_LARGE', `This file is ${Math.round(text.length / 1024 / 1024)} MB; Baton reads backups of at most ${MAX_BACKUP_CHARS / 1024 / 1024} MB.`) };
  }
  const json = parseJson(text);
  if (!json.ok) return json;
  const document = json.value;
  if (!isRecord(document) || document['format'] !== BACKUP_FORMAT) {
    return { ok: false, error: backupError('NOT_A_BACKUP', `This file is JSON but not a Baton backup (it has no "format": "${BACKUP_FORMAT}" header).`) };
  }
  const formatVersion = document['formatVersion'];
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      error: backupError('NEWER_FORMAT', `This backup was written by a newer Baton (backup format ${formatVersion}; this Baton reads up to ${BACKUP_FORMAT_VERSION}). Update Baton, then restore it.`),
    };
  }
  const schemaVersion = document['schemaVersion'];
  if (typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion > currentSchemaVersion) {
    return {
      ok: false,
      error: backupError(
        'NEWER_SCHEMA',
        `This backup comes from a newer Baton (database version ${schemaVersion}; this Baton knows up to version ${currentSchemaVersion}). Update Baton, then restore it.`,
      ),
    };
  }
  const envelope = BackupEnvelopeSchema.safeParse(document);
  if (!envelope.success) {
    const first = envelope.error.issues[0];
    const where = first === undefined ? '' : ` (${first.path.map(String).join('.') || 'header'}: ${first.message})`;
    return { ok: false, error: backupError('NOT_A_BACKUP', `This Baton backup's header is damaged${where}, so it cannot be restored.`) };
  }
  const header = envelope.data;
  const upgraded = upgradeRows(header.tables, header.schemaVersion, currentSchemaVersion);
  const rows = validateRows(upgraded);
  if (!rows.ok) return rows;
  const consistency = checkConsistency(rows.value);
  if (consistency.length > 0) {
    return { ok: false, error: listIssues('INCONSISTENT', 'The backup was not restored: its rows contradict each other.', consistency) };
  }
  return {
    ok: true,
    value: {
      formatVersion: header.formatVersion,
      sourceSchemaVersion: header.schemaVersion,
      exportedAt: header.exportedAt,
      appVersion: header.appVersion,
      tables: rows.value,
    },
  };
}
