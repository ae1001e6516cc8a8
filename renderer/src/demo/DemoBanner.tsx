import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../data/db-context';
import { isDemoPresent, removeDemoWorkspace } from '../data/workspace';
import { useUi } from '../store/ui-store';

/** Tells the user the cards are sample data, and removes them in one click. */
export function DemoBanner() {
  const db = useDb();
  const present = useLiveQuery(() => isDemoPresent(db), [db]);
  const pushToast = useUi((s) => s.pushToast);
  const closeDrawer = useUi((s) => s.closeDrawer);
  const [busy, setBusy] = useState(false);
  if (!present) return null;
  return (
    <div className="banner" role="region" aria-label="Demo workspace">
      <strong>Demo workspace</strong>
      <span>These handoffs are sample data to explore Baton. They are never synced to HubSpot.</span>
      <button
        type="button"
        className="btn btn-sm"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          closeDrawer();
          removeDemoWorkspace(db)
            .then(() => pushToast({ message: 'Demo data removed', tone: 'info', undoable: false }))
            .catch((error: unknown) =>
              pushToast({ message: `The demo could not be removed: ${error instanceof Error ? error.message : String(error)}`, tone: 'error', undoable: false }),
            )
            .finally(() => setBusy(false));
        }}
      >
        Remove demo data
      </button>
    </div>
  );
}
