import { useId, useState } from 'react';
import { useWorkspace } from '../ui/use-workspace';
import type { PortalSwitchPreview, RelinkSummary } from './relink-portal';
import { useSyncScheduler } from './sync-context';

function handoffs(n: number): string {
  return `${n} handoff${n === 1 ? '' : 's'}`;
}

/** What the switch did, in one sentence. */
export function describeRelink(preview: PortalSwitchPreview, summary: RelinkSummary): string {
  return `Linked this workspace to HubSpot account ${preview.to}: ${handoffs(summary.unlinked)} unlinked from account ${preview.from}; every handoff is being created in ${preview.to} now.`;
}

/**
 * The token belongs to another HubSpot account than the workspace's deal
 * links. Sync waits here: linking to the new account unlinks the old deals
 * (local data stays) and creates every handoff there; keeping the old account
 * forgets the new token.
 */
export function PortalSwitchConfirm({ preview, onDone }: { preview: PortalSwitchPreview; onDone: (message: string) => void }) {
  const scheduler = useSyncScheduler();
  const { currentUser } = useWorkspace();
  const [busy, setBusy] = useState<'link' | 'keep' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const { from, to } = preview;

  const link = async () => {
    if (!scheduler) return;
    setBusy('link');
    setError(null);
    const outcome = await scheduler.confirmPortalSwitch(currentUser);
    setBusy(null);
    if (outcome.ok) onDone(describeRelink(preview, outcome.summary));
    else setError(outcome.error.message);
  };

  const keep = async () => {
    if (!scheduler) return;
    setBusy('keep');
    setError(null);
    await scheduler.disconnect();
    setBusy(null);
    onDone(`Kept account ${from}: the token for account ${to} was forgotten. Connect with a token for account ${from} to sync again.`);
  };

  return (
    <div role="alertdialog" aria-labelledby={headingId} className="panel" style={{ marginTop: 12 }}>
      <h3 id={headingId}>
        Link this workspace to HubSpot account {to} instead of {from}?
      </h3>
      <p>
        This token belongs to HubSpot account {to}, but this workspace’s handoffs are linked to deals in account {from}. Sync is paused until you choose,
        so nothing is sent to either account.
      </p>
      <p className="muted">
        Linking to account {to} removes the links of {handoffs(preview.linkedHandoffs)} to their deals in account {from}, forgets what was last synced
        with it, and creates {preview.handoffsToCreate === 1 ? 'the one live handoff' : `all ${preview.handoffsToCreate} live handoffs`} as deals in
        account {to}. Your handoffs, their history and notes stay on this computer; nothing in account {from} is changed.
      </p>
      <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
        <button type="button" className="btn btn-danger" onClick={() => void link()} disabled={busy !== null || !scheduler}>
          {busy === 'link' ? 'Linking…' : `Link to account ${to}`}
        </button>
        <button type="button" className="btn" onClick={() => void keep()} disabled={busy !== null || !scheduler}>
          {busy === 'keep' ? 'Disconnecting…' : `Keep account ${from} (disconnect)`}
        </button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
