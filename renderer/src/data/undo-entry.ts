import type { HandoffCommand } from '../../../shared/domain/command-schema';
import type { HandoffState } from '../../../shared/domain/states';

/**
 * One undo slot. Baton keeps two: the last move and the last edit (slot ids
 * 'move' and 'edit'); "Undo" takes the newer of the two.
 */
export type UndoSlot = 'move' | 'edit';

export interface UndoEntry {
  id: UndoSlot;
  handoffId: string;
  /** For the "Undo: moved “Spring sale landing page” to Ready for handoff" label. */
  label: string;
  /** The command that reverses the change; it goes through the same gate as any command. */
  inverse: HandoffCommand;
  /**
   * What must still be true for the undo to make sense: the value at `path`
   * (e.g. "state", "title", "criteria.brief_ready") is still what the change
   * left there. If someone changed it since, undo is refused as stale.
   */
  expect: { path: string; value: unknown };
  /** For a move: the state the card left, so an undo into IN_HANDOFF's predecessor is recorded as a retraction. */
  fromState: HandoffState | null;
  toState: HandoffState | null;
  /** For a move: when the card entered `fromState`, restored on undo so its SLA clock is not reset. */
  previousStateEnteredAt: string | null;
  at: string;
  /** Outbox seq of the change, orders the two slots. */
  seq: number;
}
