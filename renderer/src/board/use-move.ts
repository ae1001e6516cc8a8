import { useCallback } from 'react';
import { runCommand } from '../data/commands';
import { useDb } from '../data/db-context';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { HandoffState } from '../../../shared/domain/states';
import { STATE_LABELS } from '../../../shared/domain/states';
import { useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';

export type MoveResult = { ok: true } | { ok: false; refused: boolean; message: string };

/**
 * Every state change from the board — drag, keyboard, menu, Accept — goes through
 * here: the data layer runs the gate, and a refusal opens the refusal panel with
 * the unmet criteria instead of silently snapping the card back.
 */
export function useMoveHandoff(): (handoff: Handoff, to: HandoffState, rank?: number) => Promise<MoveResult> {
  const db = useDb();
  const { currentUser } = useWorkspace();
  return useCallback(
    async (handoff, to, rank) => {
      const ui = useUi.getState();
      const sameColumn = to === handoff.state;
      const command: HandoffCommand =
        sameColumn && rank !== undefined
          ? { type: 'reorder', rank }
          : rank === undefined
            ? { type: 'move', to }
            : { type: 'move', to, rank };
      const outcome = await runCommand(db, handoff.id, command, currentUser);
      if (outcome.ok) {
        if (!sameColumn) {
          ui.pushToast({ message: `Moved “${handoff.title}” to ${STATE_LABELS[to]}`, tone: 'info', undoable: true });
        }
        return { ok: true };
      }
      const { error } = outcome;
      const unmet = 'unmet' in error && Array.isArray(error.unmet) ? error.unmet : [];
      const authority = 'authority' in error && Array.isArray(error.authority) ? error.authority : [];
      if (error.code === 'GATE_REFUSED' || error.code === 'NOT_ALLOWED' || unmet.length > 0) {
        ui.showRefusal({
          handoffId: handoff.id,
          title: handoff.title,
          to,
          message: error.message,
          unmet: unmet.map((u) => ({ criterionId: u.criterionId, label: u.label, reason: u.reason })),
          authority,
        });
        return { ok: false, refused: true, message: error.message };
      }
      ui.pushToast({ message: error.message, tone: 'error', undoable: false });
      return { ok: false, refused: false, message: error.message };
    },
    [db, currentUser],
  );
}
