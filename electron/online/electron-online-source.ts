import { net, powerMonitor } from 'electron';
import { createOnlineSource, type StoppableOnlineSource } from './online-source';

/** The online source main uses: Electron's net module, polled and re-checked on wake. */
export function createElectronOnlineSource(): StoppableOnlineSource {
  return createOnlineSource({
    osOnline: () => net.isOnline(),
    onWake(listener) {
      powerMonitor.on('resume', listener);
      powerMonitor.on('unlock-screen', listener);
      return () => {
        powerMonitor.removeListener('resume', listener);
        powerMonitor.removeListener('unlock-screen', listener);
      };
    },
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    now: () => Date.now(),
  });
}
