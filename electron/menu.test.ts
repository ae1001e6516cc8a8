import type { MenuItemConstructorOptions } from 'electron';
import { getElectronFake } from '../test/setup/electron-fake';
import { buildMenuTemplate, installApplicationMenu } from './menu';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((candidate) => candidate.label === label);
  if (found === undefined) throw new Error(`no menu item "${label}"`);
  return found;
}

describe('application menu', () => {
  const send = vi.fn();
  const showAbout = vi.fn();
  beforeEach(() => {
    send.mockClear();
    showAbout.mockClear();
  });

  it('has the shortcuts users expect and forwards commands to the renderer', () => {
    const items = flatten(buildMenuTemplate({ platform: 'win32', isPackaged: true, send, showAbout }));
    expect(item(items, 'New handoff').accelerator).toBe('CmdOrCtrl+N');
    expect(item(items, 'Find').accelerator).toBe('CmdOrCtrl+F');
    expect(item(items, 'Keyboard shortcuts').accelerator).toBe('CmdOrCtrl+/');
    const click = (label: string) => (item(items, label).click as () => void)();
    click('New handoff');
    click('Find');
    click('Board');
    click('Dashboard');
    click('Keyboard shortcuts');
    click('Backup…');
    expect(send.mock.calls.map(([command]) => command)).toEqual(['new-handoff', 'find', 'show-board', 'show-dashboard', 'keyboard-shortcuts', 'backup']);
    click('About Baton');
    expect(showAbout).toHaveBeenCalled();
  });

  it('offers dev tools only in development builds', () => {
    const roles = (isPackaged: boolean) => flatten(buildMenuTemplate({ platform: 'linux', isPackaged, send, showAbout })).map((entry) => entry.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('has the standard edit roles and a macOS app menu', () => {
    const mac = buildMenuTemplate({ platform: 'darwin', isPackaged: true, send, showAbout });
    expect(mac[0]?.label).toBe('Baton');
    const roles = flatten(mac).map((entry) => entry.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'windowMenu']));
  });

  it('installs the menu', async () => {
    const electron = await getElectronFake();
    electron.reset();
    installApplicationMenu({ platform: 'linux', isPackaged: true, send, showAbout });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(electron.Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
  });
});
