import { useId, useState } from 'react';

interface AddTextFormProps {
  label: string;
  button: string;
  placeholder?: string;
  multiline?: boolean;
  emptyMessage: string;
  /** Saves the text; resolves with an error message, or null when saved. */
  onAdd: (text: string) => Promise<string | null>;
}

/** A one-field form for logging a note, a client update or a checklist item, with its error inline. */
export function AddTextForm({ label, button, placeholder, multiline, emptyMessage, onAdd }: AddTextFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const errorId = useId();
  const props = {
    id,
    className: multiline ? 'textarea' : 'input',
    value: text,
    placeholder,
    'aria-invalid': error ? ('true' as const) : ('false' as const),
    'aria-describedby': error ? errorId : undefined,
    onChange: (event: { target: { value: string } }) => {
      setText(event.target.value);
      setError(null);
    },
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') {
          setError(emptyMessage);
          return;
        }
        void onAdd(text.trim()).then((problem) => {
          setError(problem);
          if (problem === null) setText('');
        });
      }}
    >
      <div className="inline-form">
        <div className="grow">
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
          {multiline ? <textarea {...props} style={{ minHeight: 48 }} /> : <input type="text" {...props} />}
        </div>
        <button type="submit" className="btn">
          {button}
        </button>
      </div>
      {error ? (
        <div id={errorId} className="error-text" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}
