import type { SandboxEvent } from '../../engine/protocol';

type Listener = (ev: SandboxEvent) => void;
const listeners = new Set<Listener>();

/** onSandboxEvent subscribes to every raw worker event (the terminal listens for output and prompts); returns an unsubscribe. */
export function onSandboxEvent(fn: Listener): () => void {
  listeners.add(fn);
  return () => { listeners.delete(fn); };
}

/** emitSandboxEvent hands one event to every listener. */
export function emitSandboxEvent(ev: SandboxEvent): void {
  for (const fn of [...listeners]) fn(ev);
}
