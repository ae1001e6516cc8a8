import type { Handoff, HandoffException } from '../domain/handoff';
import type { HandoffEvent } from '../domain/history';
import type { Template } from '../domain/template';
import type { PipelineIds } from '../hubspot/mapping';
import type { CarriedEvent } from './carrier';
import type { RemoteDeal, SyncBase } from './protocol';

/**
 * What reconcile takes and gives, apart from reconcile itself: the carrier
 * merge (reconcile-carrier.ts) produces the same results, and importing them
 * from reconcile.ts would make the two files import each other.
 */

export interface LocalRecord {
  handoff: Handoff;
  /** Mapped values as last synced; null when never synced. */
  base: SyncBase | null;
  /** Per-property local edit times (see `localEditTimesFromEvents`); `handoff.updatedAt` otherwise. */
  localEditTimes?: Record<string, string>;
  /** The handoff's history with recipes (see fold.ts); needed to merge a deal that carries a Baton record. */
  log?: CarriedEvent[];
  /** This desktop's acts held because the handoff's deal was archived before they reached it (held-acts.ts). */
  held?: CarriedEvent[];
}

export interface ReconcileInput extends PipelineIds {
  deals: readonly RemoteDeal[];
  /**
   * Local handoffs to merge into: at least every handoff whose deal id is among
   * the pulled deals or whose id equals a pulled deal's `batonId` (otherwise
   * that deal is treated as new and imported under the same id).
   */
  locals: readonly LocalRecord[];
  /** Every template version the handoffs use (and the ones imports may name). */
  templates: readonly Template[];
  /** The template for deals created in HubSpot that name none (never for a deal naming a template that is missing). */
  defaultTemplate: Template | null;
  /** ISO 8601. */
  now: string;
}

export interface HandoffWrite {
  handoff: Handoff;
  /** New history events for this handoff, in order. */
  events: HandoffEvent[];
  /** Store as the handoff's base. */
  newBase: SyncBase;
  dealId: string;
  /** True when the handoff did not exist locally (import / created in HubSpot). */
  created: boolean;
  /** True when `events` is the handoff's whole history (a fold), replacing what is stored. */
  replaceHistory?: boolean;
  /** The handoff's whole log with recipes after this write. */
  log?: CarriedEvent[];
  /** Template versions that arrived with the record (store the ones missing). */
  templates?: Template[];
  /** True when HubSpot lacks acts of this desktop: queue a push. */
  needsPush?: boolean;
  /** The handoff's held acts after this write (held-acts.ts); absent: unchanged. */
  held?: CarriedEvent[];
}

/** A field both sides changed: the later won; the loser is kept for review and revert. */
export interface MergeDecision {
  handoffId: string;
  dealId: string;
  property: string;
  winner: 'local' | 'remote';
  winningValue: string | null;
  losingValue: string | null;
  localAt: string;
  remoteAt: string;
  /** The merge_decision event recording it. */
  eventId: string;
}

export interface RaisedException {
  handoffId: string;
  exception: HandoffException;
}

export interface ReconcileProblem {
  dealId: string;
  handoffId: string | null;
  message: string;
  /** The template version the deal needs and this desktop lacks: the deal is kept and merged again once it arrives. */
  waitsFor?: { templateId: string; version: number };
  /** Not a failure: this many acts of this desktop wait for the archived handoff to be restored (held-acts.ts). */
  held?: number;
  /** Not a failure either: a held act the restored handoff no longer allows was not made (said once, held-acts.ts). */
  heldNotApplied?: true;
}

export interface ReconcileOutput {
  writes: HandoffWrite[];
  conflicts: MergeDecision[];
  exceptions: RaisedException[];
  problems: ReconcileProblem[];
}

export interface DealResult {
  write: HandoffWrite | null;
  conflicts: MergeDecision[];
  exceptions: RaisedException[];
  problems: ReconcileProblem[];
}
