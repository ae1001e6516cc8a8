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

/**
 * Which backup runs while the moves are made: the app's own automatic backup in its Web Worker
 * (the built `backup-worker` chunk at `workerUrl`: fingerprint, paged read, compression, save), or
 * a read of the whole workspace in one transaction on the page, as backups read before the change log.
 */
export type BackupUnderTest = { kind: 'automatic'; workerUrl: string } | { kind: 'one-transaction' };

export interface MovesDuringBackup {
  /** Each move's time from issue to commit, in order, and whether the backup was still running when it committed. */
  moves: { ms: number; whileBackingUp: boolean }[];
  /** From starting the backup to its end. */
  backupMs: number;
  /** The worker's answer ("taken", or the error's message); "read" for the one-transaction read. */
  outcome: string;
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
  /**
   * Starts a backup, then moves handoffs from Ready for handoff to In progress with `runCommand`,
   * one every `intervalMs` (after the last one committed), until the backup ends or `maxMoves` were made.
   */
  movesDuringBackup(backup: BackupUnderTest, intervalMs: number, maxMoves: number): Promise<MovesDuringBackup>;
  /** The app's bulk import of `count` deals vs a bare `bulkPut` of the same rows (scratch databases). */
  importVsBulkPut(count: number, run: number): Promise<ImportTiming>;
}
