import { useId, useRef, type ReactNode } from 'react';
import { useFocusTrap } from './use-focus-trap';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** `alertdialog` for refusals and confirmations that need an answer. */
  role?: 'dialog' | 'alertdialog';
  wide?: boolean;
  className?: string;
  description?: ReactNode;
}

/** A modal dialog: labelled, focus-trapped, Esc or a backdrop click closes it. */
export function Dialog({ title, onClose, children, role = 'dialog', wide, className, description }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onKeyDown = useFocusTrap(ref, onClose);
  return (
    <div
      className="backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className={['dialog', wide ? 'wide' : '', className ?? ''].join(' ')}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {description ? (
          <div id={descriptionId} className="muted">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </div>
  );
}
