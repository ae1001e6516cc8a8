import { BACKUP_TABLES, type RawTables } from './format';

/**
 * Pure row upgrades for backups taken from an older database schema: the
 * same data changes the Dexie migrations (renderer/src/data/migrations.ts)
 * make inside their upgrade transactions, written as functions over plain
 * rows so a backup file can be brought up to date before it is checked and
 * restored. One entry per schema version that changes data; versions that
 * only add indexes need none. Rows are still unchecked here: an upgrade
 * leaves anything it does not understand alone for the row schemas to report.
 */
export interface RowUpgrade {
  /** The schema version this upgrade produces (from `toVersion - 1`). */
  toVersion: number;
  description: string;
  upgrade(tables: RawTables): RawTables;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** v2: templates get `latest` (1 on the newest version of each template id, else 0). */
export function flagLatestTemplates(templates: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const newest = new Map<unknown, number>();
  for (const template of templates) {
    const version = numberOrNull(template['version']);
    if (version === null) continue;
    newest.set(template['id'], Math.max(newest.get(template['id']) ?? Number.NEGATIVE_INFINITY, version));
  }
  return templates.map((template) => ({ ...template, latest: newest.get(template['id']) === template['version'] ? 1 : 0 }));
}

export const ROW_UPGRADES: readonly RowUpgrade[] = [
  {
    toVersion: 2,
    description: 'Templates get the `latest` flag; events only gain an index (no data change).',
    upgrade: (tables) => ({ ...tables, templates: flagLatestTemplates(tables.templates) }),
  },
  {
    toVersion: 4,
    description:
      'The database gains `replays` (how other desktops re-do each history event). A backup does not hold them: they are ' +
      'derived from the history on the next sync (renderer/src/sync: localLogOf, the legacy form), so backup rows are unchanged.',
    upgrade: (tables) => ({ ...tables }),
  },
];

/** Schema versions whose Dexie migration changes no data, only stores/indexes (kept in step with MIGRATIONS by a test). */
export const INDEX_ONLY_VERSIONS: readonly number[] = [
  // v3: [state+archivedAt], [receiver+state], [sender+state] on handoffs; rows are unchanged.
  3,
  // v5: the change log, which backups do not hold; the backed-up rows are unchanged.
  5,
  // v6: the column counts, which backups do not hold (a restore's writes keep them); the backed-up rows are unchanged.
  6,
];


/** Runs every row upgrade after `fromVersion` up to and including `toVersion`, in order. */
export function upgradeRows(tables: RawTables, fromVersion: number, toVersion: number): RawTables {
  let upgraded: RawTables = { ...tables };
  for (const step of [...ROW_UPGRADES].sort((a, b) => a.toVersion - b.toVersion)) {
    if (step.toVersion > fromVersion && step.toVersion <= toVersion) upgraded = step.upgrade(upgraded);
  }
  for (const table of BACKUP_TABLES) upgraded[table] ??= [];
  return upgraded;
}
