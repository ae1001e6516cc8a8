import type { Handoff } from '../../../shared/domain/handoff';
import type { OutboxEntry, OutboxKind } from '../../../shared/sync/outbox';
import type { PushAck, PushItem, SyncBase } from '../../../shared/sync/protocol';
import { TEMPLATE } from './fixtures';

/**
 * A stand-in for the renderer's Dexie store in sync tests: handoffs, their
 * base and deal id, and an outbox, committed from push acks the way the
 * renderer does it.
 */
export interface LocalRow {
  handoff: Handoff;
  base: SyncBase | null;
  dealId: string | null;
}

export class LocalStore {
  readonly rows = new Map<string, LocalRow>();
  outbox: OutboxEntry[] = [];
  private seq = 0;

  put(handoff: Handoff): void {
    const row = this.rows.get(handoff.id);
    this.rows.set(handoff.id, { handoff, base: row?.base ?? null, dealId: row?.dealId ?? handoff.client.hubspotDealId });
  }

  enqueue(handoffId: string, kind: OutboxKind, refId: string | null = null, createdAt = '2026-11-20T08:00:00.000Z'): OutboxEntry {
    this.seq += 1;
    const entry: OutboxEntry = { id: `ob-${this.seq}`, seq: this.seq, handoffId, kind, refId, createdAt, attempts: 0, lastError: null, status: 'pending' };
    this.outbox.push(entry);
    return entry;
  }

  /** Pending entries grouped per handoff, as push items. */
  pushItems(): PushItem[] {
    const byHandoff = new Map<string, OutboxEntry[]>();
    for (const entry of this.outbox.filter((e) => e.status === 'pending')) byHandoff.set(entry.handoffId, [...(byHandoff.get(entry.handoffId) ?? []), entry]);
    return [...byHandoff.entries()].map(([id, entries]) => {
      const row = this.rows.get(id);
      if (!row) throw new Error(`no handoff ${id}`);
      return { handoff: row.handoff, template: TEMPLATE, base: row.base, dealId: row.dealId, entries };
    });
  }

  commit(acks: readonly PushAck[]): void {
    for (const ack of acks) {
      const entry = this.outbox.find((e) => e.id === ack.entryId);
      if (!entry) throw new Error(`ack for unknown entry ${ack.entryId}`);
      if (ack.status === 'ok') {
        this.outbox = this.outbox.filter((e) => e.id !== ack.entryId);
        const row = this.rows.get(ack.handoffId);
        if (row) this.rows.set(ack.handoffId, { ...row, base: ack.newBase, dealId: ack.dealId === '' ? row.dealId : ack.dealId });
      } else if (ack.status === 'failed') {
        entry.status = 'failed';
        entry.lastError = ack.error.message;
      } else {
        entry.attempts += 1;
        entry.lastError = ack.error.message;
      }
    }
  }
}
