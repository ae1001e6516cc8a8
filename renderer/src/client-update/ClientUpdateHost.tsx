import { useCallback } from 'react';
import { useClientUpdates } from './client-update-store';
import { ClientUpdateDialog } from './ClientUpdateDialog';
import { useAcceptanceWatcher } from './use-acceptance-watcher';

/** Watches for acceptances and shows one client update dialog at a time. Mount once in the shell. */
export function ClientUpdateHost() {
  useAcceptanceWatcher();
  const next = useClientUpdates((s) => s.pending[0]);
  const finish = useClientUpdates((s) => s.finish);
  const done = useCallback(() => {
    if (next !== undefined) finish(next);
  }, [finish, next]);
  if (next === undefined) return null;
  return <ClientUpdateDialog key={next} handoffId={next} onDone={done} />;
}
