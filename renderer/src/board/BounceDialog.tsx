import { useId, useState } from 'react';
import { runCommand } from '../data/commands';
import { useDb } from '../data/db-context';
import { useHandoff } from '../data/queries';
import { useUi } from '../store/ui-store';
import { Dialog } from '../ui/Dialog';
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
  const fieldId = useId();
  const errorId = useId();
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
        <div className="field" style={{ marginTop: 12 }}>
          <label htmlFor={fieldId}>Reason (required)</label>
          <textarea
            id={fieldId}
            className="textarea"
            data-autofocus
            value={reason}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              if (error) setError(null);
            }}
          />
          {error ? (
            <div id={errorId} className="error-text" role="alert">
              {error}
            </div>
          ) : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Bounce back
          </button>
        </div>
      </form>
    </Dialog>
  );
}
