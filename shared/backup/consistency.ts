import { indexTemplates, templateKey } from '../domain/template';
import { OUTBOX_SEQ_META_KEY, type BackupTables } from './format';

function duplicates<T>(rows: readonly T[], keyOf: (row: T) => string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return [...repeated];
}

/**
 * Checks the rows of a backup against each other (each row already passed its
 * own schema): unique keys, every reference resolvable, counters ahead of the
 * rows they number. A restore that skipped these would fail half-way inside
 * IndexedDB or leave cards whose gates can never be checked.
 * Returns one line per problem; empty when the backup is consistent.
 */
export function checkConsistency(tables: BackupTables): string[] {
  const problems: string[] = [];
  const unique = (table: string, what: string, keys: string[]): void => {
    for (const key of keys) problems.push(`${table}: ${what} ${JSON.stringify(key)} appears more than once`);
  };
  unique('handoffs', 'id', duplicates(tables.handoffs, (row) => row.id));
  unique('templates', 'template version', duplicates(tables.templates, (row) => templateKey(row.id, row.version)));
  unique('events', 'id', duplicates(tables.events, (row) => row.id));
  unique('outbox', 'id', duplicates(tables.outbox, (row) => row.id));
  unique('outbox', 'seq', duplicates(tables.outbox, (row) => String(row.seq)));
  unique('settings', 'key', duplicates(tables.settings, (row) => row.key));
  unique('syncState', 'handoffId', duplicates(tables.syncState, (row) => row.handoffId));
  unique('syncMeta', 'key', duplicates(tables.syncMeta, (row) => row.key));

  const templates = indexTemplates(tables.templates);
  for (const template of tables.templates) {
    const newest = templates.latest.get(template.id)?.version;
    const shouldBeLatest = newest === template.version;
    if (shouldBeLatest !== (template.latest === 1)) {
      problems.push(
        `templates: template ${JSON.stringify(template.id)} version ${template.version} is ${template.latest === 1 ? 'marked' : 'not marked'} as the newest version, but ${newest} is`,
      );
    }
  }

  for (const handoff of tables.handoffs) {
    if (templates.forHandoff(handoff) === undefined) {
      problems.push(`handoffs: ${JSON.stringify(handoff.id)} uses template ${JSON.stringify(handoff.templateId)} version ${handoff.templateVersion}, which is not in the backup`);
    }
  }
  const handoffIds = new Set(tables.handoffs.map((row) => row.id));
  const dangling = <R extends { handoffId: string }>(table: string, rows: readonly R[], what: (row: R) => string): void => {
    for (const row of rows) {
      if (!handoffIds.has(row.handoffId)) problems.push(`${table}: ${what(row)} belongs to handoff ${JSON.stringify(row.handoffId)}, which is not in the backup`);
    }
  };
  dangling('events', tables.events, (row) => `event ${JSON.stringify(row.id)}`);
  dangling('outbox', tables.outbox, (row) => `entry ${JSON.stringify(row.id)}`);
  dangling('syncState', tables.syncState, () => 'a sync record');

  const maxSeq = tables.outbox.reduce((max, entry) => Math.max(max, entry.seq), 0);
  const counterRow = tables.syncMeta.find((row) => row.key === OUTBOX_SEQ_META_KEY);
  const counter = typeof counterRow?.value === 'number' ? counterRow.value : 0;
  if (counter < maxSeq) {
    problems.push(`syncMeta: the outbox counter (${counter}) is behind the highest outbox seq (${maxSeq}), so new changes would collide`);
  }
  return problems;
}
