import { z } from 'zod';

/** The board's columns, in the order work flows through them. */
export const HANDOFF_STATES = ['IN_PROGRESS', 'READY_FOR_HANDOFF', 'IN_HANDOFF', 'HANDOFF_DONE'] as const;
export const HandoffStateSchema = z.enum(HANDOFF_STATES);
export type HandoffState = z.infer<typeof HandoffStateSchema>;

export const STATE_LABELS: Record<HandoffState, string> = {
  IN_PROGRESS: 'In progress',
  READY_FOR_HANDOFF: 'Ready for handoff',
  IN_HANDOFF: 'In handoff',
  HANDOFF_DONE: 'Handoff done',
};

/**
 * A gate guards one forward step between adjacent states. A criterion names the
 * gate it guards; a move that crosses several gates must satisfy all of them.
 */
export const GATES = ['READY', 'HAND_OVER', 'ACCEPT'] as const;
export const GateIdSchema = z.enum(GATES);
export type GateId = z.infer<typeof GateIdSchema>;

export const GATE_STEPS: Record<GateId, { from: HandoffState; to: HandoffState; label: string }> = {
  READY: { from: 'IN_PROGRESS', to: 'READY_FOR_HANDOFF', label: 'Mark ready for handoff' },
  HAND_OVER: { from: 'READY_FOR_HANDOFF', to: 'IN_HANDOFF', label: 'Hand over to receiver' },
  ACCEPT: { from: 'IN_HANDOFF', to: 'HANDOFF_DONE', label: 'Receiver accepts' },
};

export function stateIndex(state: HandoffState): number {
  return HANDOFF_STATES.indexOf(state);
}
