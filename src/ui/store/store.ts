import { create } from 'zustand';
import type { ObjectRef, SandboxEvent, TimeState } from '../../engine/protocol';
import { applyDiff, applyFileChanges, mirrorFrom, treeFrom, type FileTree, type ObjectMirror } from './mirror';

/** ConnectionState is the worker's life cycle as the UI shows it. */
export type ConnectionState = 'connecting' | 'restoring' | 'ready' | 'crashed';

/** RightTab is the panel shown in the right column. */
export type RightTab = 'inspector' | 'editor' | 'events' | 'rollout';

/** Layout is the user's panel sizes (pixels), persisted with the sandbox. */
export interface Layout { rightWidth: number; terminalHeight: number }

/** ClusterSlice mirrors what the worker reports: objects, files, time, connection. */
export interface ClusterSlice {
  /** objects is the generic mirror: objects[kind][`namespace/name` or `name`]. */
  objects: ObjectMirror;
  /** files maps every absolute path in the learner's VFS to its type. */
  files: FileTree;
  time: TimeState;
  connection: ConnectionState;
  /** notice is a one-line status message (worker restarted, import failed…); '' when none. */
  notice: string;
  /** busy is true while a terminal command runs. */
  busy: boolean;
}

/** UiSlice is UI-only state: selection, open file, panels, theme. */
export interface UiSlice {
  selection: ObjectRef | null;
  /** openPath is the file the editor shows, or null. */
  openPath: string | null;
  rightTab: RightTab;
  theme: 'dark' | 'light';
  presentation: boolean;
  helpOpen: boolean;
  layout: Layout;
}

/** SandboxState is the whole zustand state. */
export type SandboxState = ClusterSlice & UiSlice;

/** DEFAULT_LAYOUT sizes the panels for a 1280×720 screen. */
export const DEFAULT_LAYOUT: Layout = { rightWidth: 440, terminalHeight: 300 };

/** initialState is the state before the worker connects. */
export const initialState: SandboxState = {
  objects: {}, files: {}, time: { now: 0, speed: 1, paused: false }, connection: 'connecting', notice: '', busy: false,
  selection: null, openPath: null, rightTab: 'inspector', theme: 'dark', presentation: false, helpOpen: false, layout: DEFAULT_LAYOUT,
};

/**
 * useSandbox is the one zustand store: a generic mirror of the cluster (applied from worker diffs)
 * plus the UI slice. Select narrowly, e.g. `useSandbox((s) => s.objects.Pod)`.
 */
export const useSandbox = create<SandboxState>(() => initialState);

/** reduceEvent applies one worker event to the store (events without state effect are ignored). */
export function reduceEvent(ev: SandboxEvent): void {
  switch (ev.type) {
    case 'snapshot':
      useSandbox.setState({ objects: mirrorFrom(ev.objects), files: treeFrom(ev.files), time: ev.time, connection: 'ready', busy: false });
      break;
    case 'diff':
      useSandbox.setState((s) => ({ objects: applyDiff(s.objects, ev) }));
      break;
    case 'files':
      useSandbox.setState((s) => ({ files: applyFileChanges(s.files, ev.changes) }));
      break;
    case 'time':
      useSandbox.setState({ time: ev.time });
      break;
    case 'busy':
      useSandbox.setState({ busy: true });
      break;
    case 'prompt':
      useSandbox.setState({ busy: false });
      break;
    case 'restoring':
      useSandbox.setState({ connection: 'restoring' });
      break;
    case 'error':
      useSandbox.setState({ notice: ev.message });
      break;
    default:
      break;
  }
}

/** setUi updates the UI slice. */
export function setUi(patch: Partial<UiSlice>): void {
  useSandbox.setState(patch);
}
