import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Client, PodLogOptions, TextStream, WatchStream } from '../api/types';
import type { EventRecorder } from '../events';
import type { ExitReason, ImageCatalog, NetTools, Process } from '../images';
import type { TrafficTrace } from '../network/types';
import type { Status } from '../types';
import type { Clock, Rng } from '../util';
import type { KubeletCore } from './core';
import { createIpam } from './ipam';
import { LogStream, selectLines } from './logs';
import { PodWorker } from './pod-worker';
import { createServiceLister } from './service-env';
import type { ContainerState } from './state';
import { DEFAULT_TIMINGS, type KubeletTimings } from './timings';

/** KubeletDeps are what the composition root hands each node's kubelet. */
export interface KubeletDeps {
  nodeName: string;
  client: Client;
  clock: Clock;
  rng: Rng;
  recorder: EventRecorder;
  images: ImageCatalog;
  timings?: Partial<KubeletTimings>;
  /** pullDelay, when it answers, replaces the duration of a cold pull of ref (fault injection: slow registry). */
  pullDelay?(ref: string): number | undefined;
  /** netTools gives a pod's containers their network commands (curl, nslookup, …) over the cluster network. */
  netTools?(namespace: string, pod: string): NetTools;
  /** traceProbe publishes kubelet http/tcp probe traffic as traces with `probe: true` (the composition root passes network.record). */
  traceProbe?(t: Omit<TrafficTrace, 'id'>): void;
  /** tracing tells whether anyone watches traces now; probes build none while it is false. */
  tracing?(): boolean;
}

/** RunningContainer is a live container a later feature (exec, Service traffic) can reach. */
export interface RunningContainer {
  namespace: string;
  pod: string;
  container: string;
  podIP: string;
  containerID: string;
  process: Process;
}

/** Kubelet is one node's agent. */
export interface Kubelet {
  readonly nodeName: string;
  /** start watches the pods bound to this node and runs them. */
  start(): void;
  /** stop halts the node: the watch ends and every container dies at once (no status writes). */
  stop(): void;
  /** logs serves pods/log for a pod on this node (PodLogProvider). */
  logs(ns: string, pod: string, opts: PodLogOptions): { text: string; stream?: TextStream } | { error: Status };
  /** container returns the running container (default: the first container), if any. */
  container(ns: string, pod: string, name?: string): RunningContainer | undefined;
  /** podByIP finds the pod on this node whose sandbox holds ip now (hostNetwork pods share the node IP and are skipped; finished pods have released theirs). */
  podByIP(ip: string): { namespace: string; name: string } | undefined;
  /** killContainer ends a running container at once with exitCode (fault injection); false if not running. */
  killContainer(ns: string, pod: string, container: string, exitCode: number, reason?: ExitReason): boolean;
  /** imagesOnNode lists the fully qualified refs in this node's image cache. */
  imagesOnNode(): string[];
}

const NODE_DEFAULTS: Record<string, { ip: string; cidr: string }> = {
  master: { ip: '192.168.1.2', cidr: '10.244.0.0/24' },
  worker: { ip: '192.168.1.3', cidr: '10.244.1.0/24' },
  worker2: { ip: '192.168.1.4', cidr: '10.244.2.0/24' },
};

const badRequest = (message: string, code = 400, reason = 'BadRequest'): { error: Status } =>
  ({ error: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code } });

/** createKubelet builds the kubelet for deps.nodeName (node IP and podCIDR are read from its Node object). */
export function createKubelet(deps: KubeletDeps): Kubelet {
  const timings: KubeletTimings = { ...DEFAULT_TIMINGS, ...deps.timings };
  const workers = new Map<string, PodWorker>();
  let watch: WatchStream | undefined;
  let core: KubeletCore | undefined;
  const imageCache = new Map<string, string>();

  const nodeInfo = () => {
    const node = deps.client.tryGet('nodes', undefined, deps.nodeName) as unknown as Node | undefined;
    const fallback = NODE_DEFAULTS[deps.nodeName] ?? { ip: '192.168.1.10', cidr: '10.244.9.0/24' };
    const ip = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? fallback.ip;
    return { ip, cidr: node?.spec?.podCIDR ?? fallback.cidr, images: (node?.status?.images ?? []).flatMap((i) => i.names ?? []) };
  };

  const handle = (type: string, pod: Pod) => {
    if (!core) return;
    const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
    if (pod.spec?.nodeName !== deps.nodeName) return;
    let w = workers.get(key);
    if (w && w.s.uid !== pod.metadata?.uid) { w.destroy(); workers.delete(key); w = undefined; }
    if (type === 'DELETED') { if (w) { w.destroy(); workers.delete(key); } return; }
    if (w) w.update(pod);
    else workers.set(key, new PodWorker(core, pod));
  };

  const findContainer = (ns: string, pod: string, name?: string): { w: PodWorker; c: ContainerState } | undefined => {
    const w = workers.get(`${ns}/${pod}`);
    if (!w) return undefined;
    const c = name ? w.s.containers.find((x) => x.spec.name === name) : w.s.containers.find((x) => !x.init);
    return c ? { w, c } : undefined;
  };

  return {
    nodeName: deps.nodeName,
    start() {
      if (watch) return;
      const info = nodeInfo();
      core = {
        nodeName: deps.nodeName, hostIP: info.ip, client: deps.client, clock: deps.clock, rng: deps.rng, recorder: deps.recorder,
        images: deps.images, t: timings, ipam: createIpam(info.cidr), services: createServiceLister(deps.client), imageCache, pulls: new Map(), pullDelay: deps.pullDelay, netTools: deps.netTools, traceProbe: deps.traceProbe, tracing: deps.tracing,
        forget: (key, uid) => { if (workers.get(key)?.s.uid === uid) workers.delete(key); },
      };
      // Images the node already holds (kubeadm pre-pulls the control-plane images).
      for (const name of info.images) {
        const r = deps.images.resolve(name);
        if (r.ok && !imageCache.has(r.ref)) imageCache.set(r.ref, r.digest);
      }
      const opts = { fieldSelector: `spec.nodeName=${deps.nodeName}` };
      watch = deps.client.watch('pods', undefined, opts);
      watch.onEvent((ev) => { if (ev.type !== 'BOOKMARK' && ev.type !== 'ERROR') handle(ev.type, ev.object as unknown as Pod); });
      for (const p of deps.client.list('pods', undefined, opts)) handle('ADDED', p as unknown as Pod);
    },
    stop() {
      watch?.close();
      watch = undefined;
      for (const w of workers.values()) w.destroy();
      workers.clear();
      core?.services.close();
      core = undefined;
    },
    logs(ns, pod, opts) {
      const w = workers.get(`${ns}/${pod}`);
      if (!w) return badRequest(`pods "${pod}" not found`, 404, 'NotFound');
      const name = opts.container ?? w.s.containers.find((c) => !c.init)?.spec.name ?? '';
      const c = w.s.containers.find((x) => x.spec.name === name);
      if (!c) return badRequest(`container ${name} is not valid for pod ${pod}`);
      const now = deps.clock.now();
      if (opts.previous) {
        if (!c.last) return badRequest(`previous terminated container "${name}" in pod "${pod}" not found`);
        return { text: selectLines(c.last.logs, opts, now) };
      }
      const inst = c.current ?? c.last;
      if (!inst) {
        const reason = c.waiting?.reason ?? (c.init || w.s.containers.some((x) => x.init && !x.done) ? 'PodInitializing' : 'ContainerCreating');
        const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
        return badRequest(`container "${name}" in pod "${pod}" is waiting to start: ${why}`);
      }
      const text = selectLines(inst.logs, opts, now);
      if (opts.follow && !inst.exited) {
        const stream = new LogStream((s) => inst.followers.delete(s), opts.timestamps);
        inst.followers.add(stream);
        return { text, stream };
      }
      return { text };
    },
    container(ns, pod, name) {
      const f = findContainer(ns, pod, name);
      const inst = f?.c.current;
      if (!f || !inst || inst.exited || !inst.proc) return undefined;
      return { namespace: ns, pod, container: f.c.spec.name, podIP: f.w.s.ip ?? '', containerID: `containerd://${inst.id}`, process: inst.proc };
    },
    podByIP(ip) {
      for (const w of workers.values()) {
        if (w.s.ip === ip && w.s.sandboxReady && !w.s.pod.spec?.hostNetwork) return { namespace: w.s.pod.metadata?.namespace ?? '', name: w.s.pod.metadata?.name ?? '' };
      }
      return undefined;
    },
    killContainer(ns, pod, container, exitCode, reason) {
      const f = findContainer(ns, pod, container);
      const inst = f?.c.current;
      if (!f || !inst || inst.exited) return false;
      f.w.exit(f.c, inst, exitCode, reason ?? (exitCode === 0 ? 'Completed' : 'Error'));
      return true;
    },
    imagesOnNode: () => [...imageCache.keys()],
  };
}
