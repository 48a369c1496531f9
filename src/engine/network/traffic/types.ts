// Types of the traffic generator (`sandbox traffic`, the workspace's traffic control).
import type { NetError } from '../types';

/** TrafficSourceSpec names where generated requests start: a pod (in the generator's namespace) or a node. */
export type TrafficSourceSpec = { kind: 'pod'; name: string } | { kind: 'node'; name: string };

/** TrafficStartOptions configure one generator. */
export interface TrafficStartOptions {
  /** target is `svc/NAME` (also `service/NAME`, `services/NAME`) or an `http://host[:port][/path]` URL. */
  target: string;
  /** namespace of the Service and of a `from` pod (default `default`). */
  namespace?: string;
  /** rps is requests per second of virtual time (0 < rps ≤ MAX_RPS). */
  rps: number;
  /** from is where requests start (default: the control-plane node, where the learner's terminal runs). */
  from?: TrafficSourceSpec;
  /** path is the request path (default `/`, or the URL's path). */
  path?: string;
}

/** TrafficBucket counts the answers of one pod or one version. */
export interface TrafficBucket {
  /** count is how many requests it answered; failures how many of those failed (HTTP status ≥ 400). */
  count: number;
  failures: number;
  /** share is count / answered (0–1). */
  share: number;
  /** recent, recentFailures and recentShare are the same over the last `windowMs`. */
  recent: number;
  recentFailures: number;
  recentShare: number;
}

/** TrafficPodRow is one answering pod (or external host). */
export interface TrafficPodRow extends TrafficBucket {
  namespace: string;
  pod: string;
  /** revision is the pod's pod-template-hash (or controller-revision-hash), '' when it has none. */
  revision: string;
  /** version is the answering container's image tag (`v1`), '' when unknown. */
  version: string;
  image: string;
}

/** TrafficVersionRow is one revision (pod-template-hash) with the image tag its pods run. */
export interface TrafficVersionRow extends TrafficBucket {
  revision: string;
  version: string;
  image: string;
}

/** TrafficStats is a generator's live picture: totals, shares per pod and per version, and the recent window. */
export interface TrafficStats {
  id: string;
  /** target as given (`svc/kubia`, a URL); namespace, from (`node/master`, `pod/client`) and path as resolved. */
  target: string;
  namespace: string;
  from: string;
  path: string;
  rps: number;
  /** startedAt and now are virtual times (ms). */
  startedAt: number;
  now: number;
  /** sent counts requests sent; answered those a program answered; failures every failed one (no answer, or status ≥ 400). */
  sent: number;
  answered: number;
  failures: number;
  /** windowMs is the length of the recent window (10 s); recentSent / recentFailures count within it. */
  windowMs: number;
  recentSent: number;
  recentFailures: number;
  /** pods and versions are sorted by name / by first answer. */
  pods: TrafficPodRow[];
  versions: TrafficVersionRow[];
  /** lastError is the most recent failure in curl's words (`Failed to connect ...`, `HTTP 500`). */
  lastError?: string;
}

/** TrafficGenerator sends steady HTTP requests on clock timers through the cluster network and counts the answers. */
export interface TrafficGenerator {
  /** start begins a generator and returns its id (`traffic-N`); it throws TrafficError for a bad target, rate or source. */
  start(opts: TrafficStartOptions): string;
  /** setRate changes a running generator's rate; false if the id is unknown. */
  setRate(id: string, rps: number): boolean;
  /** stop ends one generator, or every one with 'all'; returns their final stats. */
  stop(id: string | 'all'): TrafficStats[];
  /** stats returns one generator's live stats. */
  stats(id: string): TrafficStats | undefined;
  /** list returns every running generator's stats, oldest first. */
  list(): TrafficStats[];
  /** find returns the id of a running generator with the same target, namespace, source and path. */
  find(opts: Omit<TrafficStartOptions, 'rps'>): string | undefined;
}

/** TrafficError is a bad `start` argument; its message is shown after `sandbox: `. */
export class TrafficError extends Error {
  constructor(message: string) { super(message); this.name = 'TrafficError'; }
}

/** MAX_RPS is the highest rate one generator sends. */
export const MAX_RPS = 100;
/** WINDOW_MS is the length of the recent window in stats. */
export const WINDOW_MS = 10_000;

/** FAILURE_TEXT words a NetError as curl would, for lastError. */
export const FAILURE_TEXT: Record<NetError, string> = {
  resolve: 'Could not resolve host',
  'dns-timeout': 'Resolving timed out',
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  unreachable: 'No route to host',
  reset: 'Connection reset by peer',
};
