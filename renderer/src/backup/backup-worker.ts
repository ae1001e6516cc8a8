/**
 * Entry of the backup Web Worker: exports, compresses and saves the automatic
 * backup away from the window's main thread, so a large workspace never
 * freezes the board. Started per backup by backup-runner.ts.
 */
import { serveBackupRequests, type WorkerMessageScope } from './backup-worker-handler';

// In a dedicated worker `self` is the worker's global scope (the DOM typings call it Window).
serveBackupRequests(self as unknown as WorkerMessageScope);
