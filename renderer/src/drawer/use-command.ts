import { useCallback } from 'react';
import { runCommand, type WriteOutcome } from '../data/commands';
import { useDb } from '../data/db-context';
import type { HandoffCommand } from '../../../shared/domain/command-schema';
import { useUi } from '../store/ui-store';
import { useWorkspace } from '../ui/use-workspace';

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
