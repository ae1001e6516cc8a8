import { useCallback } from 'react';
import { useDb } from '../data/db-context';
import { undoLast } from '../data/undo';
import { useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';

/** Undo the last move or edit (the data layer refuses a stale undo with a reason, shown as a toast). */
export function useUndoAction(): () => Promise<void> {
  const db = useDb();
  const { currentUser } = useWorkspace();
  return useCallback(async () => {
    const outcome = await undoLast(db, currentUser);
    const ui = useUi.getState();
    if (outcome.ok) ui.pushToast({ message: `Undone: “${outcome.handoff.title}” restored`, tone: 'info', undoable: false });
    else ui.pushToast({ message: outcome.error.message, tone: 'error', undoable: false });
  }, [db, currentUser]);
}
