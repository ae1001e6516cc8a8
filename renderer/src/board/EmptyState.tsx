import { useState } from 'react';
import { useDb } from '../data/db-context';
import { seedDemoWorkspace } from '../data/workspace';
import { useUi } from '../store/ui-store';

/** First impression of an empty workspace: what a handoff is and two ways to start. */
export function EmptyState() {
  const db = useDb();
  const openDialog = useUi((s) => s.openDialog);
  const pushToast = useUi((s) => s.pushToast);
  const [busy, setBusy] = useState(false);
  return (
    <div className="empty">
      <h1>No handoffs yet</h1>
      <p>
        A <strong>handoff</strong> is work passing from one person to the next — designs to development, QA to launch. It is done only when the
        receiver can act without re-asking: it is clearly theirs, the context is attached, and a next action has a date.
      </p>
      <p className="muted">Each template defines the proof a handoff needs before it can move to the next column.</p>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => openDialog({ kind: 'create' })}>
          Create your first handoff
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            seedDemoWorkspace(db)
              .catch((error: unknown) =>
                pushToast({ message: `The demo could not be loaded: ${error instanceof Error ? error.message : String(error)}`, tone: 'error', undoable: false }),
              )
              .finally(() => setBusy(false));
          }}
        >
          Load demo
        </button>
      </div>
    </div>
  );
}
