// Models staging/src/k8s.io/endpointslice/util TriggerTimeTracker.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { parseTime } from '../../util';
import { podReadyTransition } from './pods';

const parsed = new Map<string, number>();
// Condition timestamps repeat across pods and syncs: parse each text once.
function parseCached(t: string): number {
  let ms = parsed.get(t);
  if (ms === undefined) {
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(t, (ms = parseTime(t)));
  }
  return ms;
}

interface State { pods: Map<string, number>; service: number }

/** TriggerTimeTracker computes the `endpoints.kubernetes.io/last-change-trigger-time` of each sync. */
export class TriggerTimeTracker {
  private states = new Map<string, State>();

  /**
   * compute returns the trigger time (ms) to export for this sync of the Service, or undefined when nothing
   * changed: the Service's creation on first sight, else the earliest Ready transition that is new since
   * the last sync.
   */
  compute(key: string, svc: Service, pods: Pod[]): number | undefined {
    const prev = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const p of pods) {
      const t = podReadyTransition(p);
      if (!t) continue;
      const ms = parseCached(t);
      podTimes.set(p.metadata?.name ?? '', ms);
      if (ms > (prev?.pods.get(p.metadata?.name ?? '') ?? -Infinity)) min = min === undefined ? ms : Math.min(min, ms);
    }
    const created = svc.metadata?.creationTimestamp ? parseTime(svc.metadata.creationTimestamp) : 0;
    if (created > (prev?.service ?? -Infinity)) min = min === undefined ? created : Math.min(min, created);
    this.states.set(key, { pods: podTimes, service: created });
    if (!prev) return created;
    return min;
  }

  /** forget drops a deleted Service's state. */
  forget(key: string): void { this.states.delete(key); }
}
