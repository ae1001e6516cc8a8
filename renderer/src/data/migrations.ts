import type { Dexie, Transaction } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import { legacyLog } from '../../../shared/sync/fold';
import { replayRow } from './replay-row';
import { countColumns } from './column-counts';
import { HANDOFF_STATES } from '../../../shared/domain/states';

/**
 * Every schema version Baton has ever shipped, oldest first. Versions are only
 * ever ADDED to the end of this list: a user's database may be at any of them,
 * and Dexie needs the whole chain to upgrade it step by step. Never edit or
 * remove an entry once it has shipped; `migrations.test.ts` checks the order
 * and upgrades a database from every version to the latest.
 */
export interface Migration {
  version: number;
  /** Why this version exists, for the next person adding one. */
  description: string;
  /** Dexie store definitions (primary key first, then indexes); `null` deletes a table. */
  stores: Record<string, string | null>;
  /** Data transformation run inside the upgrade transaction, if the version needs one. */
  upgrade?: (tx: Transaction) => Promise<void>;
  /**
   * The upgrade only fills a table derived from the others, which backups do not hold and a
   * restore's own writes keep (so a backup's rows need no upgrade step for it).
   */
  derivedOnly?: true;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'First schema: handoffs, versioned templates, history, outbox, settings, sync state, undo slots.',
    stores: {
      // [state+rank] answers "one board column, in order" from the index alone.
      handoffs: 'id, state, [state+rank], templateId, receiver, sender, client.name, updatedAt, archivedAt',
      templates: '[id+version], id',
      events: 'id, handoffId, at',
      outbox: 'id, &seq, handoffId, status',
      settings: 'key',
      syncState: 'handoffId',
      syncMeta: 'key',
      undo: 'id',
    },
  },
  {
    version: 2,
    description:
      'Templates get a `latest` flag (0|1, indexable) so the template list reads one index instead of ' +
      'grouping every version; events get [handoffId+at] so a card history is read newest-first from the index.',
    stores: {
      templates: '[id+version], id, latest',
      events: 'id, handoffId, [handoffId+at], at',
    },
    upgrade: async (tx) => {
      const templates = tx.table<{ id: string; version: number; latest?: 0 | 1 }, [string, number]>('templates');
      const all = await templates.toArray();
      const newest = new Map<string, number>();
      for (const template of all) {
        newest.set(template.id, Math.max(newest.get(template.id) ?? 0, template.version));
      }
      await templates.toCollection().modify((template) => {
        template.latest = newest.get(template.id) === template.version ? 1 : 0;
      });
    },
  },
  {
    version: 3,
    description:
      'Handoffs get [state+archivedAt] so the board counts a column\'s archived cards from the index alone ' +
      '(live handoffs have archivedAt null and are not in it): the board opens by reading only what it shows. ' +
      '[receiver+state] and [sender+state] let notifications read my open handoffs without my finished ones.',
    stores: {
      handoffs: 'id, state, [state+rank], templateId, receiver, sender, client.name, updatedAt, archivedAt, [state+archivedAt], [receiver+state], [sender+state]',
    },
  },
  {
    version: 4,
    description:
      'Team handoffs: `replays` keeps, per history event, how another desktop re-does it (the command, or the fields it set) ' +
      'and its causal position, so the whole handoff travels in its HubSpot record and every desktop folds the same history. ' +
      'History written before this version gets the legacy form (every event a step, the last one the whole record).',
    stores: { replays: 'eventId, handoffId' },
    upgrade: async (tx) => {
      const handoffs = await tx.table<Handoff, string>('handoffs').toArray();
      const events = await tx.table<HandoffEvent, string>('events').toArray();
      const byHandoff = new Map<string, HandoffEvent[]>();
      for (const event of events) byHandoff.set(event.handoffId, [...(byHandoff.get(event.handoffId) ?? []), event]);
      const rows = handoffs.flatMap((handoff) => legacyLog(handoff, byHandoff.get(handoff.id) ?? []).map((entry) => replayRow(handoff.id, entry)));
      await tx.table('replays').bulkPut(rows);
    },
  },
  {
    version: 5,
    description:
      'The change log: one row per write to a backed-up table, committed with the write, so a backup reads the workspace ' +
      'in short transactions (a card move no longer waits seconds for a backup to finish reading) and still gets it exactly.',
    stores: { changeLog: '++seq, at' },
  },
  {
    version: 6,
    description:
      'Column counts: each column\'s number of handoffs (and of archived ones), kept by every handoff write in its own ' +
      'transaction, so the board reads a total instead of counting an index (which walked 25,000 keys per column at 100k, ' +
      'and a write waited for it). Counted once here.',
    stores: { columnCounts: 'state' },
    derivedOnly: true,
    upgrade: async (tx) => {
      const rows = await tx.table<Handoff, string>('handoffs').toArray();
      await tx.table('columnCounts').bulkPut(countColumns(rows, HANDOFF_STATES));
    },
  },
];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.reduce((max, migration) => Math.max(max, migration.version), 0);

/**
 * Declares the versions up to `upTo` on a Dexie instance (all of them by default).
 * Tests pass a lower `upTo` to create a database as an older Baton would have.
 */
export function declareMigrations(db: Dexie, upTo: number = LATEST_SCHEMA_VERSION): void {
  for (const migration of MIGRATIONS) {
    if (migration.version > upTo) break;
    const version = db.version(migration.version).stores(migration.stores);
    const upgrade = migration.upgrade;
    if (upgrade) version.upgrade((tx) => upgrade(tx));
  }
}
