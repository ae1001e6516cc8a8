import { useCallback } from 'react';
import { applyCommand } from '../../../shared/domain/commands';
import type { DomainError } from '../../../shared/domain/errors';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { HandoffState } from '../../../shared/domain/states';
import { STATE_LABELS } from '../../../shared/domain/states';
import { runCommand, type WriteError } from '../data/commands';
import { useDb } from '../data/db-context';
import { newId } from '../data/write-support';
import { useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';
import { pendingMovesOf } from './pending-moves';
import { useTemplateIndex } from './use-template-index';

export type MoveResult = { ok: true } | { ok: false; refused: boolean; message: string };

/** Moves a card; resolves once the write has (or has not) reached the database. Whatever it paints, it paints before it returns. */
export type MoveHandoff = (handoff: Handoff, to: HandoffState, rank?: number) => Promise<MoveResult>;

/** Work the user does not wait for (the "Moved" toast): after the frame that shows the move. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 500 });
  else setTimeout(task, 0);
}

function commandFor(handoff: Handoff, to: HandoffState, rank: number | undefined): HandoffCommand {
  if (to === handoff.state && rank !== undefined) return { type: 'reorder', rank };
  return rank === undefined ? { type: 'move', to } : { type: 'move', to, rank };
}

/** Says why a move did not happen: the refusal panel for unmet proof, a toast for anything else. */
function report(handoff: Handoff, to: HandoffState, error: DomainError | WriteError, failedWrite: boolean): MoveResult {
  const ui = useUi.getState();
  const unmet = 'unmet' in error && Array.isArray(error.unmet) ? error.unmet : [];
  if (error.code === 'GATE_REFUSED' || unmet.length > 0) {
    ui.showRefusal({
      handoffId: handoff.id,
      title: handoff.title,
      to,
      message: error.message,
      unmet: unmet.map((u) => ({ criterionId: u.criterionId, label: u.label, reason: u.reason })),
    });
    return { ok: false, refused: true, message: error.message };
  }
  const message = failedWrite
    ? `“${handoff.title}” could not be moved to ${STATE_LABELS[to]}, so it is back in ${STATE_LABELS[handoff.state]}: ${error.message}`
    : error.message;
  ui.pushToast({ message, tone: 'error', undoable: false });
  return { ok: false, refused: false, message };
}

/**
 * Every state change from the board — drag, keyboard, menu, Accept — goes through
 * here. The gate is a pure function, so it runs at once on the card as shown: a
 * refusal opens the refusal panel and nothing moves; an allowed move issues its
 * write (the data layer runs the gate again inside the transaction) and only then
 * paints the card in its new place, before IndexedDB confirms. A write that fails
 * puts the card back with a message; nothing else changes.
 */
export function useMoveHandoff(): MoveHandoff {
  const db = useDb();
  const { currentUser } = useWorkspace();
  const { templateFor } = useTemplateIndex();
  return useCallback(
    (handoff, to, rank) => {
      const command = commandFor(handoff, to, rank);
      const now = new Date();
      const template = templateFor(handoff);
      const judged = template === undefined ? null : applyCommand(handoff, command, { template, actor: currentUser, now: now.toISOString(), newId });
      if (judged !== null && !judged.ok) {
        return Promise.resolve(report(handoff, to, judged.error, false));
      }
      const pending = pendingMovesOf(db).getState();
      const write = runCommand(db, handoff.id, command, currentUser, now);
      // The templates are still loading (only just after start): the move shows once it is committed.
      if (judged !== null) pending.show(judged.handoff, command.type === 'move' && command.rank === undefined);
      return write.then((outcome): MoveResult => {
        if (!outcome.ok) {
          pending.failed(handoff.id);
          return report(handoff, to, outcome.error, true);
        }
        pending.committed(handoff.id, outcome.handoff);
        if (to !== handoff.state) {
          whenIdle(() => useUi.getState().pushToast({ message: `Moved “${handoff.title}” to ${STATE_LABELS[to]}`, tone: 'info', undoable: true }));
        }
        return { ok: true };
      });
    },
    [db, currentUser, templateFor],
  );
}

