import type { backupChannels } from '../../shared/ipc/backup-channels';
import type { HandlersFor } from '../../shared/ipc/channel';
import type { HostDeps } from '../host/deps';

/** The backup channels: handing the renderer a backup file the OS opened (main read and checked it). */
export function createBackupHandlers(deps: Pick<HostDeps, 'openedBackupFiles'>): HandlersFor<typeof backupChannels> {
  return {
    'backup.takeOpenedFile': async () => ({ file: deps.openedBackupFiles?.take() ?? null }),
  };
}
