import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { BatonDb } from './db';
import { DbProvider } from './db-context';
import { createHandoff, runCommand } from './commands';
import { saveSettings } from './settings';
import {
  useBoardWindow,
  useDemoPresent,
  useHandoff,
  useHandoffEvents,
  usePendingSyncCount,
  useSettings,
  useTemplates,
  useTemplateVersion,
  useTemplateVersions,
  useFailedSyncCount,
  useUndo,
  SYNC_COUNT_CAP,
} from './queries';
import { FIRST_LIMITS } from './board-window';
import { saveTemplate } from './templates';
import { seedDemoWorkspace, removeDemoWorkspace } from './workspace';
import { FIXED_NOW, dbWithTemplates, makeTemplate } from '../../../test/support/db-fixtures';
import { openBatonDb } from './db';
import { freshDbName } from '../../../test/support/db-fixtures';

const TEMPLATE = makeTemplate({ criteria: [] });
const LATER = new Date(FIXED_NOW.getTime() + 60_000);

function wrapperFor(db: BatonDb) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <DbProvider db={db}>{children}</DbProvider>;
  };
}

async function create(db: BatonDb, id: string, title: string) {
  const outcome = await createHandoff(db, { id, title, client: { name: 'Acme Co', hubspotCompanyId: null, hubspotDealId: null }, templateId: TEMPLATE.id }, 'maya', FIXED_NOW);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.handoff;
}

describe('live query hooks', () => {
  it.each([
    ['whole', null],
    ['windowed', FIRST_LIMITS],
  ] as const)('useBoardWindow (%s) reflects each committed write, in rank order, with column totals', async (_mode, limits) => {
    const db = await dbWithTemplates([TEMPLATE]);
    await create(db, 'a', 'First');
    const { result } = renderHook(() => useBoardWindow({}, limits), { wrapper: wrapperFor(db) });
    const ids = (state: 'IN_PROGRESS' | 'READY_FOR_HANDOFF') => result.current?.columns[state].map((h) => h.id);
    await waitFor(() => expect(ids('IN_PROGRESS')).toEqual(['a']));
    await act(async () => {
      await create(db, 'b', 'Second');
    });
    await waitFor(() => expect(ids('IN_PROGRESS')).toEqual(['a', 'b']));
    expect(result.current?.totals.IN_PROGRESS).toBe(2);
    await act(async () => {
      await runCommand(db, 'b', { type: 'reorder', rank: -100 }, 'maya', LATER);
    });
    await waitFor(() => expect(ids('IN_PROGRESS')).toEqual(['b', 'a']));
    await act(async () => {
      await runCommand(db, 'a', { type: 'move', to: 'READY_FOR_HANDOFF' }, 'maya', LATER);
    });
    await waitFor(() => expect(ids('READY_FOR_HANDOFF')).toEqual(['a']));
    expect(result.current?.totals).toEqual({ IN_PROGRESS: 1, READY_FOR_HANDOFF: 1, IN_HANDOFF: 0, HANDOFF_DONE: 0 });
    await act(async () => {
      await runCommand(db, 'b', { type: 'archive' }, 'maya', LATER);
    });
    await waitFor(() => expect(result.current?.columns.IN_PROGRESS).toEqual([]));
    expect(result.current?.totals.IN_PROGRESS).toBe(0);
  });

  it('useHandoff and useHandoffEvents (newest first) follow the record', async () => {
    const db = await dbWithTemplates([TEMPLATE]);
    await create(db, 'a', 'First');
    const { result } = renderHook(() => ({ handoff: useHandoff('a'), missing: useHandoff('zzz'), none: useHandoff(null), events: useHandoffEvents('a') }), {
      wrapper: wrapperFor(db),
    });
    await waitFor(() => expect(result.current.handoff?.title).toBe('First'));
    expect(result.current.missing).toBeNull();
    expect(result.current.none).toBeNull();
    await act(async () => {
      await runCommand(db, 'a', { type: 'set_title', title: 'Renamed' }, 'maya', LATER);
    });
    await waitFor(() => expect(result.current.handoff?.title).toBe('Renamed'));
    await waitFor(() => expect(result.current.events?.map((e) => e.kind)).toEqual(['field_changed', 'created']));
  });

  it('useTemplates lists latest non-archived versions; useTemplateVersion reads an exact one', async () => {
    const db = openBatonDb(freshDbName());
    await saveTemplate(db, TEMPLATE, FIXED_NOW);
    const { result } = renderHook(() => ({ list: useTemplates(), v1: useTemplateVersion(TEMPLATE.id, 1), versions: useTemplateVersions(TEMPLATE.id) }), {
      wrapper: wrapperFor(db),
    });
    await waitFor(() => expect(result.current.list?.map((t) => t.version)).toEqual([1]));
    await act(async () => {
      await saveTemplate(db, { ...TEMPLATE, name: 'Renamed playbook' }, LATER);
    });
    await waitFor(() => expect(result.current.list?.map((t) => [t.version, t.name])).toEqual([[2, 'Renamed playbook']]));
    expect(result.current.v1?.name).toBe(TEMPLATE.name);
    await waitFor(() => expect(result.current.versions?.map((t) => t.version)).toEqual([2, 1]));
    expect(result.current.v1 && 'latest' in result.current.v1).toBe(false);
  });

  it('outbox counts stop at SYNC_COUNT_CAP instead of walking a huge backlog', async () => {
    const db = await dbWithTemplates([TEMPLATE]);
    await db.outbox.bulkAdd(
      Array.from({ length: SYNC_COUNT_CAP + 5 }, (_, index) => ({
        id: `o-${index}`,
        seq: index + 1,
        handoffId: 'a',
        kind: 'upsert_handoff' as const,
        refId: null,
        createdAt: FIXED_NOW.toISOString(),
        attempts: 0,
        lastError: null,
        status: index < 3 ? ('failed' as const) : ('pending' as const),
      })),
    );
    const { result } = renderHook(() => ({ pending: usePendingSyncCount(), failed: useFailedSyncCount() }), { wrapper: wrapperFor(db) });
    await waitFor(() => expect(result.current).toEqual({ pending: SYNC_COUNT_CAP, failed: 3 }));
  });

  it('useSettings, usePendingSyncCount, useUndo and useDemoPresent update live', async () => {
    const db = await dbWithTemplates([TEMPLATE]);
    const { result } = renderHook(() => ({ settings: useSettings(), pending: usePendingSyncCount(), failed: useFailedSyncCount(), undo: useUndo(), demo: useDemoPresent() }), {
      wrapper: wrapperFor(db),
    });
    await waitFor(() => expect(result.current.pending).toBe(0));
    expect(result.current.undo).toBeNull();
    expect(result.current.demo).toBe(false);
    await act(async () => {
      await create(db, 'a', 'First');
      await runCommand(db, 'a', { type: 'set_title', title: 'Renamed' }, 'maya', LATER);
      await saveSettings(db, { theme: 'dark' });
    });
    await waitFor(() => expect(result.current.pending).toBe(2));
    await waitFor(() => expect(result.current.undo?.label).toBe('Undo: rename of “First”'));
    await waitFor(() => expect(result.current.settings?.theme).toBe('dark'));
    expect(result.current.failed).toBe(0);
    await act(async () => {
      const first = await db.outbox.orderBy('seq').first();
      if (first) await db.outbox.update(first.id, { status: 'failed' });
    });
    await waitFor(() => expect([result.current.pending, result.current.failed]).toEqual([1, 1]));
  });

  it('useDemoPresent follows seeding and removal', async () => {
    const db = openBatonDb(freshDbName());
    const { result } = renderHook(() => useDemoPresent(), { wrapper: wrapperFor(db) });
    await waitFor(() => expect(result.current).toBe(false));
    await act(async () => {
      await seedDemoWorkspace(db, FIXED_NOW);
    });
    await waitFor(() => expect(result.current).toBe(true));
    await act(async () => {
      await removeDemoWorkspace(db);
    });
    await waitFor(() => expect(result.current).toBe(false));
  });
});
