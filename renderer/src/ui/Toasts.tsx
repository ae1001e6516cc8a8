import { useEffect } from 'react';
import { useUndo } from '../data/queries';
import { useUi, type Toast } from '../store/ui-store';

/** A plain confirmation goes quickly; one that offers Undo, or reports an error, stays long enough to act on. */
const TOAST_LIFETIME_MS = 4000;
const ACTIONABLE_TOAST_LIFETIME_MS = 8000;

function ToastItem({ toast, onUndo, undoLabel }: { toast: Toast; onUndo: () => void; undoLabel: string | null }) {
  const dismiss = useUi((s) => s.dismissToast);
  useEffect(() => {
    const lifetime = toast.undoable || toast.tone === 'error' ? ACTIONABLE_TOAST_LIFETIME_MS : TOAST_LIFETIME_MS;
    const timer = window.setTimeout(() => dismiss(toast.id), lifetime);
    return () => window.clearTimeout(timer);
  }, [dismiss, toast.id, toast.undoable, toast.tone]);
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

/**
 * One notification at a time, bottom left (clear of the drawer on the right and
 * the centred editors), announced politely to screen readers. A newer toast
 * replaces the older ones instead of stacking over the work.
 */
export function Toasts({ onUndo }: { onUndo: () => void }) {
  const all = useUi((s) => s.toasts);
  const dismiss = useUi((s) => s.dismissToast);
  const toasts = all.slice(-1);
  useEffect(() => {
    for (const older of all.slice(0, -1)) dismiss(older.id);
  }, [all, dismiss]);
  // Offer Undo only while the data layer still holds an undo (it drops stale ones).
  const undo = useUndo();
  const undoLabel = undo ? undo.label : null;
  const newestUndoable = [...toasts].reverse().find((toast) => toast.undoable)?.id;
  return (
    <div className="toast-region" role="status" aria-live="polite" style={{ left: 'var(--s5)', transform: 'none' }}>
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onUndo={onUndo} undoLabel={toast.id === newestUndoable ? undoLabel : null} />
      ))}
    </div>
  );
}
