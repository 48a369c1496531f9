import type { KObject } from '../../types';
import type { Client } from '../../api/types';
import type { Clock } from '../../util';
import { createInformer, WorkQueue } from '../runtime';
import type { Informer } from '../runtime';

/** NamespacePublishersOptions configure the per-namespace publishers. */
export interface NamespacePublishersOptions {
  client: Client;
  clock: Clock;
  /** caCert is the PEM published as kube-root-ca.crt's ca.crt. */
  caCert: string;
}

/** NamespacePublishers is the running pair of controllers. */
export interface NamespacePublishers { start(): void; stop(): void; reconcile(ns: string): void }

const ROOT_CA = 'kube-root-ca.crt';
const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * createNamespacePublishers models two kube-controller-manager loops that fill every active namespace:
 * serviceaccounts-controller (the `default` ServiceAccount) and root-ca-cert-publisher (`kube-root-ca.crt`).
 * Either object is recreated when deleted.
 */
export function createNamespacePublishers(opts: NamespacePublishersOptions): NamespacePublishers {
  const { client, clock } = opts;
  let informers: Informer<KObject>[] = [];
  let queue: WorkQueue | undefined;
  let nsInformer: Informer<KObject> | undefined;

  function reconcile(ns: string): void {
    const n = nsInformer?.get(ns) ?? client.tryGet('namespaces', undefined, ns);
    if (!n || n.metadata.deletionTimestamp || (n.status as { phase?: string } | undefined)?.phase === 'Terminating') return;
    if (!client.tryGet('serviceaccounts', ns, 'default')) {
      create('serviceaccounts', ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    }
    if (!client.tryGet('configmaps', ns, ROOT_CA)) {
      create('configmaps', ns, {
        apiVersion: 'v1', kind: 'ConfigMap',
        metadata: { name: ROOT_CA, namespace: ns, annotations: { 'kubernetes.io/description': DESCRIPTION } },
        data: { 'ca.crt': opts.caCert },
      });
    }
  }

  function create(resource: string, ns: string, obj: KObject): void {
    try { client.create(resource, ns, obj); } catch (e) {
      if ((e as { code?: number }).code !== 409) throw e;
    }
  }

  return {
    start() {
      if (queue) return;
      const q = (queue = new WorkQueue(clock, (key) => reconcile(key), { baseDelayMs: 5, maxDelayMs: 60_000, sync: true }));
      nsInformer = createInformer<KObject>(client, 'namespaces');
      nsInformer.addHandlers({ add: (n) => q.add(n.metadata.name ?? ''), update: (_o, n) => q.add(n.metadata.name ?? '') });
      const sa = createInformer<KObject>(client, 'serviceaccounts');
      sa.addHandlers({ delete: (o) => { if (o.metadata.name === 'default') q.add(o.metadata.namespace ?? ''); } });
      const cm = createInformer<KObject>(client, 'configmaps');
      cm.addHandlers({ delete: (o) => { if (o.metadata.name === ROOT_CA) q.add(o.metadata.namespace ?? ''); } });
      informers = [nsInformer, sa, cm];
      for (const i of informers) i.start();
    },
    stop() {
      for (const i of informers) i.stop();
      informers = [];
      queue?.shutDown();
      queue = undefined;
    },
    reconcile,
  };
}
