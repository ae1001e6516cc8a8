import { useEffect } from 'react';
import { HANDOFF_STATES, stateIndex } from '../../../shared/domain/states';
import { useDb } from '../data/db-context';
import { useMoveHandoff } from '../data/use-command';
import { useUi } from '../store/ui-store';
import { useUndoAction } from './use-undo';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The card that has keyboard focus, unless it is being dragged (then keys belong to dnd-kit). */
function focusedCardId(): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  const card = active.closest<HTMLElement>('[data-card-id]');
  if (!card || card.dataset.dragging === 'true') return null;
  return card.dataset.cardId ?? null;
}

/** Global keyboard shortcuts (see shortcut-list.ts). Typing in a field never triggers them. */
export function useShortcuts(): void {
  const db = useDb();
  const move = useMoveHandoff();
  const undo = useUndoAction();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const ui = useUi.getState();
      const mod = event.ctrlKey || event.metaKey;
      const modalOpen = ui.dialog !== null || ui.drawer !== null || ui.refusal !== null;
      if (mod && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        if (!modalOpen) {
          ui.setView('board');
          ui.requestSearchFocus();
        }
        return;
      }
      if (isEditable(event.target)) return;
      if (mod && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undo();
        return;
      }
      if (modalOpen || mod || event.altKey) return;
      const cardId = focusedCardId();
      switch (event.key) {
        case 'n':
          event.preventDefault();
          ui.openDialog({ kind: 'create' });
          return;
        case '/':
          event.preventDefault();
          ui.setView('board');
          ui.requestSearchFocus();
          return;
        case '?':
          event.preventDefault();
          ui.openDialog({ kind: 'help' });
          return;
        case 'Enter':
          if (cardId && event.target instanceof HTMLElement && event.target.dataset.cardId === cardId) {
            event.preventDefault();
            ui.openDrawer({ handoffId: cardId });
          }
          return;
        case 'm':
          if (cardId) {
            event.preventDefault();
            ui.openDialog({ kind: 'move', handoffId: cardId });
          }
          return;
        case '[':
        case ']': {
          if (!cardId) return;
          event.preventDefault();
          const step = event.key === ']' ? 1 : -1;
          void db.handoffs.get(cardId).then((handoff) => {
            if (!handoff) return;
            const to = HANDOFF_STATES[stateIndex(handoff.state) + step];
            if (!to) return;
            void move(handoff, to).then((result) => {
              // The card re-mounts in its new column; keep keyboard focus on it.
              if (!result.ok) return;
              useUi.getState().setFocusedCard(`${cardId}@${to}`);
            });
          });
          return;
        }
        default:
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [db, move, undo]);
}
