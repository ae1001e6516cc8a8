import type { Handoff } from '../domain/handoff';
import type { OwnerId } from '../domain/ids';
import type { Owner } from '../domain/settings';
import { compareText, ownerNamer } from './people';
import type { FlowState } from './lead-time';

export interface ReceiverLoad {
  /** null: open handoffs with no receiver assigned yet. */
  receiver: OwnerId | null;
  receiverName: string;
  byState: Record<FlowState, number>;
  total: number;
}

/**
 * Open handoffs (not accepted, not archived) per receiver, split by column:
 * what is coming each person's way and what already waits on them. Most
 * loaded first, then by name.
 */
export function loadPerReceiver(handoffs: readonly Handoff[], owners: readonly Owner[] = []): ReceiverLoad[] {
  const ownerName = ownerNamer(owners);
  const byReceiver = new Map<OwnerId | null, ReceiverLoad>();
  for (const handoff of handoffs) {
    if (handoff.archivedAt !== null || handoff.state === 'HANDOFF_DONE') continue;
    const row = byReceiver.get(handoff.receiver) ?? {
      receiver: handoff.receiver,
      receiverName: ownerName(handoff.receiver),
      byState: { IN_PROGRESS: 0, READY_FOR_HANDOFF: 0, IN_HANDOFF: 0 },
      total: 0,
    };
    row.byState[handoff.state] += 1;
    row.total += 1;
    byReceiver.set(handoff.receiver, row);
  }
  return [...byReceiver.values()].sort((a, b) => b.total - a.total || compareText(a.receiverName, b.receiverName));
}
