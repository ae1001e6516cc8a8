import { useLiveQuery } from 'dexie-react-hooks';
import { Dexie } from 'dexie';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import { templateKey, type Template } from '../../../shared/domain/template';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { withoutLatestFlag, type BatonDb } from './db';
import { isDemoPresent } from './workspace';
import { useDb } from './db-context';
import { columnRange } from './column-ranks';
import { compileFilter, needsContext, type BoardFilter, type FilterContext } from './board-filter';
import { isStalled } from './stalled';
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
      context = { settings, now, templates: new Map(templates.map((template) => [templateKey(template.id, template.version), withoutLatestFlag(template)])) };
    }
    const keep = compileFilter(filter, context, isStalled);
    const columns = await Promise.all(HANDOFF_STATES.map((state) => columnRange(db, state).toArray()));
    const board = {} as BoardColumns;
    HANDOFF_STATES.forEach((state, index) => {
      board[state] = (columns[index] ?? []).filter(keep);
    });
    return board;
  });
}

/**
 * Columns of the board, sorted by rank; archived excluded unless `filter.archived`.
 * `undefined` while loading. The query re-runs on every committed write; pass
 * `now` (e.g. a clock ticking each minute) to also re-judge the stalled filter as time passes.
 */
export function useBoardColumns(filter: BoardFilter, now?: Date): BoardColumns | undefined {
  const db = useDb();
  // The filter is usually a fresh object each render: key the query on its content.
  const key = JSON.stringify(filter);
  const nowMs = now?.getTime() ?? null;
  return useLiveQuery(() => loadBoardColumns(db, JSON.parse(key) as BoardFilter, nowMs === null ? new Date() : new Date(nowMs)), [db, key, nowMs]);
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

/** Outbox entries still waiting to reach HubSpot. */
export function usePendingSyncCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => db.outbox.where('status').equals('pending').count(), [db]);
}

/** Outbox entries that stopped retrying. */
export function useFailedSyncCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => db.outbox.where('status').equals('failed').count(), [db]);
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
