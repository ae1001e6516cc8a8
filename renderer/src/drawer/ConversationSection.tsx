import type { Handoff } from '../../../shared/domain/handoff';
import { requestClientUpdate } from '../client-update/client-update-store';
import { useUi } from '../store/ui-store';
import { formatDateTime } from '../ui/time';
import { useWorkspace } from '../ui/use-workspace';
import { AddTextForm } from './AddTextForm';
import { newRecordId, useCommand } from '../data/use-command';

/** Client updates (they satisfy "client notified" and become HubSpot notes). */
export function ClientUpdatesSection({ handoff }: { handoff: Handoff }) {
  const run = useCommand(handoff.id);
  const { ownerName, timeZone } = useWorkspace();
  const closeDrawer = useUi((s) => s.closeDrawer);
  return (
    <section className="section" aria-labelledby="updates-heading">
      <h3 id="updates-heading">Client updates</h3>
      {handoff.clientUpdates.length === 0 ? <p className="muted">No client update logged yet.</p> : null}
      <ul className="list">
        {[...handoff.clientUpdates].reverse().map((update) => (
          <li key={update.id} className="list-item">
            <div className="grow">
              <div style={{ whiteSpace: 'pre-wrap' }}>{update.body}</div>
              <div className="muted" style={{ fontSize: 12 }}>
                {ownerName(update.by)} · {formatDateTime(update.at, timeZone)}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn"
        onClick={() => {
          // The draft opens in its own dialog; one modal at a time.
          closeDrawer();
          requestClientUpdate(handoff.id);
        }}
      >
        Draft from the template…
      </button>
      <AddTextForm
        label="Client update"
        button="Log update"
        multiline
        placeholder="What did you tell the client?"
        emptyMessage="A client update needs text."
        onAdd={async (body) => {
          const outcome = await run({ type: 'log_client_update', id: newRecordId(), body }, { quiet: true, success: 'Client update logged' });
          return outcome.ok ? null : outcome.error.message;
        }}
      />
    </section>
  );
}

export function NotesSection({ handoff }: { handoff: Handoff }) {
  const run = useCommand(handoff.id);
  const { ownerName, timeZone } = useWorkspace();
  return (
    <section className="section" aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes</h3>
      <ul className="list">
        {[...handoff.notes].reverse().map((note) => (
          <li key={note.id} className="list-item">
            <div className="grow">
              <div style={{ whiteSpace: 'pre-wrap' }}>{note.body}</div>
              <div className="muted" style={{ fontSize: 12 }}>
                {ownerName(note.by)} · {formatDateTime(note.at, timeZone)}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <AddTextForm
        label="New note"
        button="Add note"
        multiline
        placeholder="Add a note for the team"
        emptyMessage="A note needs text."
        onAdd={async (body) => {
          const outcome = await run({ type: 'add_note', id: newRecordId(), body }, { quiet: true });
          return outcome.ok ? null : outcome.error.message;
        }}
      />
    </section>
  );
}
