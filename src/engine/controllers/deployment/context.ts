import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Client } from '../../api/types';
import type { EventRecorder } from '../../events';
import type { KObject } from '../../types';
import type { Clock } from '../../util';
import { rfc3339 } from '../../util';
import { canonicalJson } from './hash';

/** SyncContext is what one syncDeployment pass works with: the API client, time, events and the queue. */
export interface SyncContext {
  client: Client;
  clock: Clock;
  recorder: EventRecorder;
  /** enqueueAfter re-syncs the deployment after ms (requeueStuckDeployment). */
  enqueueAfter(d: Deployment, ms: number): void;
}

/** nowString is metav1.Now() as the API serializes it (seconds). */
export const nowString = (ctx: SyncContext): string => rfc3339(ctx.clock.now());

/** updateDeploymentStatus writes d.status through the status subresource and carries the new resourceVersion. */
export function updateDeploymentStatus(ctx: SyncContext, d: Deployment): void {
  const ns = d.metadata?.namespace;
  const cur = ctx.client.get<KObject>('deployments', ns, d.metadata?.name ?? '');
  // Upstream's status strategy also keeps the revision annotation from a status write; this API server
  // takes only status there, so a changed annotation goes through a plain (generation-neutral) update first.
  const want = d.metadata?.annotations ?? {};
  const have = cur.metadata.annotations ?? {};
  if (canonicalJson(want) !== canonicalJson(have)) {
    const up = ctx.client.update<KObject>('deployments', ns, d as KObject);
    d.metadata = { ...d.metadata, resourceVersion: up.metadata.resourceVersion };
  }
  const res = ctx.client.updateStatus<KObject>('deployments', ns, d as KObject);
  d.metadata = { ...d.metadata, resourceVersion: res.metadata.resourceVersion };
}
