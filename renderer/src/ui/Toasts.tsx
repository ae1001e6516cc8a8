import { useEffect } from 'react';
import { useUndo } from '../data/queries';
import { useUi, type Toast } from '../store/ui-store';

const TOAST_LIFETIME_MS = 8000;

function ToastItem({ toast, onUndo, undoLabel }: { toast: Toast; onUndo: () => void; undoLabel: string | null }) {
  const dismiss = useUi((s) => s.dismissToast);
  useEffect(() => {
    const timer = window.setTimeout(() => dismiss(toast.id), TOAST_LIFETIME_MS);
    return () => window.clearTimeout(timer);
  }, [dismiss, toast.id]);
  return (
    <div className={`toast ${toast.tone === 'error' ? 'error' : ''}`}>
      <span>{toast.message}</span>
      {toast.undoable && undoLabel ? (
        <button
          type="button"
          title={undoLabel}
          className="btn btn-sm"
          onClick={() => {
            dismiss(toast.id);
            onUndo();
          }}
        >
          Undo
        </button>
      ) : null}
      <button type="button" className="btn btn-sm btn-ghost" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        ✕
      </button>
    </div>
  );
}

/** Bottom-centre notifications, announced politely to screen readers. */
export function Toasts({ onUndo }: { onUndo: () => void }) {
  const toasts = useUi((s) => s.toasts);
  // Offer Undo only while the data layer still holds an undo (it drops stale ones).
  const undo = useUndo();
  const undoLabel = undo ? undo.label : null;
  const newestUndoable = [...toasts].reverse().find((toast) => toast.undoable)?.id;
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onUndo={onUndo} undoLabel={toast.id === newestUndoable ? undoLabel : null} />
      ))}
    </div>
  );
}
