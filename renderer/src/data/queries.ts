import { useLiveQuery } from 'dexie-react-hooks';
import { Dexie } from 'dexie';
import { useMemo } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import { indexTemplates, type Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { withoutLatestFlag, type BatonDb } from './db';
import { isDemoPresent } from './workspace';
import { useDb } from './db-context';
import { columnRange } from './column-ranks';
import { compileFilter, needsContext, type BoardFilter, type FilterContext } from './board-filter';
import { isWindowable, loadBoardWindowCards, loadColumnTotal, type ColumnLimits } from './board-window';
import { isSlaBreached } from './sla-breach';
import { loadSettings } from './settings';
import type { UndoEntry } from './undo-entry';
import { peekUndo } from './undo';

export type { BoardFilter } from './board-filter';
export type BoardColumns = Record<HandoffState, Handoff[]>;

/**
 * The board: each column read from the [state+rank] index (already in rank
 * order, no sort), then filtered in memory with a predicate compiled once.
 * Templates and settings are read only when a filter needs them.
 */
export async function loadBoardColumns(db: BatonDb, filter: BoardFilter, now: Date = new Date()): Promise<BoardColumns> {
  return db.transaction('r', [db.handoffs, db.templates, db.settings], async () => {
    let context: FilterContext | null = null;
    if (needsContext(filter)) {
      const [settings, templates] = await Promise.all([loadSettings(db), db.templates.toArray()]);
      context = { settings, now, templates: indexTemplates(templates.map(withoutLatestFlag)).byKey };
    }
    const keep = compileFilter(filter, context, isSlaBreached);
    const columns = await Promise.all(HANDOFF_STATES.map((state) => columnRange(db, state).toArray()));
    const board = {} as BoardColumns;
    HANDOFF_STATES.forEach((state, index) => {
      board[state] = (columns[index] ?? []).filter(keep);
    });
    return board;
  });
}

/** What the board shows: the loaded cards of each column, and each column's total (`null` while it is being counted). */
export interface BoardView {
  columns: BoardColumns;
  totals: Record<HandoffState, number | null>;
}

interface LoadedCards {
  columns: BoardColumns;
  /** Whether `columns` holds every matching card (so the totals are their lengths). */
  whole: boolean;
}

/** One column's total under a windowable filter, once `enabled`; re-counted only when that column changes. */
function useColumnTotal(state: HandoffState, filterKey: string, enabled: boolean): number | null {
  const db = useDb();
  const total = useLiveQuery(
    async () => (enabled ? loadColumnTotal(db, state, JSON.parse(filterKey) as BoardFilter) : null),
    [db, state, filterKey, enabled],
  );
  return total ?? null;
}

/**
 * What the board shows. With `limits` and a filter the indexes can answer, only
 * the first cards of each column are read for the first paint, and the column
 * totals (index counts, which walk every key) are asked for after it, column by
 * column: opening a workspace of 100,000 handoffs paints what opening 1,000
 * does. Otherwise (a search, swimlanes, `limits` null) every matching card is
 * read. `undefined` while loading; each part re-runs when a committed write
 * changes what it read (`old-values-middleware.ts`).
 */
export function useBoardWindow(filter: BoardFilter, limits: ColumnLimits | null, now?: Date): BoardView | undefined {
  const db = useDb();
  const filterKey = JSON.stringify(filter);
  const key = JSON.stringify([filter, limits]);
  const nowMs = now?.getTime() ?? null;
  const loaded = useLiveQuery(async (): Promise<LoadedCards> => {
    const [parsedFilter, parsedLimits] = JSON.parse(key) as [BoardFilter, ColumnLimits | null];
    if (parsedLimits !== null && isWindowable(parsedFilter)) return { columns: await loadBoardWindowCards(db, parsedFilter, parsedLimits), whole: false };
    return { columns: await loadBoardColumns(db, parsedFilter, nowMs === null ? new Date() : new Date(nowMs)), whole: true };
  }, [db, key, nowMs]);
  // A stale result of the previous filter may still be shown while the new one loads: count only for a windowable filter.
  const counting = loaded !== undefined && !loaded.whole && limits !== null && isWindowable(filter);
  const inProgress = useColumnTotal('IN_PROGRESS', filterKey, counting);
  const ready = useColumnTotal('READY_FOR_HANDOFF', filterKey, counting);
  const inHandoff = useColumnTotal('IN_HANDOFF', filterKey, counting);
  const done = useColumnTotal('HANDOFF_DONE', filterKey, counting);
  return useMemo(() => {
    if (loaded === undefined) return undefined;
    if (loaded.whole) {
      const totals = {} as Record<HandoffState, number>;
      for (const state of HANDOFF_STATES) totals[state] = loaded.columns[state].length;
      return { columns: loaded.columns, totals };
    }
    return { columns: loaded.columns, totals: { IN_PROGRESS: inProgress, READY_FOR_HANDOFF: ready, IN_HANDOFF: inHandoff, HANDOFF_DONE: done } };
  }, [loaded, inProgress, ready, inHandoff, done]);
}

/** `undefined` while loading, `null` when there is no such handoff (or no id). */
export function useHandoff(id: string | null): Handoff | undefined | null {
  const db = useDb();
  return useLiveQuery(async () => (id === null ? null : ((await db.handoffs.get(id)) ?? null)), [db, id]);
}

export async function loadHandoffEvents(db: BatonDb, id: string): Promise<HandoffEvent[]> {
  return db.events.where('[handoffId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).reverse().toArray();
}

/** A handoff's history, newest first. */
export function useHandoffEvents(id: string | null): HandoffEvent[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id === null ? [] : loadHandoffEvents(db, id)), [db, id]);
}

export async function loadTemplates(db: BatonDb): Promise<Template[]> {
  const latest = await db.templates.where('latest').equals(1).toArray();
  return latest
    .filter((template) => template.archivedAt === null)
    .map(withoutLatestFlag)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The latest version of each template that is not archived, by name. */
export function useTemplates(): Template[] | undefined {
  const db = useDb();
  return useLiveQuery(() => loadTemplates(db), [db]);
}

/** Every version of one template, newest first (for the template editor's history). */
export function useTemplateVersions(id: string | null): Template[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (id === null ? [] : (await db.templates.where('id').equals(id).toArray()).map(withoutLatestFlag).sort((a, b) => b.version - a.version)),
    [db, id],
  );
}

/** The exact version a handoff was created with. */
export function useTemplateVersion(id: string, version: number): Template | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const stored = await db.templates.get([id, version]);
    return stored ? withoutLatestFlag(stored) : undefined;
  }, [db, id, version]);
}

export function useSettings(): WorkspaceSettings | undefined {
  const db = useDb();
  return useLiveQuery(() => loadSettings(db), [db]);
}

/**
 * Outbox counts stop at this: IndexedDB counts by walking every key, and a
 * backlog of 100,000 changes would hold the database for half a second on
 * every write just to print a number. The UI shows "1,000+".
 */
export const SYNC_COUNT_CAP = 1000;

function cappedOutboxCount(db: BatonDb, status: 'pending' | 'failed'): Promise<number> {
  return db.outbox
    .where('status')
    .equals(status)
    .limit(SYNC_COUNT_CAP)
    .primaryKeys()
    .then((keys) => keys.length);
}

/** Outbox entries still waiting to reach HubSpot, up to SYNC_COUNT_CAP. */
export function usePendingSyncCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => cappedOutboxCount(db, 'pending'), [db]);
}

/** Outbox entries that stopped retrying, up to SYNC_COUNT_CAP. */
export function useFailedSyncCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => cappedOutboxCount(db, 'failed'), [db]);
}

/** What "Undo" would do now (`null` when nothing), for its label. */
export function useUndo(): UndoEntry | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await peekUndo(db)) ?? null, [db]);
}

/** Whether the demo workspace is on the board (for the "Demo workspace" banner). */
export function useDemoPresent(): boolean | undefined {
  const db = useDb();
  return useLiveQuery(() => isDemoPresent(db), [db]);
}
