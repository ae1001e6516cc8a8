import { useMemo, useState } from 'react';
import type { Handoff } from '../../../shared/domain/handoff';
import type { ContainerItems } from './drag-state';

export type ColumnCards = Record<string, readonly (Handoff | undefined)[]>;

/** `next`, or `previous` when it holds exactly the same records in the same order. */
function sameOr(previous: readonly (Handoff | undefined)[] | undefined, next: (Handoff | undefined)[]): readonly (Handoff | undefined)[] {
  return previous !== undefined && previous.length === next.length && previous.every((card, index) => card === next[index]) ? previous : next;
}

/** Remembers the arrays it handed out last time, to hand the same ones out again when nothing in them changed. */
class ColumnCardsCache {
  private last: ColumnCards = {};

  update(shown: ContainerItems, byId: ReadonlyMap<string, Handoff>): ColumnCards {
    const next: ColumnCards = {};
    for (const [container, ids] of Object.entries(shown)) {
      next[container] = sameOr(this.last[container], ids.map((id) => byId.get(id)));
    }
    this.last = next;
    return next;
  }
}

/**
 * Each container's records, in the order shown. A container whose records did
 * not change keeps its very array, so a drop (or any write) re-renders only the
 * columns it touched: the memoized columns elsewhere see the same props.
 */
export function useColumnCards(shown: ContainerItems, byId: ReadonlyMap<string, Handoff>): ColumnCards {
  const [cache] = useState(() => new ColumnCardsCache());
  return useMemo(() => cache.update(shown, byId), [cache, shown, byId]);
}
