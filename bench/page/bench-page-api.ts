/** What the bench page script puts on `window.batonBench` (shared by the page bundle and the Node driver). */

export interface SeedResult {
  count: number;
  ms: number;
}

export interface ImportTiming {
  importMs: number;
  /** The pure merge (`reconcile`) of the same pull, no database: the import's CPU share. */
  reconcileMs: number;
  bulkPutMs: number;
  handoffs: number;
  events: number;
  outbox: number;
}

export interface BenchPageApi {
  /** Seeds `count` handoffs (with events and outbox entries) into the app's `baton` database, demo removed. */
  seedWorkspace(count: number): Promise<SeedResult>;
  /** Reads every handoff with a bare Dexie `toArray()`. */
  bareToArray(): Promise<{ ms: number; count: number }>;
  /** Re-puts one stored handoff with a bare Dexie `put`; returns milliseconds. */
  barePut(id: string): Promise<number>;
  /** Moves a handoff with the app's own `runCommand` (no UI); returns ms until the transaction committed. */
  commandMove(id: string, to: string): Promise<number>;
  /** Runs any command (a JSON `HandoffCommand`) on a handoff with the app's own `runCommand`; returns ms until the transaction committed. */
  commandRun(id: string, command: unknown): Promise<number>;
  /** The app's bulk import of `count` deals vs a bare `bulkPut` of the same rows (scratch databases). */
  importVsBulkPut(count: number, run: number): Promise<ImportTiming>;
}
