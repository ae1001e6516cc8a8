import type { Page } from 'playwright-core';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffEvent } from '../../../shared/domain/history';
import type { OutboxEntry } from '../../../shared/sync/outbox';
import type { Template } from '../../../shared/domain/template';

/**
 * Reads the renderer's IndexedDB (`baton`) straight through the browser's own
 * IndexedDB API, not through Dexie or the app: what a test sees here is what
 * is really on disk, whatever the UI shows.
 */

/** One handoff as stored, with how many history events and outbox entries it has. */
export interface StoredHandoff {
  handoff: Handoff | null;
  events: HandoffEvent[];
  outbox: OutboxEntry[];
}

interface StoreQuery {
  /** Object store to read. */
  store: 'handoffs' | 'events' | 'outbox' | 'templates';
  /** Read only records whose `handoffId` index equals this (events, outbox). */
  handoffId?: string;
}

/** Runs in the page: every record of one store (optionally one handoff's), read with raw IndexedDB. */
function readStore(query: StoreQuery): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('baton');
    open.onerror = () => reject(new Error(`Opening IndexedDB "baton" failed: ${String(open.error)}`));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(query.store)) {
        db.close();
        resolve([]);
        return;
      }
      const store = db.transaction(query.store, 'readonly').objectStore(query.store);
      const request = query.handoffId === undefined ? store.getAll() : store.index('handoffId').getAll(query.handoffId);
      request.onerror = () => reject(new Error(`Reading "${query.store}" failed: ${String(request.error)}`));
      request.onsuccess = () => {
        db.close();
        resolve(request.result as unknown[]);
      };
    };
  });
}

function read(page: Page, query: StoreQuery): Promise<unknown[]> {
  return page.evaluate(readStore, query);
}

export async function storedHandoffs(page: Page): Promise<Handoff[]> {
  return (await read(page, { store: 'handoffs' })) as Handoff[];
}

/** The stored handoff with this exact title; fails the test when there is not exactly one. */
export async function storedHandoffByTitle(page: Page, title: string): Promise<Handoff> {
  const matches = (await storedHandoffs(page)).filter((handoff) => handoff.title === title);
  if (matches.length !== 1) throw new Error(`Expected one stored handoff titled "${title}", found ${matches.length}`);
  const [only] = matches;
  if (only === undefined) throw new Error(`No stored handoff titled "${title}"`);
  return only;
}

/** A handoff record with its history and outbox entries, all read from IndexedDB. */
export async function storedHandoff(page: Page, id: string): Promise<StoredHandoff> {
  const handoff = ((await read(page, { store: 'handoffs' })) as Handoff[]).find((h) => h.id === id) ?? null;
  const events = (await read(page, { store: 'events', handoffId: id })) as HandoffEvent[];
  const outbox = (await read(page, { store: 'outbox', handoffId: id })) as OutboxEntry[];
  events.sort((a, b) => a.at.localeCompare(b.at));
  outbox.sort((a, b) => a.seq - b.seq);
  return { handoff, events, outbox };
}

/** Every outbox entry in the workspace, oldest first. */
export async function storedOutbox(page: Page): Promise<OutboxEntry[]> {
  const entries = (await read(page, { store: 'outbox' })) as OutboxEntry[];
  return entries.sort((a, b) => a.seq - b.seq);
}

/** Runs in the page: writes handoff records straight into IndexedDB (one transaction). */
function putStoreRecords(records: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('baton');
    open.onerror = () => reject(new Error(`Opening IndexedDB "baton" failed: ${String(open.error)}`));
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('handoffs', 'readwrite');
      const store = tx.objectStore('handoffs');
      for (const record of records) store.put(record);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(new Error(`Writing handoffs failed: ${String(tx.error)}`));
    };
  });
}

/**
 * Stores handoff records as they are, bypassing the app (no history, no outbox):
 * for tests that need a workspace far bigger than clicking could make. The app
 * only sees them through its own reads, after a reload.
 */
export async function putStoredHandoffs(page: Page, handoffs: Handoff[]): Promise<void> {
  await page.evaluate(putStoreRecords, handoffs);
}

/** Every stored template version named `name`, oldest version first. */
export async function storedTemplates(page: Page, name: string): Promise<Template[]> {
  const templates = (await read(page, { store: 'templates' })) as Template[];
  return templates.filter((t) => t.name === name).sort((a, b) => a.version - b.version);
}
