// The editor's own UI state (open tabs, apply results) and its bridge to the worker: opening files,
// saving, the shell's `vim FILE` sessions, and Apply through the terminal with output capture.
import { create } from 'zustand';
import { onSandboxEvent, openFile, readFile, runInTerminal, send, useSandbox, writeFile } from '../store';
import { markersFromApplyOutput, type EditorMarker } from './markers';

/** OpenTab is one open file: the text on disk when loaded or saved, and the text being edited. */
export interface OpenTab { path: string; saved: string; text: string; missing: boolean }

/** ApplyResult is the last Apply of a file: kubectl's output and exit code. */
export interface ApplyResult { output: string; code: number; command: string }

/** EditorState is the editor panel's state, kept outside React so it survives re-mounts. */
export interface EditorState {
  tabs: OpenTab[];
  active: string | null;
  markers: Record<string, EditorMarker[]>;
  results: Record<string, ApplyResult>;
  applying: string | null;
  error: string;
  /** sessions counts, per path, the shell's `vim` sessions waiting for this file to be saved or closed. */
  sessions: Record<string, number>;
}

/** useEditor is the editor panel's zustand store. */
export const useEditor = create<EditorState>(() => ({ tabs: [], active: null, markers: {}, results: {}, applying: null, error: '', sessions: {} }));

/** editorSessions maps a path to the shell's waiting `vim` sessions (answered with editorClosed). */
const editorSessions = new Map<string, number[]>();

const setTab = (path: string, patch: Partial<OpenTab>) =>
  useEditor.setState((s) => ({ tabs: s.tabs.map((t) => (t.path === path ? { ...t, ...patch } : t)) }));

/** openTab opens path in a tab (reading it from the VFS), or switches to it when already open. */
export async function openTab(path: string): Promise<void> {
  if (useEditor.getState().tabs.some((t) => t.path === path)) { useEditor.setState({ active: path }); return; }
  let content = '';
  let missing = false;
  try { content = await readFile(path); } catch { missing = true; }
  useEditor.setState((s) => (s.tabs.some((t) => t.path === path)
    ? { active: path }
    : { tabs: [...s.tabs, { path, saved: content, text: content, missing }], active: path }));
}

/** editText records an edit of path's text. */
export function editText(path: string, text: string): void {
  const tab = useEditor.getState().tabs.find((t) => t.path === path);
  if (tab && tab.text !== text) setTab(path, { text });
}

function finishSessions(path: string, saved: boolean): void {
  for (const editor of editorSessions.get(path) ?? []) send({ type: 'editorClosed', editor, saved });
  editorSessions.delete(path);
  syncSessions();
}

function syncSessions(): void {
  useEditor.setState({ sessions: Object.fromEntries([...editorSessions].map(([p, ids]) => [p, ids.length])) });
}

/** saveTab writes path's text to the VFS; a waiting `vim FILE` then returns. */
export async function saveTab(path: string): Promise<boolean> {
  const tab = useEditor.getState().tabs.find((t) => t.path === path);
  if (!tab) return false;
  try {
    await writeFile(path, tab.text);
  } catch (e) {
    useEditor.setState({ error: `${path}: ${e instanceof Error ? e.message : String(e)}` });
    return false;
  }
  setTab(path, { saved: tab.text, missing: false });
  useEditor.setState({ error: '' });
  finishSessions(path, true);
  return true;
}

/** closeTab closes path's tab (unsaved edits are dropped); a waiting `vim FILE` returns. */
export function closeTab(path: string): void {
  useEditor.setState((s) => {
    const i = s.tabs.findIndex((t) => t.path === path);
    const tabs = s.tabs.filter((t) => t.path !== path);
    const active = s.active === path ? (tabs[Math.min(i, tabs.length - 1)]?.path ?? null) : s.active;
    const { [path]: _m, ...markers } = s.markers;
    return { tabs, active, markers };
  });
  finishSessions(path, false);
  if (useSandbox.getState().openPath === path) useSandbox.setState({ openPath: null });
}

/** renameTab follows a file rename (the tab keeps its edits). */
export function renameTab(from: string, to: string): void {
  useEditor.setState((s) => ({
    tabs: s.tabs.map((t) => (t.path === from ? { ...t, path: to } : t)),
    active: s.active === from ? to : s.active,
  }));
}

/** shellQuote quotes a word for the shell when it needs it. */
export function shellQuote(s: string): string {
  return /^[\w./~@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** displayPath shows a path as the learner would type it: `~/x.yaml` under the home directory. */
export function displayPath(path: string, home = '/root'): string {
  return path.startsWith(home + '/') ? `~/${path.slice(home.length + 1)}` : path;
}

/**
 * runCaptured runs input in the terminal (echoed, so the learner sees it) and resolves with the
 * output it printed and its exit code, read from the worker's output events up to the next prompt.
 */
export function runCaptured(input: string): Promise<{ output: string; code: number }> {
  return new Promise((resolve) => {
    let output = '';
    let started = false;
    const off = onSandboxEvent((ev) => {
      if (ev.type === 'output') { output += ev.data; started = true; }
      else if (ev.type === 'busy') started = true;
      else if (ev.type === 'prompt' && !ev.continuation && started) {
        off();
        const echo = input + '\n';
        resolve({ output: output.startsWith(echo) ? output.slice(echo.length) : output, code: ev.code ?? 0 });
      }
    });
    runInTerminal(input);
  });
}

/** applyTab saves path if needed, runs `kubectl apply -f PATH` in the terminal and marks the errors in the file. */
export async function applyTab(path: string): Promise<void> {
  const tab = useEditor.getState().tabs.find((t) => t.path === path);
  if (!tab || useEditor.getState().applying) return;
  // Save first when there are edits, or when `vim FILE` waits for this file (saving lets it return).
  if ((tab.text !== tab.saved || tab.missing || editorSessions.has(path)) && !(await saveTab(path))) return;
  const command = `kubectl apply -f ${shellQuote(displayPath(path))}`;
  useEditor.setState({ applying: path });
  const { output, code } = await runCaptured(command);
  const markers = markersFromApplyOutput(output, tab.text);
  useEditor.setState((s) => ({ applying: null, markers: { ...s.markers, [path]: markers }, results: { ...s.results, [path]: { output, code, command } } }));
}

let bridged = false;

/** installEditorBridge follows the worker: `vim FILE` opens a tab, and files changed on disk refresh clean tabs. */
export function installEditorBridge(): void {
  if (bridged) return;
  bridged = true;
  onSandboxEvent((ev) => {
    if (ev.type === 'openEditor') {
      editorSessions.set(ev.path, [...(editorSessions.get(ev.path) ?? []), ev.editor]);
      syncSessions();
      openFile(ev.path);
      void openTab(ev.path);
    } else if (ev.type === 'files') {
      for (const c of ev.changes) {
        const tab = useEditor.getState().tabs.find((t) => t.path === c.path);
        if (c.type === 'rename' && c.to && tab) renameTab(c.path, c.to);
        if (c.type === 'remove' && tab) setTab(c.path, { missing: true });
        if (c.type === 'write' && tab && tab.text === tab.saved) {
          void readFile(c.path).then((content) => {
            const now = useEditor.getState().tabs.find((t) => t.path === c.path);
            if (now && now.text === now.saved) setTab(c.path, { saved: content, text: content, missing: false });
          }).catch(() => {});
        }
      }
    } else if (ev.type === 'snapshot') {
      // A new or restored sandbox: waiting editor sessions belong to the old one.
      editorSessions.clear();
      syncSessions();
    }
  });
  // The learner (or a link) asked for a file: open it.
  let last: string | null = null;
  useSandbox.subscribe((s) => {
    if (s.openPath && s.openPath !== last) void openTab(s.openPath);
    last = s.openPath;
  });
}
