import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/events';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Dev tools are offered only in development builds. */
  isPackaged: boolean;
  /** Forwards a command to the renderer as a `menu.command` event. */
  send(command: MenuCommand): void;
  showAbout(): void;
}

/** The native menu; items that act on the UI are forwarded to the renderer, which owns it. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const command = (label: string, id: MenuCommand, accelerator?: string): MenuItemConstructorOptions =>
    accelerator === undefined ? { id, label, click: () => options.send(id) } : { id, label, accelerator, click: () => options.send(id) };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Baton',
      submenu: [
        { label: 'About Baton', click: () => options.showAbout() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      command('New handoff', 'new-handoff', 'CmdOrCtrl+N'),
      { type: 'separator' },
      command('Backup…', 'backup'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const viewItems: MenuItemConstructorOptions[] = [
    command('Find', 'find', 'CmdOrCtrl+F'),
    { type: 'separator' },
    command('Board', 'show-board', 'CmdOrCtrl+1'),
    command('Dashboard', 'show-dashboard', 'CmdOrCtrl+2'),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.isPackaged) viewItems.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  template.push({ label: 'View', submenu: viewItems });
  if (isMac) template.push({ role: 'windowMenu' });
  const helpItems: MenuItemConstructorOptions[] = [command('Keyboard shortcuts', 'keyboard-shortcuts', 'CmdOrCtrl+/')];
  if (!isMac) helpItems.push({ type: 'separator' }, { label: 'About Baton', click: () => options.showAbout() });
  template.push({ role: 'help', submenu: helpItems });
  return template;
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
