// Presentational pod status for the map: kubectl's STATUS column (the engine's printPod cells, via the
// protocol module) mapped to colour families.
import { podCells, type KObject } from '../../engine/protocol';

/** PodTone is the colour family a pod is drawn with. */
export type PodTone = 'pending' | 'creating' | 'running' | 'notready' | 'failed' | 'completed' | 'terminating' | 'other';

/** PodView is what the map shows for one pod: STATUS text, READY, restarts and a colour family. */
export interface PodView { status: string; ready: string; allReady: boolean; restarts: number; tone: PodTone }

const FAILED = new Set([
  'CrashLoopBackOff', 'Error', 'ErrImagePull', 'ImagePullBackOff', 'OOMKilled', 'CreateContainerConfigError',
  'CreateContainerError', 'InvalidImageName', 'ContainerStatusUnknown', 'Failed', 'Unknown', 'Evicted',
  'ErrImageNeverPull', 'RunContainerError', 'StartError', 'DeadlineExceeded', 'BackoffLimitExceeded',
]);

/** podStatusText returns the STATUS column text kubectl prints for a pod, its READY cell and its restart count. */
export function podStatusText(pod: KObject): { status: string; ready: string; restarts: number } {
  // The RESTARTS cell is `N` or `N (5m ago)`; the map shows the count only, so the time does not matter.
  const { ready, reason, restarts } = podCells(pod, 0);
  return { status: reason, ready, restarts: parseInt(restarts, 10) };
}

/** toneOf maps STATUS text and readiness to the colour family the map uses. */
export function toneOf(status: string, allReady: boolean): PodTone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Running') return allReady ? 'running' : 'notready';
  if (status === 'NotReady') return 'notready';
  if (status === 'Pending' || status === 'SchedulingGated') return 'pending';
  if (status === 'Completed' || status === 'Succeeded') return 'completed';
  if (status === 'ContainerCreating' || status === 'PodInitializing') return 'creating';
  const bare = status.startsWith('Init:') ? status.slice(5) : status;
  if (FAILED.has(bare) || bare.startsWith('ExitCode:') || bare.startsWith('Signal:')) return 'failed';
  if (status.startsWith('Init:')) return 'creating';
  return 'other';
}

/** podView combines STATUS text, readiness and tone for one pod. */
export function podView(pod: KObject): PodView {
  const { status, ready, restarts } = podStatusText(pod);
  const [a, b] = ready.split('/').map(Number);
  const allReady = b > 0 && a === b;
  return { status, ready, allReady, restarts, tone: toneOf(status, allReady) };
}
