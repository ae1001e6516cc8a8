import { useEffect } from 'react';
import { useDb } from '../data/db-context';
import { useWorkspace } from '../ui/use-workspace';
import { checkClockExceptions } from './clock-exception-check';

/** How often the clock is checked for new stalls and overdue actions while the app is open. */
export const CLOCK_CHECK_INTERVAL_MS = 5 * 60_000;

/**
 * Checks for stalls and overdue next actions once the settings are loaded (so
 * a crossing that passed while the app was closed is raised on start) and
 * then every few minutes. One run at a time; a failed run is retried by the
 * next one.
 */
export function useClockExceptions(): void {
  const db = useDb();
  const { loading } = useWorkspace();
  useEffect(() => {
    if (loading) return;
    let since: string | null = null;
    let running = false;
    let stopped = false;
    const run = (): void => {
      if (running || stopped) return;
      running = true;
      const started = new Date();
      checkClockExceptions(db, started, since)
        .then(
          () => {
            since = started.toISOString();
          },
          // The data layer reports connection problems itself; the next run tries again.
          () => undefined,
        )
        .finally(() => {
          running = false;
        });
    };
    run();
    const timer = setInterval(run, CLOCK_CHECK_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [db, loading]);
}
