import { app } from 'electron';
import { PlatformSchema, type AppInfo } from '../../shared/ipc/app-channels';

/** What `app.info` answers; no paths or user data. */
export function readAppInfo(): AppInfo {
  const platform = PlatformSchema.safeParse(process.platform);
  return {
    name: app.getName(),
    version: app.getVersion(),
    platform: platform.success ? platform.data : 'linux',
    arch: process.arch,
    versions: {
      electron: process.versions.electron ?? 'unknown',
      chrome: process.versions.chrome ?? 'unknown',
      node: process.versions.node,
    },
    packaged: app.isPackaged,
  };
}
