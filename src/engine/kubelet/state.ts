import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ExitReason, ImageSpec, Process } from '../images';
import type { TimerId } from '../util';
import type { LogLine, LogStream } from './logs';

/** Instance is one run of a container (a containerd container): its ID, process, logs and exit. */
export interface Instance {
  id: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: ExitReason;
  message?: string;
  proc?: Process;
  fs: Map<string, string>;
  logs: LogLine[];
  followers: Set<LogStream>;
  timers: Set<TimerId>;
  exited: boolean;
}

/** Backoff is one flowcontrol.Backoff entry: the current delay and when it was last bumped. */
export interface Backoff { delay: number; lastUpdate: number }

/** ProbeState tracks one probe worker of a running instance. */
export interface ProbeState { timer?: TimerId; successes: number; failures: number }

/** ContainerState is the kubelet's view of one container across its restarts. */
export interface ContainerState {
  spec: Container;
  init: boolean;
  /** sidecar marks an init container with restartPolicy Always. */
  sidecar: boolean;
  image?: { ref: string; digest: string; spec: ImageSpec };
  waiting?: { reason: string; message?: string };
  current?: Instance;
  last?: Instance;
  restartCount: number;
  ready: boolean;
  started: boolean;
  /** done: an init container that completed successfully (or a started sidecar). */
  done: boolean;
  /** busy: a pull/create/start is in progress. */
  busy: boolean;
  crash?: Backoff;
  pull?: Backoff;
  /** pullError is the last pull failure, shown in the ImagePullBackOff message. */
  pullError?: string;
  probes: Partial<Record<'Liveness' | 'Readiness' | 'Startup', ProbeState>>;
  /** killing: a kill is in progress (probe failure or pod termination). */
  killing?: { reason: 'probe' | 'delete'; sigkill?: TimerId };
}

/** PodWorkerState is everything the kubelet tracks for one pod. */
export interface PodWorkerState {
  key: string;
  uid: string;
  pod: Pod;
  ip?: string;
  sandboxReady: boolean;
  startTime?: number;
  containers: ContainerState[];
  terminating: boolean;
  terminal: boolean;
  finished: boolean;
  /** teardown: the final status write and delete are scheduled. */
  teardown?: boolean;
  timers: Set<TimerId>;
  transitions: Map<string, { status: string; time: number }>;
}
