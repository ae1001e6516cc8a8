import { useState } from 'react';
import type { ExceptionRow } from '../../../shared/metrics';
import { runCommand } from '../data/commands';
import { useDb } from '../data/db-context';
import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';
import { DialogActions, RequiredTextArea } from '../ui/RequiredTextArea';
import { useWorkspace } from '../ui/use-workspace';

interface ResolveExceptionDialogProps {
  exception: ExceptionRow;
  onClose: () => void;
}

/**
 * Resolving an exception is an explicit, recorded act: a note saying how is
 * required, and the data layer writes it to the card's history (and the outbox)
 * in the same transaction as the resolution.
 */
export function ResolveExceptionDialog({ exception, onClose }: ResolveExceptionDialogProps) {
  const db = useDb();
  const pushToast = useUi((s) => s.pushToast);
  const { currentUser, loading } = useWorkspace();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (note.trim() === '') {
      setError('Write how it was resolved; the note is kept in the card’s history.');
      return;
    }
    setBusy(true);
    const outcome = await runCommand(db, exception.handoffId, { type: 'resolve_exception', exceptionId: exception.exceptionId, resolution: note.trim() }, currentUser);
    setBusy(false);
    if (!outcome.ok) {
      // The note stays in the field: nothing typed is lost on a refusal.
      setError(outcome.error.message);
      return;
    }
    onClose();
    pushToast({ message: `Resolved the exception on “${exception.title}”`, tone: 'info', undoable: false });
  };

  return (
    <Dialog title={`Resolve exception on “${exception.title}”`} onClose={onClose} description={exception.message}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <RequiredTextArea
          label="Resolution note (required)"
          value={note}
          maxLength={2000}
          error={error}
          onChange={(value) => {
            setNote(value);
            setError(null);
          }}
        />
        {/* Until settings are read, "who resolved it" would be the default user. */}
        <DialogActions onCancel={onClose} submitLabel="Resolve" busy={busy || loading} />
      </form>
    </Dialog>
  );
}
