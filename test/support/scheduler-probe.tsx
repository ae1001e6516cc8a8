import { useSyncScheduler } from '../../renderer/src/sync/sync-context';
import type { SyncScheduler } from '../../renderer/src/sync/sync-scheduler-api';

/**
 * Lets a test reach the scheduler its `SyncProvider` made (screens get it
 * from context): render `<probe.Probe />` inside the provider, then call
 * `probe.scheduler()`.
 */
export function schedulerProbe(): { Probe: () => null; scheduler: () => SyncScheduler } {
  let captured: SyncScheduler | null = null;
  function Probe(): null {
    captured = useSyncScheduler();
    return null;
  }
  return {
    Probe,
    scheduler() {
      if (captured === null) throw new Error('schedulerProbe: render <Probe /> inside a SyncProvider first');
      return captured;
    },
  };
}
