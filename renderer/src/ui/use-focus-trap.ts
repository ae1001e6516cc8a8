import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
}

/**
 * Keeps Tab inside `ref` while it is mounted, closes on Escape, and gives focus
 * back to whatever had it before — so a keyboard user never gets lost behind a
 * modal. Returns the container's onKeyDown: a React handler, so a field inside
 * can stop an Escape (e.g. to revert its edit) before it closes the container.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onEscape: () => void): (event: KeyboardEvent) => void {
  const escapeRef = useRef(onEscape);
  useLayoutEffect(() => {
    escapeRef.current = onEscape;
  });
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const initial = container.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(container)[0] ?? container;
    initial.focus();
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
  }, [ref]);

  return useCallback(
    (event: KeyboardEvent) => {
      const container = ref.current;
      if (!container) return;
      if (event.key === 'Escape') {
        event.stopPropagation();
        event.preventDefault();
        escapeRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(container);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      if (event.shiftKey && (document.activeElement === first || document.activeElement === container)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    },
    [ref],
  );
}
