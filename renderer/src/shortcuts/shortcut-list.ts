/** Every keyboard shortcut, listed once: the help overlay renders this table. */
export const SHORTCUTS: { keys: string[]; description: string }[] = [
  { keys: ['n'], description: 'New handoff' },
  { keys: ['/'], description: 'Search' },
  { keys: ['Ctrl/⌘', 'F'], description: 'Search' },
  { keys: ['?'], description: 'Show this help' },
  { keys: ['Tab'], description: 'Move focus between cards and controls' },
  { keys: ['Enter'], description: 'Open the focused card' },
  { keys: ['m'], description: 'Move menu for the focused card' },
  { keys: [']'], description: 'Move the focused card forward through its gate' },
  { keys: ['['], description: 'Move the focused card back one column' },
  { keys: ['Space'], description: 'Pick up / drop the focused card (then arrow keys to move it)' },
  { keys: ['Esc'], description: 'Cancel a drag, close a panel or dialog' },
  { keys: ['Ctrl/⌘', 'Z'], description: 'Undo the last move or edit' },
];
