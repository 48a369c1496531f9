import type { Client } from '../api/types';
import type { Clock, TimerId } from '../util';
import { clone, rfc3339, rfc3339Micro } from '../util';

/** LEASE_RENEW_MS is the kubelet's node lease renew interval (leaseDurationSeconds 40 / 4). */
export const LEASE_RENEW_MS = 10_000;
/** NODE_STATUS_REPORT_MS is the kubelet's nodeStatusReportFrequency: an unchanged status is re-posted this often. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

/** Heartbeats is the running heartbeat loop. */
export interface Heartbeats {
  stop(): void;
  /** pause stops renewing one node's lease and status (its kubelet is down). */
  pause(node: string): void;
  /** resume renews one node's lease again, at once (the kubelet came back and posts its status). */
  resume(node: string): void;
}

/**
 * startHeartbeats keeps every node alive as its kubelet would: renews its Lease in kube-node-lease every
 * 10 s and re-posts node conditions (lastHeartbeatTime) every 5 minutes. Models pkg/kubelet/nodelease and
 * the kubelet's node status loop; lives here until the kubelet module takes it over.
 */
export function startHeartbeats(client: Client, clock: Clock, nodeNames: () => string[]): Heartbeats {
  let sinceReport = 0;
  const paused = new Set<string>();
  const renewLease = (name: string) => {
    try {
      client.patch('leases', 'kube-node-lease', name, 'application/merge-patch+json', { spec: { renewTime: rfc3339Micro(clock.now()) } });
    } catch { /* lease deleted: the kubelet would recreate it; not modelled */ }
  };
  const renew = () => {
    sinceReport += LEASE_RENEW_MS;
    const report = sinceReport >= NODE_STATUS_REPORT_MS;
    if (report) sinceReport = 0;
    for (const name of nodeNames()) {
      if (paused.has(name)) continue;
      renewLease(name);
      if (report) postStatus(name);
    }
  };
  const postStatus = (name: string) => {
    const node = client.tryGet('nodes', undefined, name);
    if (!node) return;
    const next = clone(node);
    const status = next.status as { conditions?: Array<{ lastHeartbeatTime?: string }> } | undefined;
    for (const c of status?.conditions ?? []) c.lastHeartbeatTime = rfc3339(clock.now());
    try { client.updateStatus('nodes', undefined, next); } catch { /* conflict: next report */ }
  };
  const timer: TimerId = clock.every(LEASE_RENEW_MS, renew);
  return {
    stop: () => clock.cancel(timer),
    pause: (name) => { paused.add(name); },
    resume: (name) => { if (paused.delete(name)) { renewLease(name); postStatus(name); } },
  };
}
