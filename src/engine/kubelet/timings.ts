import type { Rng } from '../util';

/** Stage is one lifecycle step's duration, kwok-style: a base delay plus uniform jitter. */
export interface Stage { delayMs: number; jitterMs: number }

/** KubeletTimings is the data that paces every kubelet step (override any field per cluster or lesson). */
export interface KubeletTimings {
  /** firstSync: pod bound → first status write (Pending/ContainerCreating). */
  firstSync: Stage;
  /** sandbox: RunPodSandbox + CNI ADD (pod IP assigned, PodReadyToStartContainers). */
  sandbox: Stage;
  /** pullBase: registry round trips of a cold pull, before the layers transfer. */
  pullBase: Stage;
  /** pullBytesPerSec: download + unpack rate range [min, max] for a cold pull. */
  pullBytesPerSec: [number, number];
  /** pullCached: an imagePullPolicy Always pull of an image already on the node (manifest check only). */
  pullCached: Stage;
  /** pullFail: time until a pull of a missing image/tag fails. */
  pullFail: Stage;
  /** create: CreateContainer. */
  create: Stage;
  /** start: StartContainer. */
  start: Stage;
  /** relist: PLEG noticing a container exited, until the pod worker syncs again. */
  relist: Stage;
  /** statusAfterBackoff: from a failed pull to the ImagePullBackOff sync. */
  backoffSync: Stage;
  /** probeJitter: extra delay before a probe's first run when initialDelaySeconds is 0. */
  probeJitter: Stage;
  /** configRetry: the next sync after a CreateContainerConfigError (missing ConfigMap/Secret). */
  configRetry: Stage;
  /** teardown: after the last container stopped: StopPodSandbox, final status and delete. */
  teardown: Stage;
  /** crashBackoffInitialMs / crashBackoffMaxMs: container restart back-off (10 s doubling to 5 min). */
  crashBackoffInitialMs: number;
  crashBackoffMaxMs: number;
  /** backoffResetMs: a back-off entry older than this restarts at the initial value (2 × max, as flowcontrol.Backoff). */
  backoffResetMs: number;
  /** pullBackoffInitialMs / pullBackoffMaxMs: image pull back-off. */
  pullBackoffInitialMs: number;
  pullBackoffMaxMs: number;
}

/** DEFAULT_TIMINGS give a first nginx pull ≈ 6–8 s to Running and a cached start ≈ 1 s. */
export const DEFAULT_TIMINGS: KubeletTimings = {
  // The first sync happens in the same instant as the binding, so a pod reads ContainerCreating right after `kubectl run`.
  firstSync: { delayMs: 0, jitterMs: 0 },
  sandbox: { delayMs: 400, jitterMs: 500 },
  pullBase: { delayMs: 1800, jitterMs: 1200 },
  pullBytesPerSec: [18_000_000, 26_000_000],
  pullCached: { delayMs: 500, jitterMs: 900 },
  pullFail: { delayMs: 600, jitterMs: 900 },
  create: { delayMs: 60, jitterMs: 120 },
  start: { delayMs: 80, jitterMs: 150 },
  relist: { delayMs: 300, jitterMs: 700 },
  backoffSync: { delayMs: 800, jitterMs: 1200 },
  probeJitter: { delayMs: 200, jitterMs: 800 },
  teardown: { delayMs: 100, jitterMs: 300 },
  configRetry: { delayMs: 8_000, jitterMs: 4_000 },
  crashBackoffInitialMs: 10_000,
  crashBackoffMaxMs: 300_000,
  backoffResetMs: 600_000,
  pullBackoffInitialMs: 10_000,
  pullBackoffMaxMs: 300_000,
};

/** stageMs draws one duration for stage (whole milliseconds). */
export function stageMs(rng: Rng, s: Stage): number {
  return Math.round(rng.jitter(s.delayMs, s.jitterMs));
}

/** pullMs draws the duration of a cold pull of sizeBytes. */
export function pullMs(rng: Rng, t: KubeletTimings, sizeBytes: number): number {
  const [lo, hi] = t.pullBytesPerSec;
  const rate = rng.jitter(lo, Math.max(0, hi - lo));
  return stageMs(rng, t.pullBase) + Math.round((sizeBytes / rate) * 1000);
}
