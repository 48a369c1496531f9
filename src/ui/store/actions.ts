import type { KObject, ObjectRef, SandboxEvent } from '../../engine/protocol';
import { request, send } from './transport';
import { setUi, useSandbox } from './store';

/** select makes ref the selected object (the inspector shows it); null clears. */
export function select(ref: ObjectRef | null): void {
  setUi(ref ? { selection: ref, rightTab: 'inspector' } : { selection: null });
}

/** selectedObject returns the selected object from the mirror, if it still exists. */
export function selectedObject(): KObject | undefined {
  const { selection, objects } = useSandbox.getState();
  if (!selection) return undefined;
  const id = selection.namespace ? `${selection.namespace}/${selection.name}` : selection.name;
  return objects[selection.kind]?.[id];
}

/** openFile shows path in the editor tab. */
export function openFile(path: string): void {
  setUi({ openPath: path, rightTab: 'editor' });
}

/** readFile reads a file from the sandbox's VFS; rejects with the VFS error text. */
export async function readFile(path: string): Promise<string> {
  const ev = await request<Extract<SandboxEvent, { type: 'file' }>>({ type: 'readFile', path });
  if (ev.error !== undefined || ev.content === undefined) throw new Error(ev.error ?? 'no content');
  return ev.content;
}

/** writeFile saves a file in the sandbox's VFS (recorded for persistence); rejects with the VFS error text. */
export async function writeFile(path: string, content: string): Promise<void> {
  const ev = await request<Extract<SandboxEvent, { type: 'written' }>>({ type: 'writeFile', path, content });
  if (ev.error !== undefined) throw new Error(ev.error);
}

/** apply runs `kubectl apply -f -` with yaml and resolves with kubectl's combined output and exit code. */
export async function apply(yaml: string): Promise<{ output: string; code: number }> {
  const ev = await request<Extract<SandboxEvent, { type: 'applied' }>>({ type: 'apply', yaml });
  return { output: ev.output, code: ev.code };
}

/** runInTerminal runs a complete shell input in the terminal as if typed (echoed after the prompt). */
export function runInTerminal(input: string): void {
  send({ type: 'run', input });
}

/** complete asks the shell for Tab candidates of the word at cursor. */
export async function complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }> {
  const ev = await request<Extract<SandboxEvent, { type: 'completion' }>>({ type: 'complete', line, cursor });
  return { start: ev.start, candidates: ev.candidates };
}

/** TimeAction is one press on the time controls. */
export type TimeAction = { type: 'pause' } | { type: 'resume' } | { type: 'step'; ms: number } | { type: 'speed'; speed: number };

/** controlTime pauses, resumes, steps or changes the speed of virtual time. */
export function controlTime(action: TimeAction): void {
  send(action);
}
