import { create } from 'zustand';

interface ClientUpdateQueue {
  /** Accepted handoffs whose client update waits to be drafted, oldest first. */
  pending: string[];
  request: (handoffId: string) => void;
  /** Confirmed or skipped: the next one (if any) opens. */
  finish: (handoffId: string) => void;
}

export const useClientUpdates = create<ClientUpdateQueue>()((set) => ({
  pending: [],
  request: (handoffId) => set((state) => (state.pending.includes(handoffId) ? state : { pending: [...state.pending, handoffId] })),
  finish: (handoffId) => set((state) => ({ pending: state.pending.filter((id) => id !== handoffId) })),
}));

/** Opens the client update dialog for this handoff (e.g. a "Draft client update" action). */
export function requestClientUpdate(handoffId: string): void {
  useClientUpdates.getState().request(handoffId);
}

/** Tests: a fresh queue. */
export function resetClientUpdates(): void {
  useClientUpdates.setState({ pending: [] });
}
