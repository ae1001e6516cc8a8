import type { Handoff } from '../domain/handoff';
import type { OwnerId } from '../domain/ids';
import type { WorkspaceSettings } from '../domain/settings';
import { workingHoursBetween } from '../domain/sla';
import { compareText, ownerNamer } from './people';

export interface AwaitingItem {
  handoffId: string;
  title: string;
  client: string;
  /** Working hours since it was handed over (the IN_HANDOFF SLA clock). */
  waitingHours: number;
}

export interface AwaitingReceiver {
  /** null: handed over without a receiver (a template that does not require one). */
  receiver: OwnerId | null;
  receiverName: string;
  count: number;
  oldestWaitingHours: number;
  /** Longest waiting first. */
  items: AwaitingItem[];
}

/**
 * Handoffs waiting for their receiver's acceptance (IN_HANDOFF, not archived),
 * per receiver. Receivers with the longest wait come first, then those with
 * most waiting, then by name; within a receiver, longest waiting first.
 */
export function awaitingAcceptance(handoffs: readonly Handoff[], settings: WorkspaceSettings, now: Date | string): AwaitingReceiver[] {
  const ownerName = ownerNamer(settings.owners);
  const byReceiver = new Map<OwnerId | null, AwaitingItem[]>();
  for (const handoff of handoffs) {
    if (handoff.state !== 'IN_HANDOFF' || handoff.archivedAt !== null) continue;
    const items = byReceiver.get(handoff.receiver) ?? [];
    items.push({
      handoffId: handoff.id,
      title: handoff.title,
      client: handoff.client.name,
      waitingHours: workingHoursBetween(handoff.stateEnteredAt, now, settings.workingHours),
    });
    byReceiver.set(handoff.receiver, items);
  }
  const rows: AwaitingReceiver[] = [...byReceiver].map(([receiver, items]) => {
    items.sort((a, b) => b.waitingHours - a.waitingHours || compareText(a.title, b.title) || compareText(a.handoffId, b.handoffId));
    return { receiver, receiverName: ownerName(receiver), count: items.length, oldestWaitingHours: items[0]?.waitingHours ?? 0, items };
  });
  return rows.sort((a, b) => b.oldestWaitingHours - a.oldestWaitingHours || b.count - a.count || compareText(a.receiverName, b.receiverName));
}
