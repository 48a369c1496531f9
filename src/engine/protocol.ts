/**
 * The one contract the browser UI and the worker host share (after tldraw's sync protocol file):
 * commands flow UI → worker, events flow worker → UI, both as discriminated unions on `type`.
 * Only types and a few pure helpers live here; the UI imports nothing else from the engine.
 */
import type { KObject } from './types';
import type { TrafficTrace } from './network/types';
import type { TrafficStats } from './network/traffic';

/** humanDuration is the AGE column's formatting (apimachinery duration.HumanDuration), shared with the UI. */
export { humanDuration } from './util/time';
/** podCells is the READY, STATUS and RESTARTS cells of kubectl's pod table (the map's pod labels and colours). */
export { podCells } from './api/printers/pod';
/** EOF_LINE is the `line` the terminal sends for Ctrl-D on an empty line while a program (a container shell) reads it. */
export { EOF_LINE } from './sandbox-shell';

export type { KObject } from './types';
export type { TrafficTrace, Peer, Hop } from './network/types';
export type { TrafficStats, TrafficPodRow, TrafficVersionRow, TrafficBucket } from './network/traffic';

/** PROTOCOL_VERSION changes whenever a command or event changes shape incompatibly. */
export const PROTOCOL_VERSION = 1;

/** ObjectRef names one cluster object; namespace is '' for cluster-scoped kinds. */
export interface ObjectRef { kind: string; namespace: string; name: string }

/** ObjectDiff is one batch of object changes; updated carries the whole new object. */
export interface ObjectDiff { added: KObject[]; updated: KObject[]; removed: ObjectRef[] }

/** TimeState is the virtual clock as the UI shows it. */
export interface TimeState {
  /** now is virtual milliseconds since the Unix epoch. */
  now: number;
  /** speed is the factor of virtual to real time (0.25–16). */
  speed: number;
  paused: boolean;
}

/** FileEntry is one entry of the learner's file tree (absolute path). */
export interface FileEntry { path: string; type: 'file' | 'dir' }

/** FileChange mirrors the VFS change feed: a write, removal, mkdir or rename. */
export interface FileChange { type: 'write' | 'remove' | 'mkdir' | 'rename'; path: string; to?: string }

/** LogEntry is one recorded input with the virtual time it happened at; replaying the log rebuilds a sandbox exactly. */
export type LogEntry =
  | { t: number; kind: 'input'; input: string }
  | { t: number; kind: 'interrupt' }
  | { t: number; kind: 'tick' }
  | { t: number; kind: 'write'; path: string; content: string }
  | { t: number; kind: 'apply'; yaml: string }
  /** editor is an editor session opened by the shell (`kubectl edit`, `vim FILE`) closing: the file as saved, so replay repeats the edit. */
  | { t: number; kind: 'editor'; path: string; saved: boolean; content?: string }
  | { t: number; kind: 'resize'; cols: number; rows: number };

/** SavedSandbox is everything needed to rebuild a sandbox: seed, input log and final virtual time. */
export interface SavedSandbox {
  format: 'kube-sandbox';
  version: 1;
  seed: number;
  log: LogEntry[];
  /** now is the virtual time the sandbox had reached when saved. */
  now: number;
  speed: number;
  paused: boolean;
}

/** Scenario is a small shareable setup (URL hash): files to create, then commands to run in order. */
export interface Scenario { files?: Record<string, string>; commands?: string[] }

/** SPEEDS are the speed factors the time controls offer. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16];

/** Command is everything the UI can ask of the worker. Commands with an id get exactly one reply event carrying it. */
export type Command =
  /** init starts (or restarts) the sandbox, from saved state or a scenario; the worker answers with a snapshot. */
  | { type: 'init'; version: number; saved?: SavedSandbox; scenario?: Scenario; seed?: number }
  /** line is one line typed at the terminal; the worker joins continuation lines until the input is complete. */
  | { type: 'line'; line: string }
  /** run executes a complete input as if typed (echoed with a prompt); for lessons, scenarios and buttons. */
  | { type: 'run'; input: string }
  /** interrupt is Ctrl-C: it stops the running command, or drops a pending continuation. */
  | { type: 'interrupt' }
  | { type: 'complete'; id: number; line: string; cursor: number }
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step'; ms: number }
  | { type: 'speed'; speed: number }
  /** reset throws the cluster away and starts a fresh one with the same seed. */
  | { type: 'reset' }
  | { type: 'export'; id: number }
  | { type: 'import'; saved: SavedSandbox }
  | { type: 'readFile'; id: number; path: string }
  | { type: 'writeFile'; id: number; path: string; content: string }
  /** apply runs `kubectl apply -f -` with yaml (the editor's Apply button); the reply carries kubectl's output. */
  | { type: 'apply'; id: number; yaml: string }
  /** crash makes the worker throw (tests of the restart path). */
  | { type: 'crash' }
  | PanelCommand
  | TrafficCommand;

/** CommandType is the discriminant of Command. */
export type CommandType = Command['type'];

/** SandboxEvent is everything the worker tells the UI. */
export type SandboxEvent =
  /** snapshot is sent once per init: every object, the file tree, time, shell history and the prompt. */
  | { type: 'snapshot'; version: number; objects: KObject[]; files: FileEntry[]; time: TimeState; history: string[]; prompt: string; seed: number }
  /** diff is a batch of object changes (sent at most every ~80 ms). */
  | ({ type: 'diff' } & ObjectDiff)
  /** output is terminal text (with \n line ends); stderr is kept apart so the terminal can colour it. */
  | { type: 'output'; stream: 'stdout' | 'stderr'; data: string }
  /**
   * prompt says the worker waits for a line: PS1 after a command ends (with its exit code), PS2 `> ` for
   * continuations; nested when an interactive program (a container shell) reads the line, so Ctrl-D ends it.
   */
  | { type: 'prompt'; text: string; continuation: boolean; code?: number; nested?: boolean }
  /** busy says a command started running (the terminal then only forwards Ctrl-C). */
  | { type: 'busy' }
  | { type: 'time'; time: TimeState }
  | { type: 'files'; changes: FileChange[] }
  | { type: 'completion'; id: number; start: number; candidates: string[] }
  | { type: 'file'; id: number; path: string; content?: string; error?: string }
  | { type: 'written'; id: number; path: string; error?: string }
  | { type: 'applied'; id: number; output: string; code: number }
  | { type: 'exported'; id: number; saved: SavedSandbox }
  /** checkpoint is the latest saved state; the UI persists it (IndexedDB) and restarts from it after a crash. */
  | { type: 'checkpoint'; saved: SavedSandbox }
  /** clear asks the terminal to clear the screen (the `clear` command). */
  | { type: 'clear' }
  /** restoring and restored bracket a replay of saved state; the terminal shows the replayed transcript afterwards. */
  | { type: 'restoring'; entries: number }
  | { type: 'restored'; transcript: string }
  | { type: 'error'; message: string }
  | PanelEvent
  | TrafficEvent;

/** SandboxEventType is the discriminant of SandboxEvent. */
export type SandboxEventType = SandboxEvent['type'];

/** refOf returns the ObjectRef of an object. */
export function refOf(obj: KObject): ObjectRef {
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' };
}

/** objectId is the key of an object within its kind: `namespace/name`, or `name` when cluster-scoped. */
export function objectId(ref: { namespace?: string; name: string }): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

// --- W2: the inspector, pod logs and the editor's `vim FILE` (map/editor/inspector panels) ---------

/**
 * PanelCommand is what the inspector and editor ask of the worker. Log streams and editor sessions
 * use their own `stream` / `editor` numbers (not `id`), so request/reply matching never sees them.
 */
export type PanelCommand =
  /** inspect asks for an object's `kubectl get -o yaml` and `kubectl describe` text; answered by `inspected`. */
  | { type: 'inspect'; id: number; ref: ObjectRef }
  /** followLogs starts `kubectl logs -f` of one container; text arrives as `logData` events until stopLogs or the container ends. */
  | { type: 'followLogs'; stream: number; namespace: string; pod: string; container?: string; previous?: boolean }
  | { type: 'stopLogs'; stream: number }
  /** editorClosed answers `openEditor`: the learner saved (or closed) the file, so `vim FILE` returns. */
  | { type: 'editorClosed'; editor: number; saved: boolean }
  /** getSchemas asks for the Kubernetes JSON schema bundle the editor validates with; answered by `schemaBundle`. */
  | { type: 'getSchemas'; id: number };

/** PanelEvent is what the worker sends the inspector and editor. */
export type PanelEvent =
  /** inspected carries the -o yaml and describe texts of an object (error: kubectl's text when it is gone). */
  | { type: 'inspected'; id: number; yaml: string; describe: string; error?: string }
  /** logData is a chunk of a followed log; done marks the end of the stream (error: kubectl's error text). */
  | { type: 'logData'; stream: number; data: string; error?: string; done?: boolean }
  /** openEditor asks the editor to open path (the shell's `vi`/`vim`/`nano`, `kubectl edit`); answer with editorClosed. */
  | { type: 'openEditor'; editor: number; path: string }
  /** schemaBundle is one JSON schema covering every served kind (picked by apiVersion and kind); source names its origin. */
  | { type: 'schemaBundle'; id: number; schema: unknown; source: string };

// --- N7: visible traffic (traces for the map's animation, the traffic generator's live shares) -----
// Added in protocol version 1 without a bump: both are new members of the unions, so an older UI
// simply ignores the event and an older worker ignores the command.

/** TrafficCommand configures the traffic feed; the UI sends it after every snapshot (a restarted worker starts with the defaults). */
export type TrafficCommand =
  /** trafficOptions: traces=false stops trace batches (the map's traffic is hidden); probes=true includes kubelet probe traces. Defaults: traces on, probes off. */
  | { type: 'trafficOptions'; traces: boolean; probes: boolean };

/** TRAFFIC_BATCH_MAX is the most traces one `traffic` event carries; the rest of a busy interval is sampled away and counted in `dropped`. */
export const TRAFFIC_BATCH_MAX = 24;

/** TrafficEvent carries the traffic of the last flush interval. */
export type TrafficEvent =
  /**
   * traffic is a batch of completed request traces (oldest first; probes only when asked) and, while any
   * generator runs (and once more after the last one stops), every generator's stats. now is the virtual
   * time of the batch, so the UI can spread the animations over the interval they happened in.
   */
  | { type: 'traffic'; now: number; traces: TrafficTrace[]; dropped: number; generators?: TrafficStats[] };
