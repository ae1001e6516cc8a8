import type { Handoff } from '../domain/handoff';
import type { Owner } from '../domain/settings';
import type { OwnerId } from '../domain/ids';
import type { Template } from '../domain/template';

export const UNASSIGNED_LABEL = 'Unassigned';
/** An id missing from the directory (not synced yet, or removed): a word, never the raw id. */
export const UNKNOWN_PERSON_LABEL = 'Someone not in People';

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
  // Ids never reach a reader (screen or CSV); the same wording as history's personName.
  return (id) => (id === null ? UNASSIGNED_LABEL : (names.get(id) ?? UNKNOWN_PERSON_LABEL));
}

/** Sorts text the way people read it: case- and accent-insensitive, numbers by value. */
export const compareText = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;

/** Where labels come from: template names and the owner directory. */
export interface MetricLabels {
  templates?: Iterable<Template>;
  owners?: readonly Owner[];
}
