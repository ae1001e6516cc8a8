import { whenIdle } from '../ui/when-idle';
import { useCallback } from 'react';
import { applyCommand } from '../../../shared/domain/commands';
import type { DomainError } from '../../../shared/domain/errors';
import type { Handoff } from '../../../shared/domain/handoff';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { HandoffState } from '../../../shared/domain/states';
import { STATE_LABELS } from '../../../shared/domain/states';
import { runCommand, type WriteError, type WriteOutcome } from './commands';
import { useDb } from './db-context';
import { newId } from './write-support';
import { useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';
import { pendingMovesOf } from '../board/pending-moves';
import { useTemplateIndex } from '../board/use-template-index';

// The one hook layer over the write commands, for every screen: a move (board drag, keyboard, menu, the
// drawer's buttons, shortcuts) judged by the gate at once and painted before its write commits, and any
// other command on one card, as the current person, with its toast.

export type MoveResult = { ok: true } | { ok: false; refused: boolean; message: string };

/** Moves a card; resolves once the write has (or has not) reached the database. Whatever it paints, it paints before it returns. */
export type MoveHandoff = (handoff: Handoff, to: HandoffState, rank?: number) => Promise<MoveResult>;

/** Work the user does not wait for (the "Moved" toast): after the frame that shows the move. */
function afterTheMove(task: () => void): void {
  whenIdle(task, 500);
}

function commandFor(handoff: Handoff, to: HandoffState, rank: number | undefined): HandoffCommand {
  if (to === handoff.state && rank !== undefined) return { type: 'reorder', rank };
  return rank === undefined ? { type: 'move', to } : { type: 'move', to, rank };
}

/** Why a move did not happen, and how to say it: the refusal panel for unmet proof, a toast for anything else. */
function failure(handoff: Handoff, to: HandoffState, error: DomainError | WriteError, failedWrite: boolean): { result: MoveResult; announce: () => void } {
  const unmet = 'unmet' in error && Array.isArray(error.unmet) ? error.unmet : [];
  const authority = 'authority' in error && Array.isArray(error.authority) ? error.authority : [];
  if (error.code === 'GATE_REFUSED' || error.code === 'NOT_ALLOWED' || unmet.length > 0) {
    const refusal = {
      handoffId: handoff.id,
      title: handoff.title,
      to,
      message: error.message,
      unmet: unmet.map((u) => ({ criterionId: u.criterionId, label: u.label, reason: u.reason })),
      authority,
    };
    return { result: { ok: false, refused: true, message: error.message }, announce: () => useUi.getState().showRefusal(refusal) };
  }
  const message = failedWrite
    ? `“${handoff.title}” could not be moved to ${STATE_LABELS[to]}, so it is back in ${STATE_LABELS[handoff.state]}: ${error.message}`
    : error.message;
  return { result: { ok: false, refused: false, message }, announce: () => useUi.getState().pushToast({ message, tone: 'error', undoable: false }) };
}

/**
 * A move whose gate has run and whose write (if allowed) is issued. `show` paints
 * it — the card in its new place, or the refusal — and is called once, in the
 * render that should show it; `committed` settles when the database has answered.
 */
export interface PreparedMove {
  show: () => void;
  committed: Promise<MoveResult>;
}

export type PrepareMove = (handoff: Handoff, to: HandoffState, rank?: number) => PreparedMove;

/**
 * Every state change from the board — drag, keyboard, menu, Accept — goes through
 * here. The gate is a pure function, so it runs at once on the card as shown: a
 * refusal writes nothing and moves nothing; an allowed move issues its write (the
 * data layer runs the gate again inside the transaction) before anything is
 * painted, and is then shown in its new place before IndexedDB confirms. A write
 * that fails puts the card back with a message; nothing else changes.
 */
export function usePrepareMove(): PrepareMove {
  const db = useDb();
  const { currentUser, settings } = useWorkspace();
  const { templateFor } = useTemplateIndex();
  return useCallback(
    (handoff, to, rank) => {
      const command = commandFor(handoff, to, rank);
      const now = new Date();
      const template = templateFor(handoff);
      const judged = template === undefined ? null : applyCommand(handoff, command, { template, actor: currentUser, now: now.toISOString(), newId, people: settings.owners });
      if (judged !== null && !judged.ok) {
        const { error } = judged;
        // Who may do what, and the approvals an Accept gives, depend on the people directory, which the
        // screen may hold a moment behind (a role just saved): such a refusal is the database's to confirm,
        // inside the write's own transaction. The move is not shown either way until that verdict.
        if (error.code === 'GATE_REFUSED' || error.code === 'NOT_ALLOWED') {
          const verdict = runCommand(db, handoff.id, command, currentUser, now).then((outcome): MoveResult => {
            if (outcome.ok) return { ok: true };
            const refused = failure(handoff, to, outcome.error, false);
            refused.announce();
            return refused.result;
          });
          return { show: () => undefined, committed: verdict };
        }
        const refused = failure(handoff, to, error, false);
        return { show: refused.announce, committed: Promise.resolve(refused.result) };
      }
      const pending = pendingMovesOf(db).getState();
      const write = runCommand(db, handoff.id, command, currentUser, now);
      // `shown`: the overlay's token for the painted move; `settled`: the database has answered (its outcome).
      let shown: number | null = null;
      let settled: { ok: true; after: Handoff } | { ok: false } | null = null;
      const show = () => {
        // The templates are still loading (only just after start): the move shows once it is read back.
        if (shown !== null || judged === null || settled?.ok === false) return;
        shown = pending.show(judged.handoff, command.type === 'move' && command.rank === undefined);
        if (settled?.ok === true) pending.committed(shown, settled.after);
      };
      const committed = write.then((outcome): MoveResult => {
        if (!outcome.ok) {
          settled = { ok: false };
          if (shown !== null) pending.failed(shown);
          const failed = failure(handoff, to, outcome.error, true);
          failed.announce();
          return failed.result;
        }
        settled = { ok: true, after: outcome.handoff };
        if (shown !== null) pending.committed(shown, outcome.handoff);
        if (to !== handoff.state) {
          afterTheMove(() => useUi.getState().pushToast({ message: `Moved “${handoff.title}” to ${STATE_LABELS[to]}`, tone: 'info', undoable: true }));
        }
        return { ok: true };
      });
      return { show, committed };
    },
    [db, currentUser, settings.owners, templateFor],
  );
}

/** Prepares a move and shows it at once (menu, shortcuts, drawer, Accept). */
export function useMoveHandoff(): MoveHandoff {
  const prepare = usePrepareMove();
  return useCallback(
    (handoff, to, rank) => {
      const move = prepare(handoff, to, rank);
      move.show();
      return move.committed;
    },
    [prepare],
  );
}

interface CommandOptions {
  /** Toast text on success; with `undoable` it offers Undo. */
  success?: string;
  undoable?: boolean;
  /** Errors are shown inline by the caller rather than as a toast. */
  quiet?: boolean;
}

/** Runs one command on one handoff as the current user; failures become a toast unless the caller shows them inline. */
export function useCommand(handoffId: string): (command: HandoffCommand, options?: CommandOptions) => Promise<WriteOutcome> {
  const db = useDb();
  const { currentUser } = useWorkspace();
  return useCallback(
    async (command, options = {}) => {
      const outcome = await runCommand(db, handoffId, command, currentUser);
      const ui = useUi.getState();
      if (outcome.ok && options.success) {
        ui.pushToast({ message: options.success, tone: 'info', undoable: options.undoable ?? false });
      }
      if (!outcome.ok && !options.quiet) {
        ui.pushToast({ message: outcome.error.message, tone: 'error', undoable: false });
      }
      return outcome;
    },
    [db, handoffId, currentUser],
  );
}

export function newRecordId(): string {
  return crypto.randomUUID();
}
