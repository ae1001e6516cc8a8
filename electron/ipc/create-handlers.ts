import type { HandlersFor } from '../../shared/ipc/channel';
import type { Contract } from '../../shared/ipc/contract';
import type { HostDeps } from '../host/deps';
import { createSyncHandlers, type SyncHostDeps } from '../sync/sync-handlers';
import { createAppHandlers } from './app-handlers';
import { createBackupHandlers } from './backup-handlers';

/** The subset of HostDeps the HubSpot sync service runs on. */
export function syncHostDepsFrom(deps: HostDeps): SyncHostDeps {
  return {
    secretStore: deps.secretStore,
    online: deps.online,
    logger: deps.logger,
    clock: deps.clock,
    emitProgress: (progress) => deps.emit('sync.progress', progress),
    ...(deps.hubspotBasePath === undefined ? {} : { hubspotBasePath: deps.hubspotBasePath }),
    ...(deps.hubspotRateLimit === undefined ? {} : { rateLimit: deps.hubspotRateLimit }),
    ...(deps.syncTuning === undefined ? {} : { tuning: deps.syncTuning }),
  };
}

/**
 * The complete IPC handler table: a plain object, built from injected
 * dependencies, so the very same table answers Electron's `ipcMain` and the
 * end-to-end test host.
 */
export function createHandlers(deps: HostDeps): HandlersFor<Contract> {
  return { ...createAppHandlers(deps), ...createBackupHandlers(deps), ...createSyncHandlers(syncHostDepsFrom(deps)) };
}
