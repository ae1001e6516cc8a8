import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DbProvider, useConnectionIssue } from './db-context';
import { Dexie } from 'dexie';
import { createHandoff, runCommand } from './commands';
import { openBatonDb } from './db';
import { toDataError } from './data-errors';
import { LATEST_SCHEMA_VERSION, declareMigrations } from './migrations';
import { FIXED_NOW, dbWithTemplates, freshDbName, makeTemplate, rowCounts } from '../../../test/support/db-fixtures';

async function dbWithTemplatesNamed(name: string) {
  const db = openBatonDb(name);
  await db.templates.add({ ...makeTemplate(), latest: 1 });
  return db;
}
import type { DataError } from './data-errors';

describe('database errors', () => {
  it('maps QuotaExceededError, bare or wrapped by Dexie, to a clear QUOTA_EXCEEDED', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(toDataError(quota).code).toBe('QUOTA_EXCEEDED');
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    expect(toDataError(wrapped)).toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringContaining('not saved') });
    expect(toDataError(new Error('boom'))).toMatchObject({ code: 'DB_FAILED', message: expect.stringContaining('boom') });
  });

  it('returns QUOTA_EXCEEDED from a write that runs out of space, and writes nothing', async () => {
    const db = await dbWithTemplates([makeTemplate()]);
    const created = await createHandoff(db, { id: 'h-1', title: 'Card', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev' }, 'maya', FIXED_NOW);
    expect(created.ok).toBe(true);
    const before = await rowCounts(db);
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.outbox.hook('creating', full);
    const outcome = await runCommand(db, 'h-1', { type: 'set_title', title: 'Bigger' }, 'maya', FIXED_NOW);
    db.outbox.hook('creating').unsubscribe(full);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'QUOTA_EXCEEDED' } });
    expect(await rowCounts(db)).toEqual(before);
    expect((await db.handoffs.get('h-1'))?.title).toBe('Card');
  });

  it('reports a newer version opened elsewhere; later writes still answer with a value, never a crash', async () => {
    const name = freshDbName('vc');
    const db = await dbWithTemplatesNamed(name);
    const created = await createHandoff(db, { id: 'h-1', title: 'Card', client: { name: 'Acme', hubspotCompanyId: null, hubspotDealId: null }, templateId: 'tpl-design-dev' }, 'maya', FIXED_NOW);
    expect(created.ok).toBe(true);
    const issues: (DataError | null)[] = [];
    db.onConnectionIssue((issue) => issues.push(issue));
    // A newer Baton in another window: same schema plus one more version.
    const newer = new Dexie(name);
    declareMigrations(newer);
    newer.version(LATEST_SCHEMA_VERSION + 1).stores({ extra: 'id' });
    await newer.open();
    expect(issues.map((issue) => issue?.code)).toEqual(['DB_VERSION_CHANGED']);
    expect(db.connectionIssue?.message).toContain('Reload');
    newer.close();
    // Dexie 4 may reopen the (compatible) newer schema; either the write lands or it is a typed error.
    const outcome = await runCommand(db, 'h-1', { type: 'set_title', title: 'After upgrade' }, 'maya', FIXED_NOW);
    if (outcome.ok) expect(outcome.handoff.title).toBe('After upgrade');
    else expect(['DB_VERSION_CHANGED', 'DB_CLOSED']).toContain(outcome.error.code);
  });

  it('reports an upgrade blocked by an old connection, and clears it once the upgrade goes through', async () => {
    const name = freshDbName('blocked');
    // An "old window" holding version 1 that ignores requests to close.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const db = openBatonDb(name);
    const issues: (DataError | null)[] = [];
    db.onConnectionIssue((issue) => issues.push(issue));
    const opening = db.open();
    await vi.waitFor(() => expect(issues.map((issue) => issue?.code)).toContain('DB_BLOCKED'));
    expect(db.connectionIssue?.message).toContain('Close the other window');
    old.close();
    await opening;
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.connectionIssue).toBeNull();
    expect(issues.at(-1)).toBeNull();
  });
});

describe('useConnectionIssue', () => {
  it('shows the blocked-upgrade issue and clears it when the upgrade completes', async () => {
    const name = freshDbName('hook');
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const db = openBatonDb(name);
    const { result } = renderHook(() => useConnectionIssue(), {
      wrapper: ({ children }: { children: ReactNode }) => <DbProvider db={db}>{children}</DbProvider>,
    });
    expect(result.current).toBeNull();
    const opening = db.open();
    await waitFor(() => expect(result.current?.code).toBe('DB_BLOCKED'));
    old.close();
    await act(async () => {
      await opening;
    });
    await waitFor(() => expect(result.current).toBeNull());
  });
});
