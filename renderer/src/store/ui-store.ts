import { create } from 'zustand';
import type { HandoffState } from '../../../shared/domain/states';

/** The board's filter bar. Mirrors `BoardFilter` of the data layer's `useBoardColumns`. */
export interface FilterState {
  text: string;
  mine: boolean;
  clientName: string;
  templateId: string;
  stalled: boolean;
  withExceptions: boolean;
  awaitingMyAcceptance: boolean;
  archived: boolean;
}

export const EMPTY_FILTER: FilterState = {
  text: '',
  mine: false,
  clientName: '',
  templateId: '',
  stalled: false,
  withExceptions: false,
  awaitingMyAcceptance: false,
  archived: false,
};

export type View = 'board' | 'dashboard' | 'templates' | 'settings';
export type Swimlanes = 'none' | 'client' | 'template';

/** One unmet criterion as the refusal panel shows it. */
export interface RefusalItem {
  criterionId: string;
  label: string;
  reason: string;
}

/** A refused move: what was attempted and why it was refused. */
export interface Refusal {
  handoffId: string;
  title: string;
  to: HandoffState;
  message: string;
  unmet: RefusalItem[];
  /** What the acting person lacks ("Only the receiver, Maya Chen, can accept …"), shown with the missing proof. */
  authority?: string[];
}

export interface DrawerTarget {
  handoffId: string;
  /** Criterion to scroll to and highlight (from a refusal's "Fix"). */
  criterionId?: string;
}

export type DialogState =
  | { kind: 'create' }
  | { kind: 'help' }
  | { kind: 'bounce'; handoffId: string }
  | { kind: 'move'; handoffId: string }
  | null;

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** Offer "Undo" (Ctrl/Cmd+Z does the same). */
  undoable: boolean;
}

export interface UiState {
  view: View;
  filter: FilterState;
  swimlanes: Swimlanes;
  drawer: DrawerTarget | null;
  dialog: DialogState;
  refusal: Refusal | null;
  toasts: Toast[];
  /** `cardId@state` of a card that should take keyboard focus once it renders in that column. */
  focusedCardId: string | null;
  /** Bumped to ask the search box to take focus (shortcut `/`). */
  searchFocusRequest: number;
  setView: (view: View) => void;
  setFilter: (patch: Partial<FilterState>) => void;
  resetFilter: () => void;
  setSwimlanes: (swimlanes: Swimlanes) => void;
  openDrawer: (target: DrawerTarget) => void;
  closeDrawer: () => void;
  openDialog: (dialog: Exclude<DialogState, null>) => void;
  closeDialog: () => void;
  showRefusal: (refusal: Refusal) => void;
  clearRefusal: () => void;
  pushToast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
  setFocusedCard: (id: string | null) => void;
  requestSearchFocus: () => void;
}

type UiData = Pick<UiState, 'view' | 'filter' | 'swimlanes' | 'drawer' | 'dialog' | 'refusal' | 'toasts' | 'focusedCardId' | 'searchFocusRequest'>;

const INITIAL_UI: UiData = {
  view: 'board',
  filter: EMPTY_FILTER,
  swimlanes: 'none',
  drawer: null,
  dialog: null,
  refusal: null,
  toasts: [],
  focusedCardId: null,
  searchFocusRequest: 0,
};

/** Back to a fresh session (tests; also a clean slate after removing the demo). */
export function resetUi(): void {
  useUi.setState(INITIAL_UI);
}

let nextToastId = 1;

export const useUi = create<UiState>()((set) => ({
  ...INITIAL_UI,
  setView: (view) => set({ view }),
  setFilter: (patch) => set((state) => ({ filter: { ...state.filter, ...patch } })),
  resetFilter: () => set({ filter: EMPTY_FILTER }),
  setSwimlanes: (swimlanes) => set({ swimlanes }),
  openDrawer: (target) => set({ drawer: target, refusal: null }),
  closeDrawer: () => set({ drawer: null }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  showRefusal: (refusal) => set({ refusal }),
  clearRefusal: () => set({ refusal: null }),
  // Only the latest few toasts matter; older ones would just pile up over a busy day.
  pushToast: (toast) => set((state) => ({ toasts: [...state.toasts.slice(-2), { ...toast, id: nextToastId++ }] })),
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  setFocusedCard: (focusedCardId) => set({ focusedCardId }),
  requestSearchFocus: () => set((state) => ({ searchFocusRequest: state.searchFocusRequest + 1 })),
}));

/** Only the set filters, in the shape the data layer's `BoardFilter` expects. */
export function toBoardFilter(filter: FilterState): {
  text?: string;
  mine?: boolean;
  clientName?: string;
  templateId?: string;
  stalled?: boolean;
  withExceptions?: boolean;
  awaitingMyAcceptance?: boolean;
  archived?: boolean;
} {
  const out: ReturnType<typeof toBoardFilter> = {};
  if (filter.text.trim()) out.text = filter.text.trim();
  if (filter.mine) out.mine = true;
  if (filter.clientName) out.clientName = filter.clientName;
  if (filter.templateId) out.templateId = filter.templateId;
  if (filter.stalled) out.stalled = true;
  if (filter.withExceptions) out.withExceptions = true;
  if (filter.awaitingMyAcceptance) out.awaitingMyAcceptance = true;
  if (filter.archived) out.archived = true;
  return out;
}
