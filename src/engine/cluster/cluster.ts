import type { Status } from '../types';
import type { Client, PodLogProvider } from '../api/types';
import { createApiServer, createClient } from '../api';
import type { ApiServer } from '../api';
import { createStore } from '../store';
import type { Store } from '../store';
import { VirtualClock, DEFAULT_EPOCH, createRng } from '../util';
import type { Rng } from '../util';
import { createEventRecorder, createEventsV1Recorder } from '../events';
import type { EventRecorder } from '../events';
import { createScheduler } from '../scheduler';
import type { Scheduler } from '../scheduler';
import { createNamespaceController, createNamespacePublishers } from '../controllers/namespace';
import { CONTROLLERS } from '../controllers';
import { createImageCatalog } from '../images';
import type { ImageCatalog } from '../images';
import { createKubelet } from '../kubelet';
import type { Kubelet } from '../kubelet';
import type { ClusterOptions, NodeSpec, ResolvedNode } from './options';
import { DEFAULT_NODES, resolveNodes } from './options';
import { buildLease, buildNode, recordKubeletStart, recordNodeReady, recordRegisteredNode, bootstrapAddons, bootstrapControlPlane, fakeCaCert, recordKubeProxiesStarted, recordNodesRegistered } from './bootstrap';
import { fnv32 } from './bootstrap/ids';
import { startHeartbeats } from './heartbeat';
import { startKubernetesServiceReconciler } from './kubernetes-service';
import { createImageFaults } from './image-faults';
import { createIngressRouter, createNetwork, runNetTool } from '../network';
import type { Network } from '../network';
import type { ImageFaults } from './image-faults';

/** Cluster is a running simulated cluster: every service wired, time under the caller's control. */
export interface Cluster {
  clock: VirtualClock;
  rng: Rng;
  store: Store;
  api: ApiServer;
  client: Client;
  /** recorder returns the (cached) event recorder of a component, e.g. recorder('kubelet', 'worker'). */
  recorder(component: string, host?: string): EventRecorder;
  images: ImageCatalog;
  /** imageFaults injects registry faults (slow or failing pulls) into every kubelet's pulls. */
  imageFaults: ImageFaults;
  /** nodeNames lists the nodes in creation order. */
  nodeNames(): string[];
  /** kubelet returns the kubelet of a node. */
  kubelet(node: string): Kubelet | undefined;
  scheduler: Scheduler;
  /** network is the pod network, kube-proxy, CoreDNS and the request tracer. */
  network: Network;
  /** stopNode halts a node's kubelet and its lease renewal (a powered-off machine); false if unknown. */
  stopNode(name: string): boolean;
  /** startNode restarts a stopped node's kubelet and heartbeats; false if unknown. */
  startNode(name: string): boolean;
  /** nodeStopped reports whether stopNode halted the node. */
  nodeStopped(name: string): boolean;
  /** addNode joins a new worker (next IP and podCIDR) with its Node, Lease and kubelet; returns its name. */
  addNode(spec?: Partial<NodeSpec>): string;
  /** removeNode stops a node's kubelet and deletes its Node and Lease (`kubectl delete node`); false if unknown. */
  removeNode(name: string): boolean;
  /** advance moves virtual time forward, running everything due. */
  advance(ms: number): void;
  /** stop halts every component's watches and timers. */
  stop(): void;
}

// Bootstrap milestones after `start`: nodes registered/Ready, kubeadm addon phase, kube-proxy up
// (after the addon phase).
const REGISTERED_MS = 10_000;
const ADDON_PHASE_MS = 15_000;
const KUBE_PROXY_START_MS = 2_000;
/** DEFAULT_HANDOVER_MS is when the learner gets the cluster: 5 minutes after kubeadm init. */
export const DEFAULT_HANDOVER_MS = 5 * 60_000;

/**
 * createCluster is the one composition root: it builds the store, API server, scheduler, controllers,
 * kubelets and images, bootstraps a kubeadm v1.32 cluster at `start` and hands it over at
 * `start + handoverMs` with every kube-system pod Running and Ready. Deterministic for a seed.
 */
export function createCluster(opts: ClusterOptions = {}): Cluster {
  const seed = opts.seed ?? 42;
  const start = opts.start ?? DEFAULT_EPOCH;
  const clock = new VirtualClock(start);
  // One stream per component, so adding a random draw in one place does not reshuffle the others.
  const stream = (label: string) => createRng((seed ^ fnv32(label)) >>> 0);
  const rng = createRng(seed);
  const store = createStore();
  const api = createApiServer({ store, clock, rng });
  const client = createClient(api, { userAgent: 'kube-sandbox' });
  const imageFaults = createImageFaults(createImageCatalog());
  const images = imageFaults.catalog;
  const nodes = resolveNodes(opts.nodes?.length ? opts.nodes : DEFAULT_NODES);
  const eventRng = stream('events');
  const recorders = new Map<string, EventRecorder>();
  const recorder = (component: string, host?: string): EventRecorder => {
    const key = `${component}\u0000${host ?? ''}`;
    let r = recorders.get(key);
    if (!r) recorders.set(key, (r = createEventRecorder({ client, clock, rng: eventRng, component, host })));
    return r;
  };
  const caCert = fakeCaCert(stream('pki'));

  const ctx = { client, clock, rng: stream('bootstrap'), images, nodes, caCert, recorder };
  bootstrapControlPlane(ctx);

  const controlPlane = nodes.find((n) => n.role === 'control-plane') ?? nodes[0];
  // kube-scheduler records through the events.k8s.io broadcaster (eventTime, action, series).
  const schedulerEvents = createEventsV1Recorder({ client, clock, rng: stream('scheduler-events'), reportingController: 'default-scheduler', reportingInstance: `default-scheduler-${controlPlane.name}` });
  const scheduler = createScheduler({ client, clock, rng: stream('scheduler'), recorder: schedulerEvents });
  const namespaces = createNamespaceController({
    client, clock,
    resources: () => api.registry.all()
      .filter((d) => d.namespaced && d.verbs.includes('list') && d.verbs.includes('delete'))
      .map((d) => ({ resource: d.plural, group: d.group })),
  });
  const publishers = createNamespacePublishers({ client, clock, caCert });
  const controllers = CONTROLLERS.map(([name, create]) => create({ client, clock, rng: stream(`controller/${name}`), recorder, loadBalancer: opts.loadBalancer }));
  const kubelets = new Map<string, Kubelet>();
  const stopped = new Set<string>();
  const network = createNetwork({ client, clock, rng: stream('network'), kubelet: (node) => kubelets.get(node), ingress: createIngressRouter(client), nodeDown: (node) => stopped.has(node) });
  const netTools = (ns: string, pod: string) => (argv: string[], stdin: string, flavor: 'busybox' | 'gnu', tty?: boolean) => runNetTool(network, network.podSource(ns, pod), argv, stdin, flavor, { tty });
  const kubeletFor = (name: string) => createKubelet({ nodeName: name, client, clock, rng: stream(`kubelet/${name}`), recorder: recorder('kubelet', name), images, pullDelay: imageFaults.pullDelay, netTools, traceProbe: (t) => network.record(t), tracing: () => network.tracing?.() ?? true });
  for (const n of nodes) kubelets.set(n.name, kubeletFor(n.name));
  const logs: PodLogProvider = (ns, pod, o) => {
    const p = client.tryGet('pods', ns, pod);
    const nodeName = (p?.spec as { nodeName?: string } | undefined)?.nodeName;
    const k = nodeName ? kubelets.get(nodeName) : undefined;
    if (!k) {
      const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 400, reason: 'BadRequest',
        message: p ? `container "${o.container ?? ''}" in pod "${pod}" is waiting to start: ContainerCreating` : `pods "${pod}" not found` };
      if (!p) { status.code = 404; status.reason = 'NotFound'; }
      return { error: status };
    }
    return k.logs(ns, pod, o);
  };
  api.setPodLogProvider(logs);

  scheduler.start();
  namespaces.start();
  publishers.start();
  for (const c of controllers) c.start();
  for (const k of kubelets.values()) k.start();
  const heartbeats = startHeartbeats(client, clock, () => nodes.map((n) => n.name));
  const stopKubernetesService = startKubernetesServiceReconciler(client, clock, controlPlane.internalIP);

  clock.advance(REGISTERED_MS);
  recordNodesRegistered(ctx);
  clock.advance(ADDON_PHASE_MS - REGISTERED_MS);
  bootstrapAddons(ctx);
  clock.advance(KUBE_PROXY_START_MS);
  recordKubeProxiesStarted(ctx);
  clock.advance(Math.max(0, (opts.handoverMs ?? DEFAULT_HANDOVER_MS) - ADDON_PHASE_MS - KUBE_PROXY_START_MS));

  const joinRng = stream('join');
  let nextIndex = nodes.length;
  const addNode = (spec: Partial<NodeSpec> = {}): string => {
    const existing = new Set(nodes.map((n) => n.name));
    let name = spec.name;
    if (!name) { let i = nodes.filter((n) => n.role === 'worker').length + 1; while (existing.has(`worker${i}`)) i++; name = `worker${i}`; }
    if (existing.has(name)) throw new Error(`node "${name}" already exists`);
    const [base] = resolveNodes([{ ...spec, name, role: spec.role ?? 'worker' }]);
    const idx = nextIndex++;
    const n: ResolvedNode = { ...base, internalIP: `192.168.1.${2 + idx}`, podCIDR: `10.244.${idx}.0/24` };
    const now = clock.now();
    const node = client.create('nodes', undefined, buildNode(n, now, joinRng, images));
    client.create('leases', 'kube-node-lease', buildLease(node, now));
    nodes.push(n);
    const k = kubeletFor(n.name);
    kubelets.set(n.name, k);
    recordKubeletStart(recorder('kubelet', n.name), n.name);
    k.start();
    recordRegisteredNode(recorder('node-controller'), node);
    recordNodeReady(recorder('kubelet', n.name), n.name);
    return n.name;
  };
  return {
    clock, rng, store, api, client, recorder, images, imageFaults, scheduler, network,
    stopNode(name) {
      const k = kubelets.get(name);
      if (!k) return false;
      if (!stopped.has(name)) { stopped.add(name); k.stop(); heartbeats.pause(name); }
      return true;
    },
    startNode(name) {
      const k = kubelets.get(name);
      if (!k) return false;
      if (stopped.delete(name)) {
        recordKubeletStart(recorder('kubelet', name), name);
        heartbeats.resume(name);
        k.start();
        recordNodeReady(recorder('kubelet', name), name);
      }
      return true;
    },
    nodeStopped: (name) => stopped.has(name),
    addNode,
    removeNode(name) {
      const k = kubelets.get(name);
      if (!k) return false;
      k.stop();
      kubelets.delete(name);
      stopped.delete(name);
      nodes.splice(nodes.findIndex((n) => n.name === name), 1);
      try { client.delete('nodes', undefined, name); } catch { /* already gone */ }
      try { client.delete('leases', 'kube-node-lease', name); } catch { /* already gone */ }
      return true;
    },
    nodeNames: () => nodes.map((n) => n.name),
    kubelet: (name) => kubelets.get(name),
    advance: (ms) => clock.advance(ms),
    stop() {
      scheduler.stop();
      namespaces.stop();
      publishers.stop();
      for (const c of controllers) c.stop();
      for (const k of kubelets.values()) k.stop();
      heartbeats.stop();
      stopKubernetesService();
    },
  };
}
