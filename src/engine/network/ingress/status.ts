// Models ingress-nginx's internal/ingress/status (the leader's status sync every 60 s, publish-service or
// node addresses), its store's "Scheduled for sync" events, and the work of the admission-create Job
// (kube-webhook-certgen writes the ingress-nginx-admission Secret the controller pod mounts).
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { WatchEvent, WatchStream } from '../../api/types';
import type { Controller, ControllerDeps } from '../../controllers';
import type { KObject } from '../../types';
import type { TimerId } from '../../util';
import { clone } from '../../util';
import { handledBy, isControllerPod } from './router';

/** STATUS_SYNC_MS is ingress-nginx's status update interval (status.go updateInterval). */
export const STATUS_SYNC_MS = 60_000;
/** INITIAL_SYNC_MS is the controller's "Initial sync, sleeping for 1 second" before its first status sync. */
export const INITIAL_SYNC_MS = 1_000;

const ADMISSION_SECRET = 'ingress-nginx-admission';
const CREATE_JOB = 'ingress-nginx-admission-create';

const isReady = (p: Pod) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running'
  && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** publishService returns `namespace/name` from a controller pod's --publish-service flag, if it has one. */
function publishService(pod: Pod): string | undefined {
  const ns = pod.metadata?.namespace ?? '';
  for (const c of pod.spec?.containers ?? []) {
    for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
      const m = /^--publish-service=(.+)$/.exec(a);
      if (m) return m[1].replace('$(POD_NAMESPACE)', ns);
    }
  }
  return undefined;
}

/**
 * createIngressStatusController runs the ingress-nginx controller's API side: once a controller pod is Ready
 * it publishes the addresses of its publish Service (LoadBalancer IPs; node addresses on bare metal) into
 * status.loadBalancer of every Ingress of class nginx, then again every 60 s; it records `Sync` events for
 * Ingresses it picks up, and creates the admission Secret when the admission-create Job completes.
 */
export function createIngressStatusController(deps: ControllerDeps): Controller {
  const { client, clock } = deps;
  const streams: WatchStream[] = [];
  let loop: TimerId | undefined;
  let initial: TimerId | undefined;
  const recorder = () => deps.recorder('nginx-ingress-controller');

  const controllerPods = (): Pod[] => client.list('pods', undefined, { labelSelector: 'app.kubernetes.io/name=ingress-nginx,app.kubernetes.io/component=controller' })
    .map((o) => o as unknown as Pod).filter(isControllerPod);
  const readyControllers = () => controllerPods().filter(isReady);

  const addresses = (pods: Pod[]): string[] => {
    const out = new Set<string>();
    for (const pod of pods) {
      const pub = publishService(pod);
      if (pub) {
        const [ns, name] = pub.split('/');
        const svc = client.tryGet('services', ns, name) as unknown as Service | undefined;
        if (svc?.spec?.type === 'ExternalName' && svc.spec.externalName) out.add(svc.spec.externalName);
        for (const i of svc?.status?.loadBalancer?.ingress ?? []) { const a = i.ip || i.hostname; if (a) out.add(a); }
        for (const ip of svc?.spec?.externalIPs ?? []) out.add(ip);
        continue;
      }
      // Without --publish-service the status carries the addresses of the nodes running the controller.
      const node = client.tryGet('nodes', undefined, pod.spec?.nodeName ?? '') as unknown as Node | undefined;
      const addrs = node?.status?.addresses ?? [];
      const a = addrs.find((x) => x.type === 'ExternalIP') ?? addrs.find((x) => x.type === 'InternalIP');
      if (a) out.add(a.address);
    }
    return [...out].sort();
  };

  const nginxIngresses = (): Ingress[] => {
    const classes = client.list('ingressclasses').map((o) => o as unknown as IngressClass);
    return client.list('ingresses').map((o) => o as unknown as Ingress).filter((i) => handledBy(i, classes));
  };

  /** syncStatus is status.go's sync: write the running addresses into every handled Ingress that differs. */
  const syncStatus = () => {
    const pods = readyControllers();
    if (pods.length === 0) return;
    const want = addresses(pods);
    for (const ing of nginxIngresses()) {
      const have = (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').sort();
      if (have.join(',') === want.join(',')) continue;
      const next = clone(ing) as Ingress;
      next.status = { ...(next.status ?? {}), loadBalancer: want.length ? { ingress: want.map((a) => (/^[\d.]+$/.test(a) ? { ip: a } : { hostname: a })) } : {} };
      try { client.updateStatus('ingresses', ing.metadata?.namespace, next as unknown as KObject); } catch { /* retried on the next sync */ }
    }
  };

  const becomeLeader = () => {
    if (loop !== undefined || initial !== undefined) return;
    for (const ing of nginxIngresses()) recorder().event(ing as unknown as KObject, 'Normal', 'Sync', 'Scheduled for sync');
    initial = clock.after(INITIAL_SYNC_MS, () => {
      initial = undefined;
      syncStatus();
      loop = clock.every(STATUS_SYNC_MS, syncStatus);
    });
  };

  const stepDown = () => {
    if (initial !== undefined) clock.cancel(initial);
    if (loop !== undefined) clock.cancel(loop);
    initial = loop = undefined;
  };

  const onPod = (ev: WatchEvent) => {
    const pod = ev.object as unknown as Pod;
    if (!isControllerPod(pod)) return;
    if (ev.type !== 'DELETED' && isReady(pod)) becomeLeader();
    else if (readyControllers().length === 0) stepDown();
  };

  const onIngress = (ev: WatchEvent) => {
    if (ev.type === 'DELETED' || (loop === undefined && initial === undefined)) return;
    const ing = ev.object as unknown as Ingress;
    const classes = client.list('ingressclasses').map((o) => o as unknown as IngressClass);
    if (handledBy(ing, classes)) recorder().event(ev.object, 'Normal', 'Sync', 'Scheduled for sync');
  };

  const onJob = (ev: WatchEvent) => {
    const job = ev.object as unknown as Job;
    if (ev.type === 'DELETED' || job.metadata?.name !== CREATE_JOB || !(job.status?.succeeded ?? 0)) return;
    const ns = job.metadata?.namespace ?? '';
    if (client.tryGet('secrets', ns, ADMISSION_SECRET)) return;
    try {
      client.create('secrets', ns, {
        apiVersion: 'v1', kind: 'Secret', metadata: { name: ADMISSION_SECRET, namespace: ns },
        // Placeholder PEM blocks (base64): the webhook is not served, only mounted.
        data: { ca: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCnNhbmRib3ggQ0EKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=', cert: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCnNhbmRib3ggd2ViaG9vayBjZXJ0aWZpY2F0ZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==', key: 'LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0tCnNhbmRib3gKLS0tLS1FTkQgRUMgUFJJVkFURSBLRVktLS0tLQo=' },
      } as unknown as KObject);
    } catch { /* it exists already */ }
  };

  const watch = (resource: string, fn: (ev: WatchEvent) => void) => {
    const s = client.watch(resource);
    s.onEvent(fn);
    streams.push(s);
  };

  return {
    start() {
      watch('pods', onPod);
      watch('ingresses', onIngress);
      watch('jobs', onJob);
      if (readyControllers().length) becomeLeader();
    },
    stop() {
      stepDown();
      for (const s of streams.splice(0)) s.close();
    },
  };
}
