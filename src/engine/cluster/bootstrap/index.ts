import type { KObject } from '../../types';
import type { Client } from '../../api/types';
import type { Rng, VirtualClock } from '../../util';
import { K8S_NAME_ALPHABET } from '../../util';
import type { ImageCatalog } from '../../images';
import type { EventRecorder } from '../../events';
import { createEventsV1Recorder } from '../../events';
import type { ResolvedNode } from '../options';
import { buildLease, buildNode } from './nodes';
import { buildNamespace, buildServiceAccount, KUBE_SYSTEM_SERVICE_ACCOUNTS, PRIORITY_CLASSES, SYSTEM_NAMESPACES } from './namespaces';
import { buildRootCA, buildSystemConfigMaps } from './configmaps';
import { buildStaticPods } from './static-pods';
import {
  buildControllerRevision, buildCorednsDeployment, buildCorednsPod, buildCorednsReplicaSet, buildKubeProxyDaemonSet, buildKubeProxyPod, COREDNS_HASH,
} from './addons';
import { recordKubeletStart, recordKubeProxyStart, recordNodeReady, recordRegisteredNode } from './node-events';
import { buildKubeDnsService, buildKubernetesEndpoints, buildKubernetesService } from './services';

export { buildNode, buildLease, NODE_INFO } from './nodes';
export { recordKubeletStart, recordNodeReady, recordRegisteredNode } from './node-events';
export { fakeCaCert, COREFILE } from './configmaps';
export { COREDNS_HASH, COREDNS_IMAGE, KUBE_PROXY_IMAGE } from './addons';
export { SYSTEM_NAMESPACES } from './namespaces';

/** BootstrapContext is what the kubeadm-like bootstrap needs: the running control plane's pieces. */
export interface BootstrapContext {
  client: Client;
  clock: VirtualClock;
  rng: Rng;
  images: ImageCatalog;
  nodes: ResolvedNode[];
  caCert: string;
  recorder(component: string, host?: string): EventRecorder;
}

/** ensure creates obj unless it already exists (the API server may pre-create system objects). */
function ensure(client: Client, resource: string, ns: string | undefined, obj: KObject): KObject {
  const have = client.tryGet(resource, ns, obj.metadata.name ?? '');
  if (have) return have;
  return client.create(resource, ns, obj);
}

/**
 * bootstrapControlPlane models `kubeadm init` + `kubeadm join` up to the addon phase: system namespaces,
 * priority classes, nodes with leases, kubeadm ConfigMaps, service accounts, the kubernetes Service and
 * the control plane's static (mirror) pods. Returns the created Node objects.
 */
export function bootstrapControlPlane(ctx: BootstrapContext): KObject[] {
  const { client, clock, rng, nodes } = ctx;
  const now = clock.now();
  for (const ns of SYSTEM_NAMESPACES) ensure(client, 'namespaces', undefined, buildNamespace(ns));
  for (const pc of PRIORITY_CLASSES) {
    try { ensure(client, 'priorityclasses', undefined, pc); } catch { /* served by the API server itself */ }
  }
  const nodeObjs = nodes.map((n) => ensure(client, 'nodes', undefined, buildNode(n, now, rng, ctx.images)));
  for (const n of nodeObjs) ensure(client, 'leases', 'kube-node-lease', buildLease(n, now));
  for (const n of nodes) recordKubeletStart(ctx.recorder('kubelet', n.name), n.name);
  const cp = nodes.find((n) => n.role === 'control-plane') ?? nodes[0];
  for (const ns of SYSTEM_NAMESPACES) {
    ensure(client, 'configmaps', ns, buildRootCA(ns, ctx.caCert));
    ensure(client, 'serviceaccounts', ns, buildServiceAccount(ns, 'default'));
  }
  for (const sa of KUBE_SYSTEM_SERVICE_ACCOUNTS) ensure(client, 'serviceaccounts', 'kube-system', buildServiceAccount('kube-system', sa));
  for (const cm of buildSystemConfigMaps(cp.internalIP, ctx.caCert)) ensure(client, 'configmaps', cm.metadata.namespace, cm);
  ensure(client, 'services', 'default', buildKubernetesService());
  for (const o of buildKubernetesEndpoints(cp.internalIP)) ensure(client, o.kind === 'Endpoints' ? 'endpoints' : 'endpointslices', 'default', o);
  nodes.forEach((n, i) => {
    if (n.role !== 'control-plane') return;
    for (const pod of buildStaticPods(nodeObjs[i], n.internalIP, now, rng)) ensure(client, 'pods', 'kube-system', pod);
  });
  return nodeObjs;
}

/** AddonObjects are the workload objects of kubeadm's addon phase. */
export interface AddonObjects { deployment: KObject; replicaSet: KObject; daemonSet: KObject; kubeDns: KObject }

/**
 * bootstrapAddons models kubeadm's addon phase plus the controllers that would act on it: the coredns
 * Deployment → ReplicaSet → 2 pods and the kube-proxy DaemonSet → one pod per node, with the events
 * the deployment, replicaset and daemonset controllers record. Pods then go through the real scheduler;
 * the endpoint and endpointslice controllers write kube-dns's Endpoints and EndpointSlice.
 */
export function bootstrapAddons(ctx: BootstrapContext): AddonObjects {
  const { client, rng, nodes } = ctx;
  const deployment = ensure(client, 'deployments', 'kube-system', buildCorednsDeployment());
  const replicaSet = ensure(client, 'replicasets', 'kube-system', buildCorednsReplicaSet(deployment));
  ctx.recorder('deployment-controller').event(deployment, 'Normal', 'ScalingReplicaSet', `Scaled up replica set coredns-${COREDNS_HASH} from 0 to 2`);
  const rsRec = ctx.recorder('replicaset-controller');
  for (let i = 0; i < 2; i++) {
    const pod = client.create('pods', 'kube-system', buildCorednsPod(replicaSet));
    rsRec.event(replicaSet, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  }
  const kubeDns = ensure(client, 'services', 'kube-system', buildKubeDnsService());
  const daemonSet = ensure(client, 'daemonsets', 'kube-system', buildKubeProxyDaemonSet());
  const hash = rng.string(10, K8S_NAME_ALPHABET);
  try { ensure(client, 'controllerrevisions', 'kube-system', buildControllerRevision(daemonSet, hash)); } catch { /* optional resource */ }
  const dsRec = ctx.recorder('daemonset-controller');
  for (const n of nodes) {
    const pod = client.create('pods', 'kube-system', buildKubeProxyPod(daemonSet, n.name, hash));
    dsRec.event(daemonSet, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  }
  return { deployment, replicaSet, daemonSet, kubeDns };
}

/** recordNodesRegistered records, for every node, node-controller's RegisteredNode and the kubelet's NodeReady. */
export function recordNodesRegistered(ctx: BootstrapContext): void {
  for (const n of ctx.nodes) {
    const node = ctx.client.tryGet('nodes', undefined, n.name);
    if (node) recordRegisteredNode(ctx.recorder('node-controller'), node);
    recordNodeReady(ctx.recorder('kubelet', n.name), n.name);
  }
}

/** recordKubeProxiesStarted records each node's kube-proxy Starting event. */
export function recordKubeProxiesStarted(ctx: BootstrapContext): void {
  for (const n of ctx.nodes) {
    const rec = createEventsV1Recorder({ client: ctx.client, clock: ctx.clock, rng: ctx.rng, reportingController: 'kube-proxy', reportingInstance: `kube-proxy-${n.name}` });
    recordKubeProxyStart(rec, n.name);
  }
}
