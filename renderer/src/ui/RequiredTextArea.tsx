import { useId, type ReactNode } from 'react';

export interface RequiredTextAreaProps {
  label: ReactNode;
  value: string;
  /** The new text; the caller clears its error here, so a correction makes the message go. */
  onChange: (value: string) => void;
  /** Shown under the field and announced (role="alert"); the field is marked invalid. */
  error: string | null;
  /** Shown under the field and linked to it as its description. */
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
}

/** The one text box of a dialog that needs an answer (a bounce reason, a resolution note, a client update). Takes focus when the dialog opens. */
export function RequiredTextArea({ label, value, onChange, error, hint, rows, maxLength }: RequiredTextAreaProps) {
  const fieldId = useId();
  const errorId = useId();
  const hintId = useId();
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <div className="field" style={{ marginTop: 12 }}>
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        className="textarea"
        rows={rows}
        data-autofocus
        value={value}
        maxLength={maxLength}
        aria-invalid={error ? 'true' : 'false'}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <div id={hintId} className="muted">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="error-text" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A dialog form's buttons: the way out, then the action (disabled while it runs). */
export function DialogActions({ cancelLabel = 'Cancel', onCancel, submitLabel, busy }: { cancelLabel?: string; onCancel: () => void; submitLabel: string; busy: boolean }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  );
}
