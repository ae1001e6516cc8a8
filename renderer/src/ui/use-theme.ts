import { useEffect } from 'react';

/** Applies the chosen theme; "system" leaves it to prefers-color-scheme. */
export function useApplyTheme(theme: 'system' | 'light' | 'dark'): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}
