import { MENU_COMMANDS } from '../../../shared/ipc/events';
import { resetUi, useUi } from '../store/ui-store';
import { runMenuCommand } from './use-menu-commands';

describe('native menu commands', () => {
  beforeEach(() => resetUi());

  it('opens the create dialog for "New handoff"', () => {
    runMenuCommand('new-handoff', useUi.getState());
    expect(useUi.getState().dialog).toEqual({ kind: 'create' });
  });

  it('focuses search on the board for "Find"', () => {
    useUi.getState().setView('settings');
    const before = useUi.getState().searchFocusRequest;
    runMenuCommand('find', useUi.getState());
    expect(useUi.getState().view).toBe('board');
    expect(useUi.getState().searchFocusRequest).not.toBe(before);
  });

  it('switches views and opens the shortcuts overlay', () => {
    runMenuCommand('show-dashboard', useUi.getState());
    expect(useUi.getState().view).toBe('dashboard');
    runMenuCommand('show-board', useUi.getState());
    expect(useUi.getState().view).toBe('board');
    runMenuCommand('backup', useUi.getState());
    expect(useUi.getState().view).toBe('settings');
    runMenuCommand('keyboard-shortcuts', useUi.getState());
    expect(useUi.getState().dialog).toEqual({ kind: 'help' });
  });

  it('handles every command the menu can send', () => {
    for (const command of MENU_COMMANDS) {
      expect(() => runMenuCommand(command, useUi.getState())).not.toThrow();
    }
  });
});
