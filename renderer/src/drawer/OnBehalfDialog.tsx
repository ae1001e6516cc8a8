import { useId, useState } from 'react';
import type { OnBehalfOf } from '../../../shared/domain/on-behalf';
import type { Owner } from '../../../shared/domain/settings';
import type { WriteOutcome } from '../data/commands';
import { Dialog } from '../ui/Dialog';
import { DialogActions, RequiredTextArea } from '../ui/RequiredTextArea';

interface OnBehalfDialogProps {
  /** "Accept “Checkout QA” on behalf of …" */
  title: string;
  /** Who may be acted for: the receiver, or the holders of a role. */
  candidates: readonly Owner[];
  submitLabel: string;
  onSubmit: (onBehalfOf: OnBehalfOf) => Promise<WriteOutcome>;
  onClose: () => void;
}

/**
 * The explicit override: pick the person acted for and say why. The reason is
 * required and recorded in history, on the card and in HubSpot, so acting for
 * someone is never a quiet shortcut.
 */
export function OnBehalfDialog({ title, candidates, submitLabel, onSubmit, onClose }: OnBehalfDialogProps) {
  const [person, setPerson] = useState(candidates[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const personId = useId();

  const submit = async (): Promise<void> => {
    if (reason.trim() === '') {
      setError('Say why you act for them; the reason is kept in the history and on the card.');
      return;
    }
    setBusy(true);
    const outcome = await onSubmit({ person, reason: reason.trim() });
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    onClose();
  };

  return (
    <Dialog title={title} onClose={onClose} description="This is recorded as done by you on their behalf, with your reason.">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        {candidates.length > 1 ? (
          <div className="field" style={{ marginTop: 12 }}>
            <label htmlFor={personId}>On behalf of</label>
            <select id={personId} className="select" value={person} onChange={(event) => setPerson(event.target.value)}>
              {candidates.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <RequiredTextArea
          label={`Why you act for ${candidates.find((owner) => owner.id === person)?.name ?? 'them'} (required)`}
          value={reason}
          error={error}
          onChange={(value) => {
            setReason(value);
            setError(null);
          }}
        />
        <DialogActions onCancel={onClose} submitLabel={submitLabel} busy={busy} />
      </form>
    </Dialog>
  );
}
