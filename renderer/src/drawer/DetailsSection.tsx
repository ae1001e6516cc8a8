import { useId, useState } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import { formatLocalTime } from '../../../shared/domain/local-time';
import { EditableText } from '../ui/EditableText';
import { isoToLocalInput, localInputToIso } from '../ui/time';
import { useWorkspace } from '../ui/use-workspace';
import { useCommand } from '../data/use-command';

/** Client, sender, receiver and the next action with its due time (entered in the workspace time zone). */
export function DetailsSection({ handoff }: { handoff: Handoff }) {
  const run = useCommand(handoff.id);
  const { settings, timeZone, ownerName } = useWorkspace();
  const senderId = useId();
  const receiverId = useId();
  const [warning, setWarning] = useState<string | null>(null);
  const owners = settings.owners;
  const ownerOptions = (current: string | null) => {
    const known = owners.some((o) => o.id === current);
    return (
      <>
        <option value="">Unassigned</option>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.name}
          </option>
        ))}
        {current !== null && !known ? <option value={current}>{ownerName(current)}</option> : null}
      </>
    );
  };

  return (
    <section className="section" aria-labelledby="details-heading">
      <h3 id="details-heading">Details</h3>
      <EditableText
        label="Client"
        value={handoff.client.name}
        onCommit={async (name) => {
          const outcome = await run({ type: 'set_client', client: { ...handoff.client, name } }, { quiet: true, success: 'Client saved', undoable: true });
          return outcome.ok ? null : outcome.error.message;
        }}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor={senderId}>Sender</label>
          <select
            id={senderId}
            className="select"
            value={handoff.sender ?? ''}
            onChange={(event) => void run({ type: 'set_sender', sender: event.target.value || null }, { success: 'Sender saved', undoable: true })}
          >
            {ownerOptions(handoff.sender)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={receiverId}>Receiver</label>
          <select
            id={receiverId}
            className="select"
            value={handoff.receiver ?? ''}
            onChange={(event) =>
              void run({ type: 'set_receiver', receiver: event.target.value || null }, { success: 'Receiver saved', undoable: true })
            }
          >
            {ownerOptions(handoff.receiver)}
          </select>
        </div>
      </div>
      {owners.length <= 1 ? <p className="muted">Only you are listed: add the people you hand work to in Settings → People.</p> : null}
      <NextActionEditor
        // Remount when the stored value changes (undo, sync) so the form never shows stale text.
        key={`${handoff.nextAction?.text ?? ''}|${handoff.nextAction?.dueAt ?? ''}|${timeZone}`}
        handoff={handoff}
        timeZone={timeZone}
        onWarning={setWarning}
      />
      {/* Outside the editor, which remounts when the saved value changes. */}
      <div className="muted" role="status">
        {warning}
      </div>
    </section>
  );
}

function NextActionEditor({ handoff, timeZone, onWarning }: { handoff: Handoff; timeZone: string; onWarning: (warning: string | null) => void }) {
  const run = useCommand(handoff.id);
  const [text, setText] = useState(handoff.nextAction?.text ?? '');
  const [due, setDue] = useState(handoff.nextAction ? isoToLocalInput(handoff.nextAction.dueAt, timeZone) : '');
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const dueId = useId();
  const errorId = useId();
  const stored = handoff.nextAction;
  const dirty = text !== (stored?.text ?? '') || due !== (stored ? isoToLocalInput(stored.dueAt, timeZone) : '');

  const save = async (): Promise<void> => {
    if (text.trim() === '' && due === '') {
      if (stored === null) return;
      const outcome = await run({ type: 'set_next_action', nextAction: null }, { quiet: true, success: 'Next action cleared', undoable: true });
      setError(outcome.ok ? null : outcome.error.message);
      return;
    }
    if (text.trim() === '') return setError('Describe the next action, e.g. “Review the staging build”.');
    const dueAt = localInputToIso(due, timeZone);
    if (dueAt === null) return setError('Pick a due date and time.');
    const outcome = await run({ type: 'set_next_action', nextAction: { text: text.trim(), dueAt } }, { quiet: true, success: 'Next action saved', undoable: true });
    setError(outcome.ok ? null : outcome.error.message);
    // Saved as asked (it may record what was missed), but never silently: a past due time fails the hand-over gate.
    onWarning(
      outcome.ok && Date.parse(dueAt) <= Date.now()
        ? `Saved, but it was due ${formatLocalTime(dueAt, timeZone, new Date())}, which is in the past: the hand-over needs a future due time.`
        : null,
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <div className="field-row">
        <div className="field" style={{ flex: 2 }}>
          <label htmlFor={textId}>Next action</label>
          <input
            id={textId}
            className="input"
            value={text}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={dueId}>Due ({timeZone})</label>
          <input id={dueId} type="datetime-local" className="input" value={due} onChange={(event) => setDue(event.target.value)} />
        </div>
      </div>
      {error ? (
        <div id={errorId} className="error-text" role="alert">
          {error}
        </div>
      ) : null}
      {dirty ? (
        <button type="submit" className="btn btn-sm btn-primary">
          Save next action
        </button>
      ) : null}
    </form>
  );
}
