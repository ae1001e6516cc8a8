import { useId, useState, type FormEvent } from 'react';
import type { ConnectionInfo } from '../../../shared/sync/protocol';
import { HubSpotSetupFlow } from './HubSpotSetupFlow';
import { MergeDecisionsList } from './MergeDecisionsList';
import { PortalSwitchConfirm } from './PortalSwitchConfirm';
import { RetryFailedSection } from './RetryFailedSection';
import { SyncProblemsList } from './SyncProblemsList';
import { useSyncScheduler } from './sync-context';
import { useSyncStore } from './sync-store';

const NO_PROBLEMS: readonly { dealId: string; message: string }[] = [];

/** A token-related failure in words a person can act on. */
export function connectErrorText(error: { code: string; message: string }): string {
  switch (error.code) {
    case 'HUBSPOT_AUTH':
      return `HubSpot did not accept this token: ${error.message}`;
    case 'HUBSPOT_SCOPE':
      return `The token is missing a permission (scope) Baton needs: ${error.message}`;
    case 'OFFLINE':
      return 'You are offline. Connect to HubSpot when the connection is back.';
    case 'NO_HOST':
      return 'Connecting to HubSpot needs the Baton desktop app; in a browser Baton works offline only.';
    default:
      return error.message;
  }
}

function describeAccount(connection: ConnectionInfo): string {
  const parts = [`HubSpot account ${connection.portalId}`];
  if (connection.uiDomain) parts.push(`at ${connection.uiDomain}`);
  if (connection.accountType) parts.push(`(${connection.accountType.toLowerCase().replaceAll('_', ' ')})`);
  return `${parts.join(' ')}, ${connection.ownerCount} owner${connection.ownerCount === 1 ? '' : 's'}`;
}

/**
 * Connect Baton to HubSpot with a token (verified by the desktop app, stored
 * in the OS secret store, never shown again), see which account Baton acts
 * as, set HubSpot up, retry changes HubSpot refused, or disconnect.
 */
export function HubSpotSettingsPanel() {
  const scheduler = useSyncScheduler();
  const connected = useSyncStore((s) => s.connected);
  const connection = useSyncStore((s) => s.connection);
  const online = useSyncStore((s) => s.online);
  const portalSwitch = useSyncStore((s) => s.portalSwitch);
  const problems = useSyncStore((s) => s.lastSummary?.problems ?? NO_PROBLEMS);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState<'connect' | 'disconnect' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = useId();
  const tokenId = useId();
  const errorId = useId();

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (token.trim() === '') {
      setError('Paste your HubSpot token first.');
      return;
    }
    if (!scheduler) {
      setError('Sync is still starting; try again in a moment.');
      return;
    }
    setBusy('connect');
    setError(null);
    const outcome = await scheduler.connect(token.trim());
    setBusy(null);
    if (outcome.ok) {
      setToken('');
      setNotice(
        outcome.portalSwitch
          ? `Connected to ${describeAccount(outcome.connection)}. This workspace is linked to account ${outcome.portalSwitch.from}: choose below before Baton syncs.`
          : `Connected to ${describeAccount(outcome.connection)}. Syncing now.`,
      );
    } else {
      setError(connectErrorText(outcome.error));
    }
  };

  const disconnect = async () => {
    if (!scheduler) return;
    setBusy('disconnect');
    setError(null);
    await scheduler.disconnect();
    setBusy(null);
    setNotice('Disconnected. Your handoffs stay on this computer; changes wait until you connect again.');
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>HubSpot</h2>
      <p className="muted" style={{ marginBottom: 12 }}>
        Baton keeps each handoff in step with a HubSpot ticket (or deal) in a pipeline with one stage per column: Baton’s own “Handoffs” pipeline where
        your account allows one, or an existing pipeline whose stages you map. Setting up also creates a “Baton handoffs” property group with one property
        per completion criterion plus Baton’s own (handoff id, template, receiver, next action), and from then on notes for client updates and handoff
        receipts and a task for each receiver’s next action. Nothing outside that pipeline is changed.
      </p>
      {connected === true ? (
        <div>
          <p>
            {connection ? `Connected to ${describeAccount(connection)}.` : online ? 'Connected to HubSpot.' : 'Connected to HubSpot (offline: account details show when the connection is back).'}
          </p>
          <HubSpotSetupFlow disabled={busy !== null || !online || portalSwitch !== null} />
          <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
            <button type="button" className="btn btn-danger" onClick={() => void disconnect()} disabled={busy !== null}>
              {busy === 'disconnect' ? 'Disconnecting…' : 'Disconnect'}
            </button>
          </div>
          {portalSwitch ? (
            <PortalSwitchConfirm
              preview={portalSwitch}
              onDone={(message) => {
                setError(null);
                setNotice(message);
              }}
            />
          ) : null}
        </div>
      ) : (
        <form onSubmit={(event) => void connect(event)} noValidate>
          <div className="field" style={{ maxWidth: 420 }}>
            <label htmlFor={tokenId}>HubSpot token (Service Key or private app access token)</label>
            <input
              id={tokenId}
              className="input"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              aria-invalid={error !== null}
              aria-describedby={error ? errorId : undefined}
            />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {busy === 'connect' ? 'Checking the token…' : 'Connect'}
          </button>
        </form>
      )}
      {error ? (
        <p id={errorId} className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="muted" role="status" style={{ marginTop: 8 }}>
          {notice}
        </p>
      ) : null}
      <SyncProblemsList problems={problems} />
      {connected === true ? (
        <>
          <RetryFailedSection />
          <h3 style={{ marginTop: 16 }}>Merge decisions</h3>
          <MergeDecisionsList />
        </>
      ) : null}
    </section>
  );
}
