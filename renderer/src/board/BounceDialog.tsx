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
  const { currentUser, ownerName } = useWorkspace();
  const [reason, setReason] = useState('');
  const [why, setWhy] = useState('');
  const [whyError, setWhyError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!handoff) return null;
  // Anyone but the receiver answers only on the receiver's behalf, with a reason of their own.
  const forReceiver = handoff.receiver !== null && handoff.receiver !== currentUser ? handoff.receiver : null;

  const submit = async (): Promise<void> => {
    if (reason.trim() === '') {
      setError('Say what is missing, so the sender knows what to fix.');
      return;
    }
    if (forReceiver !== null && why.trim() === '') {
      setWhyError(`Say why you answer for ${ownerName(forReceiver)}; it is kept in the history.`);
      return;
    }
    setBusy(true);
    const onBehalfOf = forReceiver === null ? {} : { onBehalfOf: { person: forReceiver, reason: why.trim() } };
    const outcome = await runCommand(db, handoff.id, { type: 'bounce', reason: reason.trim(), ...onBehalfOf }, currentUser);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    close();
    pushToast({ message: `Bounced “${handoff.title}” back to the sender`, tone: 'info', undoable: false });
  };

  return (
    <Dialog title={forReceiver === null ? `Bounce back “${handoff.title}”` : `Bounce back “${handoff.title}” on behalf of ${ownerName(forReceiver)}`} onClose={close} description="It returns to In progress with your reason as an open question.">
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
        {forReceiver === null ? null : (
          <RequiredTextArea
            label={`Why you answer for ${ownerName(forReceiver)} (required)`}
            value={why}
            error={whyError}
            onChange={(value) => {
              setWhy(value);
              setWhyError(null);
            }}
          />
        )}
        <DialogActions onCancel={close} submitLabel="Bounce back" busy={busy} />
      </form>
    </Dialog>
  );
}
