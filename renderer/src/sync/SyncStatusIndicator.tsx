import { useNowMinute } from '../ui/use-now-minute';
import { useUi } from '../store/ui-store';
import { syncLabel } from './sync-label';
import { useSyncStore } from './sync-store';
import { useSyncStatus } from './use-sync-status';

const DOT_CLASS = { ok: '', busy: 'pending', waiting: 'pending', problem: 'failed', off: 'off' } as const;

/**
 * Top-bar sync status: a polite live region with what sync is doing, the
 * failed count (a shortcut to the cards carrying the failures) and "Sync now".
 */
export function SyncStatusIndicator() {
  const status = useSyncStatus();
  const requestRun = useSyncStore((s) => s.requestRun);
  const setView = useUi((s) => s.setView);
  const setFilter = useUi((s) => s.setFilter);
  const now = useNowMinute();
  const label = syncLabel(status, new Date(now));
  // Clicking during a run is allowed: it queues exactly one follow-up run.
  const canSync = status.connected === true && status.online;

  return (
    <div className="sync-status" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span className="sync-indicator" role="status" aria-live="polite" title={label.detail} data-tone={label.tone}>
        <span
          className={`sync-dot ${DOT_CLASS[label.tone]}`}
          aria-hidden="true"
          style={label.tone === 'problem' ? { background: 'var(--danger)' } : label.tone === 'off' ? { background: 'var(--text-muted)' } : undefined}
        />
        {label.text}
        {label.tone === 'problem' ? <span className="visually-hidden">: {label.detail}</span> : null}
      </span>
      {status.failed > 0 ? (
        <button
          type="button"
          className="btn btn-ghost btn-danger"
          title="Show the cards whose changes HubSpot refused"
          onClick={() => {
            setView('board');
            setFilter({ withExceptions: true });
          }}
        >
          {status.failed} failed
        </button>
      ) : null}
      {status.connected === true ? (
        <button type="button" className="btn btn-ghost" onClick={requestRun} disabled={!canSync} title={status.online ? 'Sync with HubSpot now' : 'Offline: sync starts when the connection is back'}>
          Sync now
        </button>
      ) : null}
    </div>
  );
}
