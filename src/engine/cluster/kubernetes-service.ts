// Models pkg/controlplane/controller/kubernetesservice and the endpoint reconciler of kube-apiserver:
// every 10 s the API server makes sure default/kubernetes and its Endpoints/EndpointSlice exist, so
// `kubectl delete svc --all` gets the Service back with the same ClusterIP (a new uid and age).
import type { Client } from '../api/types';
import type { Clock, TimerId } from '../util';
import { buildKubernetesEndpoints, buildKubernetesService } from './bootstrap/services';

/** KUBERNETES_SERVICE_SYNC_MS is kube-apiserver's EndpointReconcilerInterval. */
export const KUBERNETES_SERVICE_SYNC_MS = 10_000;

/** startKubernetesServiceReconciler recreates the API server's own Service and endpoints when they are missing; returns stop. */
export function startKubernetesServiceReconciler(client: Client, clock: Clock, apiServerIP: string): () => void {
  const ensure = (resource: string, obj: ReturnType<typeof buildKubernetesService>) => {
    if (client.tryGet(resource, 'default', obj.metadata.name ?? '')) return;
    try { client.create(resource, 'default', obj); } catch { /* namespace terminating or a racing create: next round */ }
  };
  const timer: TimerId = clock.every(KUBERNETES_SERVICE_SYNC_MS, () => {
    if (!client.tryGet('namespaces', undefined, 'default')) return;
    ensure('services', buildKubernetesService());
    for (const o of buildKubernetesEndpoints(apiServerIP)) ensure(o.kind === 'Endpoints' ? 'endpoints' : 'endpointslices', o);
  });
  return () => clock.cancel(timer);
}
