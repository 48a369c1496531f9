/** Shortcut is one global keyboard shortcut as listed in the help overlay. */
export interface Shortcut { keys: string; action: string }

/** SHORTCUTS lists the workspace's keyboard shortcuts (the terminal's own keys follow bash). */
export const SHORTCUTS: Shortcut[] = [
  { keys: '? or F1', action: 'Show or hide this help (? works outside the terminal and editor)' },
  { keys: 'Alt+P', action: 'Pause or resume virtual time' },
  { keys: 'Alt+S', action: 'Step time by 1 second' },
  { keys: 'Alt+Shift+S', action: 'Step time by 10 seconds' },
  { keys: 'Alt+= / Alt+-', action: 'Faster / slower time' },
  { keys: 'Alt+M', action: 'Presentation mode (large fonts)' },
  { keys: 'Alt+T', action: 'Switch light / dark theme' },
  { keys: 'Alt+1 / Alt+2 / Alt+3', action: 'Focus terminal / cluster map / side panel' },
  { keys: 'Esc', action: 'Close this help' },
];

/** TERMINAL_KEYS lists the terminal's editing keys. */
export const TERMINAL_KEYS: Shortcut[] = [
  { keys: '← → Home End', action: 'Move in the line (also Ctrl-A / Ctrl-E)' },
  { keys: '↑ ↓', action: 'History' },
  { keys: 'Tab', action: 'Complete commands, resources, names and files' },
  { keys: 'Ctrl-U / Ctrl-K / Ctrl-W', action: 'Delete to line start / to line end / previous word' },
  { keys: 'Ctrl-C', action: 'Interrupt the running command (copies when text is selected)' },
  { keys: 'Ctrl-D', action: 'On an empty line: leave a container shell (kubectl exec -it)' },
  { keys: 'Ctrl-L', action: 'Clear the screen' },
  { keys: 'Ctrl-Shift-C / Ctrl-Shift-V', action: 'Copy / paste (a multi-line paste runs line by line)' },
];
