import { useState } from 'react';
import { runCommand } from '../data/commands';
import { useDb } from '../data/db-context';
import { useHandoff } from '../data/queries';
import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';
import { DialogActions, RequiredTextArea } from '../ui/RequiredTextArea';
import { useWorkspace } from '../ui/use-workspace';

/** The receiver's "not yet": a reason is required, because every bounce is a re-ask the sender must answer. */
export function BounceDialog({ handoffId }: { handoffId: string }) {
  const db = useDb();
  const handoff = useHandoff(handoffId);
  const close = useUi((s) => s.closeDialog);
  const pushToast = useUi((s) => s.pushToast);
  const { currentUser } = useWorkspace();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!handoff) return null;

  const submit = async (): Promise<void> => {
    if (reason.trim() === '') {
      setError('Say what is missing, so the sender knows what to fix.');
      return;
    }
    setBusy(true);
    const outcome = await runCommand(db, handoff.id, { type: 'bounce', reason: reason.trim() }, currentUser);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    close();
    pushToast({ message: `Bounced “${handoff.title}” back to the sender`, tone: 'info', undoable: false });
  };

  return (
    <Dialog title={`Bounce back “${handoff.title}”`} onClose={close} description="It returns to In progress with your reason as an open question.">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <RequiredTextArea
          label="Reason (required)"
          value={reason}
          error={error}
          onChange={(value) => {
            setReason(value);
            setError(null);
          }}
        />
        <DialogActions onCancel={close} submitLabel="Bounce back" busy={busy} />
      </form>
    </Dialog>
  );
}
