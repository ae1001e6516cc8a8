import { useId, useState, type KeyboardEvent } from 'react';

interface EditableTextProps {
  label: string;
  value: string;
  /** Saves the new value; resolves with an error message to show inline, or null when saved. */
  onCommit: (value: string) => Promise<string | null>;
  multiline?: boolean;
  className?: string;
  hideLabel?: boolean;
  placeholder?: string;
}

/**
 * A field that saves when it loses focus or on Enter, and shows why a save was
 * refused next to it. The typed text is kept on error so nothing is lost.
 */
export function EditableText({ label, value, onCommit, multiline, className, hideLabel, placeholder }: EditableTextProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const errorId = useId();
  const shown = draft ?? value;

  const commit = async (): Promise<void> => {
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    const problem = await onCommit(draft);
    setError(problem);
    if (problem === null) setDraft(null);
  };

  const common = {
    id,
    className: `${multiline ? 'textarea' : 'input'} ${className ?? ''}`,
    value: shown,
    placeholder,
    'aria-invalid': error ? ('true' as const) : ('false' as const),
    'aria-describedby': error ? errorId : undefined,
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value);
      setError(null);
    },
    onBlur: () => void commit(),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (!multiline || event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        void commit();
      } else if (event.key === 'Escape' && draft !== null) {
        // First Esc reverts the edit; the next one closes the panel.
        event.stopPropagation();
        event.preventDefault();
        setDraft(null);
        setError(null);
      }
    },
  };

  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? <textarea {...common} /> : <input type="text" {...common} />}
      {error ? (
        <div id={errorId} className="error-text" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
