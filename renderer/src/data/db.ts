import { Dexie, type Table } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { Template } from '../../../shared/domain/template';
import type { OutboxEntry } from '../../../shared/sync/outbox';
import { dataError, type DataError } from './data-errors';
import { declareMigrations } from './migrations';
import { oldValuesMiddleware } from './old-values-middleware';
import { changeLogMiddleware } from './change-log-middleware';
import { columnCountsMiddleware } from './column-counts-middleware';
import type { ColumnCountRow } from './column-counts';
import type { ChangeLogRow } from './change-log';
import type { UndoEntry } from './undo-entry';
import type { ReplayRow } from './replay-row';

/** Templates are stored per version; `latest` (0|1, since booleans are not indexable) marks the newest. */
export type StoredTemplate = Template & { latest: 0 | 1 };

/** The template itself, without the storage-only `latest` flag. */
export function withoutLatestFlag(stored: StoredTemplate): Template {
  const { latest: _latest, ...template } = stored;
  return template;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** What the sync service last agreed with HubSpot about one handoff (the three-way-merge base). */
export interface SyncStateRow {
  handoffId: string;
  dealId: string | null;
  base: Record<string, string | null> | null;
  syncedVersion: number;
  syncedAt: string | null;
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'baton';

/** Something is wrong with the database connection that the user must act on (another window). */
export type ConnectionIssueListener = (issue: DataError | null) => void;

export class BatonDb extends Dexie {
  // `declare` rather than fields: class fields would overwrite the table
  // properties Dexie installs in the constructor.
  declare handoffs: Table<Handoff, string>;
  declare templates: Table<StoredTemplate, [string, number]>;
  declare events: Table<HandoffEvent, string>;
  declare outbox: Table<OutboxEntry, string>;
  declare settings: Table<SettingRow, string>;
  declare syncState: Table<SyncStateRow, string>;
  declare syncMeta: Table<SyncMetaRow, string>;
  declare undo: Table<UndoEntry, string>;
  declare replays: Table<ReplayRow, string>;
  declare changeLog: Table<ChangeLogRow, number>;
  declare columnCounts: Table<ColumnCountRow, string>;

  /** The last connection problem, if any (cleared when the database opens normally). */
  connectionIssue: DataError | null = null;
  private readonly issueListeners = new Set<ConnectionIssueListener>();

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    declareMigrations(this);
    // So a write re-runs only the live queries (column counts) whose index keys it changed.
    this.use(oldValuesMiddleware);
    // So a backup can read the workspace in short transactions and still be exact (change-log.ts).
    this.use(changeLogMiddleware);
    // So the board reads each column's total instead of counting it (column-counts.ts).
    this.use(columnCountsMiddleware);
    this.on('blocked', () => {
      this.reportIssue(
        dataError(
          'DB_BLOCKED',
          'Baton is waiting to upgrade its local database because another Baton window is still open with the old version. Close the other window to continue.',
        ),
      );
    });
    this.on('versionchange', () => {
      // Another window opened a newer schema. Dexie's own handler closes this connection
      // so the upgrade can proceed; tell the user why writes stop here instead of failing
      // mysteriously (the next write reports DB_VERSION_CHANGED too).
      this.reportIssue(
        dataError('DB_VERSION_CHANGED', 'Baton was updated in another window. Reload this window to keep working with your latest data.'),
      );
    });
    this.on('ready', () => {
      // The blocked upgrade went through: the banner can go.
      if (this.connectionIssue?.code === 'DB_BLOCKED') this.reportIssue(null);
    });
  }

  /** Subscribes to connection issues (blocked upgrade, version change; `null` when one clears); returns the unsubscribe function. */
  onConnectionIssue(listener: ConnectionIssueListener): () => void {
    this.issueListeners.add(listener);
    return () => {
      this.issueListeners.delete(listener);
    };
  }

  private reportIssue(issue: DataError | null): void {
    this.connectionIssue = issue;
    for (const listener of this.issueListeners) listener(issue);
  }

  /**
   * Every table of the workspace, for transactions that must see all of them (a restore). Not the change
   * log: a restore's own writes are logged there, and a backup reading meanwhile needs those rows.
   */
  get allTables(): Table[] {
    return [this.handoffs, this.templates, this.events, this.outbox, this.settings, this.syncState, this.syncMeta, this.undo, this.replays];
  }
}

export function openBatonDb(name: string = DEFAULT_DB_NAME): BatonDb {
  return new BatonDb(name);
}
