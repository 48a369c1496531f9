export { HelpOverlay } from './HelpOverlay';
export { SHORTCUTS, TERMINAL_KEYS } from './shortcuts';
export type { Shortcut } from './shortcuts';
