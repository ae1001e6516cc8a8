import type { DBCore, DBCoreTransaction } from 'dexie';

/**
 * For a middleware that writes a store of its own in the same transaction as
 * the writes it watches (change-log-middleware.ts, column-counts-middleware.ts):
 * its row commits with the write or not at all.
 */

/** Whether the database has `store` (a schema from before it was added has not). */
export function hasStore(core: DBCore, store: string): boolean {
  return core.schema.tables.some((table) => table.name === store);
}

/**
 * Whether this transaction can write `store`: every read-write transaction over a
 * watched table includes it (`transactionWithStore`), except a schema upgrade running
 * a version from before the store existed. Dexie's IndexedDB core hands out the
 * IDBTransaction itself.
 */
export function holdsStore(trans: DBCoreTransaction, store: string): boolean {
  const names = (trans as Partial<IDBTransaction>).objectStoreNames;
  return names !== undefined && names.contains(store);
}

/** `down.transaction`, with `store` added to every read-write transaction over one of `watched`. */
export function transactionWithStore(down: DBCore, store: string, watched: ReadonlySet<string>): DBCore['transaction'] {
  return (stores, mode, options) => {
    const needsStore = mode === 'readwrite' && !stores.includes(store) && stores.some((name) => watched.has(name));
    return down.transaction(needsStore ? [...stores, store] : stores, mode, options);
  };
}
