import { SYNC_COUNT_CAP } from '../data/queries';
import { relativeTime } from '../ui/time';
import { SETUP_NEEDED_MESSAGE } from './sync-api';
import type { SyncStatus } from './use-sync-status';

export type SyncTone = 'ok' | 'busy' | 'waiting' | 'problem' | 'off';

export interface SyncLabel {
  text: string;
  tone: SyncTone;
  /** Longer explanation for the tooltip. */
  detail: string;
}

/** A count of outbox entries as the top bar says it ("1,000+" where counting stopped). */
function amount(n: number): string {
  return n >= SYNC_COUNT_CAP ? `${SYNC_COUNT_CAP.toLocaleString('en-US')}+` : String(n);
}

function changes(n: number): string {
  return `${amount(n)} change${n === 1 ? '' : 's'}`;
}

/** What the top bar says about sync, in plain words (offline is a state, never an error). */
export function syncLabel(status: SyncStatus, now: Date): SyncLabel {
  const waiting = status.pending > 0 ? `${changes(status.pending)} waiting to be sent to HubSpot.` : 'Everything is saved on this computer.';
  if (status.connected === null) return { text: 'Checking HubSpot…', tone: 'off', detail: 'Asking the desktop app whether HubSpot is connected.' };
  if (status.connected === false) {
    return {
      text: status.pending > 0 ? `Not connected · ${changes(status.pending)} waiting to sync` : 'Not connected',
      tone: 'off',
      detail: `HubSpot is not connected; Baton works offline. ${waiting} Connect HubSpot in Settings.`,
    };
  }
  if (!status.online) {
    return {
      text: status.pending > 0 ? `Offline — ${amount(status.pending)} waiting` : 'Offline',
      tone: 'waiting',
      detail: `You are offline. ${waiting} Baton syncs when the connection is back.`,
    };
  }
  if (status.running) {
    const percent = status.progress === null ? null : Math.round(status.progress * 100);
    return { text: percent === null ? 'Syncing…' : `Syncing… ${percent}%`, tone: 'busy', detail: 'Exchanging changes with HubSpot.' };
  }
  if (status.setupNeeded) {
    return { text: SETUP_NEEDED_MESSAGE, tone: 'waiting', detail: `HubSpot is connected, but nothing syncs until you choose where handoffs live in HubSpot. ${waiting}` };
  }
  if (status.lastError) return { text: 'Sync problem', tone: 'problem', detail: status.lastError.message };
  if (status.lastSyncAt) {
    const ago = relativeTime(status.lastSyncAt, now);
    const text = ago === 'now' || ago.startsWith('in ') ? 'Synced just now' : `Synced ${ago}`;
    return status.pending > 0
      ? { text: `${text} · ${amount(status.pending)} waiting`, tone: 'waiting', detail: waiting }
      : { text, tone: 'ok', detail: 'Baton and HubSpot agree.' };
  }
  return { text: status.pending > 0 ? `${amount(status.pending)} waiting` : 'Not synced yet', tone: 'waiting', detail: waiting };
}
