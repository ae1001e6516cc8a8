import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/ipc/events';
import { hasHost, onHostEvent } from '../api/baton';
import { useUi, type UiState } from '../store/ui-store';

/**
 * What each native-menu item does in the renderer. The menu lives in the main
 * process, but the UI that answers it is here, so main forwards the command.
 */
export function runMenuCommand(command: MenuCommand, ui: UiState): void {
  switch (command) {
    case 'new-handoff':
      ui.openDialog({ kind: 'create' });
      return;
    case 'find':
      ui.setView('board');
      ui.requestSearchFocus();
      return;
    case 'show-board':
      ui.setView('board');
      return;
    case 'show-dashboard':
      ui.setView('dashboard');
      return;
    case 'keyboard-shortcuts':
      ui.openDialog({ kind: 'help' });
      return;
    case 'backup':
      // Backup and restore live in Settings.
      ui.setView('settings');
      return;
  }
}

/** Subscribes to `menu.command` events from the desktop host (none in a plain browser). */
export function useMenuCommands(): void {
  useEffect(() => {
    if (!hasHost()) return undefined;
    return onHostEvent('menu.command', ({ command }) => runMenuCommand(command, useUi.getState()));
  }, []);
}
