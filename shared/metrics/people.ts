import type { Handoff } from '../domain/handoff';
import type { Owner } from '../domain/settings';
import type { OwnerId } from '../domain/ids';
import type { Template } from '../domain/template';

export const UNASSIGNED_LABEL = 'Unassigned';

/**
 * Who must act next on an open card: the sender while they are still working
 * or have it ready, the receiver once it is handed to them. Nobody holds an
 * accepted card.
 */
export function holderOf(handoff: Pick<Handoff, 'state' | 'sender' | 'receiver'>): OwnerId | null {
  switch (handoff.state) {
    case 'IN_PROGRESS':
    case 'READY_FOR_HANDOFF':
      return handoff.sender;
    case 'IN_HANDOFF':
      return handoff.receiver;
    case 'HANDOFF_DONE':
      return null;
  }
}

/** Looks names up by id once per call instead of scanning the owner list per row. */
export function ownerNamer(owners: readonly Owner[]): (id: OwnerId | null) => string {
  const names = new Map(owners.map((owner) => [owner.id, owner.name]));
  // An id the directory does not know (not synced yet) is still more useful than nothing.
  return (id) => (id === null ? UNASSIGNED_LABEL : (names.get(id) ?? id));
}

/** Sorts text the way people read it: case- and accent-insensitive, numbers by value. */
export const compareText = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;

/** Where labels come from: template names and the owner directory. Ids are shown when absent. */
export interface MetricLabels {
  templates?: Iterable<Template>;
  owners?: readonly Owner[];
}
