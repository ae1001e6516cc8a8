import { useEffect, useRef } from 'react';
import { useUi } from './store/ui-store';
import { NotificationCentre } from './notifications/NotificationCentre';
import { SyncStatusIndicator } from './sync/SyncStatusIndicator';

/** Search, primary actions and navigation. */
export function TopBar() {
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  const text = useUi((s) => s.filter.text);
  const setFilter = useUi((s) => s.setFilter);
  const openDialog = useUi((s) => s.openDialog);
  const focusRequest = useUi((s) => s.searchFocusRequest);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [focusRequest]);

  return (
    <header className="topbar">
      <span className="brand">Baton</span>
      <nav aria-label="Main" style={{ display: 'flex', gap: 4 }}>
        <button type="button" className="btn btn-ghost" aria-current={view === 'board' ? 'page' : undefined} onClick={() => setView('board')}>
          Board
        </button>
        <button type="button" className="btn btn-ghost" aria-current={view === 'templates' ? 'page' : undefined} onClick={() => setView('templates')}>
          Templates
        </button>
        <button type="button" className="btn btn-ghost" aria-current={view === 'dashboard' ? 'page' : undefined} onClick={() => setView('dashboard')}>
          Dashboard
        </button>
      </nav>
      <input
        ref={searchRef}
        type="search"
        className="input search"
        placeholder="Search handoffs  ( / )"
        aria-label="Search handoffs"
        value={text}
        onChange={(event) => {
          setFilter({ text: event.target.value });
          if (view !== 'board') setView('board');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text !== '') {
            event.stopPropagation();
            setFilter({ text: '' });
          }
        }}
      />
      <span className="spacer" />
      <SyncStatusIndicator />
      <NotificationCentre />
      <button type="button" className="btn btn-primary" onClick={() => openDialog({ kind: 'create' })}>
        + New handoff
      </button>
      <button type="button" className="btn btn-ghost" aria-current={view === 'settings' ? 'page' : undefined} onClick={() => setView('settings')}>
        Settings
      </button>
      <button type="button" className="btn btn-ghost btn-icon" aria-label="Keyboard shortcuts and help" onClick={() => openDialog({ kind: 'help' })}>
        ?
      </button>
    </header>
  );
}
