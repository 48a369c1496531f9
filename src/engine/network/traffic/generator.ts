// Models a load generator (hey/vegeta style) run by the learner: steady HTTP requests on clock timers,
// through the same network path curl uses, tagged so the tracer and the map can tell them apart.
import type { Client } from '../../api/types';
import type { Clock, TimerId } from '../../util';
import type { HttpCall, HttpResult, NetSource, Network } from '../types';
import { TrafficCounter, type PodInfo } from './stats';
import {
  FAILURE_TEXT, MAX_RPS, TrafficError, WINDOW_MS,
  type TrafficGenerator, type TrafficSourceSpec, type TrafficStartOptions, type TrafficStats,
} from './types';

type Obj = Record<string, any>;

/** ResolvedTarget is a parsed target: a Service by name, or a URL. */
type ResolvedTarget = { kind: 'service'; name: string } | { kind: 'url'; scheme: 'http' | 'https'; host: string; port: number; path: string };

interface Running {
  id: string;
  opts: TrafficStartOptions;
  target: ResolvedTarget;
  namespace: string;
  from: TrafficSourceSpec;
  path: string;
  rps: number;
  startedAt: number;
  timer: TimerId;
  counter: TrafficCounter;
}

/** parseTarget reads `svc/NAME` or an http(s) URL; throws TrafficError otherwise. */
export function parseTarget(target: string): ResolvedTarget {
  const svc = /^(svc|service|services)\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/.exec(target);
  if (svc) return { kind: 'service', name: svc[2] };
  const url = /^(https?):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([/?][^#]*)?$/.exec(target);
  if (url) {
    const scheme = url[1] as 'http' | 'https';
    const port = url[3] ? Number(url[3]) : scheme === 'https' ? 443 : 80;
    if (port < 1 || port > 65535) throw new TrafficError(`invalid port in URL "${target}"`);
    return { kind: 'url', scheme, host: url[2], port, path: url[4] ?? '/' };
  }
  throw new TrafficError(`invalid target "${target}": use svc/NAME or http://HOST[:PORT][/PATH]`);
}

/** imageTag returns an image reference's tag (`latest` when untagged, a short digest for digests). */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1, at + 1 + 'sha256:'.length + 7);
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? image.slice(colon + 1) : 'latest';
}

/**
 * createTrafficGenerator returns a generator sending requests through network on clock timers;
 * client reads Services (ClusterIP and port), nodes (the default source) and pods (their image).
 */
export function createTrafficGenerator(network: Network, clock: Clock, client: Client): TrafficGenerator {
  const running = new Map<string, Running>();
  const podInfo = new Map<string, PodInfo>();
  let seq = 0;

  const checkRate = (rps: number) => {
    if (!Number.isFinite(rps) || rps <= 0 || rps > MAX_RPS) throw new TrafficError(`invalid rate ${rps}: must be more than 0 and at most ${MAX_RPS} requests per second`);
  };

  const defaultNode = (): string => {
    const nodes = client.list('nodes');
    const cp = nodes.find((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}));
    return (cp ?? nodes[0])?.metadata.name ?? 'master';
  };

  const sourceOf = (r: Pick<Running, 'from' | 'namespace'>): NetSource | undefined =>
    r.from.kind === 'pod' ? network.podSource(r.namespace, r.from.name) : network.nodeSource(r.from.name);

  /** callFor builds this tick's request, or a reason it cannot be sent (the Service is gone). */
  const callFor = (r: Running): HttpCall | string => {
    const t = r.target;
    const base = { method: 'GET', headers: { 'user-agent': 'sandbox-traffic/1.0', accept: '*/*' }, generator: r.id, timeoutMs: 5000 };
    if (t.kind === 'url') return { ...base, host: t.host, port: t.port, path: r.path, scheme: t.scheme };
    const svc = client.tryGet('services', r.namespace, t.name) as Obj | undefined;
    if (!svc) return `service "${t.name}" not found`;
    const port = (svc.spec?.ports as Obj[] | undefined)?.[0];
    if (!port) return `service "${t.name}" has no ports`;
    const ip = svc.spec?.clusterIP as string | undefined;
    // A headless Service has no virtual IP: go by its DNS name (which only resolves inside pods).
    const host = ip && ip !== 'None' ? ip : `${t.name}.${r.namespace}.svc.cluster.local`;
    return { ...base, host, port: Number(port.port), path: r.path };
  };

  const infoOf = (key: string, revision: string | undefined, port: number | undefined): PodInfo => {
    const have = podInfo.get(key);
    if (have) return have;
    const slash = key.indexOf('/');
    const namespace = slash >= 0 ? key.slice(0, slash) : '';
    const pod = slash >= 0 ? key.slice(slash + 1) : key;
    const obj = namespace ? client.tryGet('pods', namespace, pod) as Obj | undefined : undefined;
    const containers = (obj?.spec?.containers ?? []) as Obj[];
    const c = containers.find((x) => ((x.ports ?? []) as Obj[]).some((p) => p.containerPort === port)) ?? containers[0];
    const image = String(c?.image ?? '');
    const info: PodInfo = { namespace, pod, revision: revision ?? '', image, version: image ? imageTag(image) : '' };
    // Only remember what was resolved from a live pod; an unknown one may appear later.
    if (obj) {
      if (podInfo.size > 2000) podInfo.clear();
      podInfo.set(key, info);
    }
    return info;
  };

  const tick = (r: Running) => {
    const now = clock.now();
    const src = sourceOf(r);
    if (!src) {
      r.counter.add({ t: now, failed: true }, `${r.from.kind} "${r.from.name}" has no network (not running?)`);
      return;
    }
    const call = callFor(r);
    if (typeof call === 'string') { r.counter.add({ t: now, failed: true }, call); return; }
    let res: HttpResult;
    try {
      res = network.http(src, call);
    } catch (e) {
      r.counter.add({ t: now, failed: true }, e instanceof Error ? e.message : String(e));
      return;
    }
    const by = res.trace.answeredBy;
    const key = by ? (by.kind === 'pod' ? `${by.namespace ?? r.namespace}/${by.name ?? by.ip ?? '?'}` : by.name ?? by.ip ?? by.kind) : undefined;
    if (key !== undefined && by?.kind === 'pod') infoOf(key, by.revision, by.port);
    if (!res.ok) {
      r.counter.add({ t: now, failed: true, pod: undefined }, `${FAILURE_TEXT[res.error] ?? res.error}${res.ip ? ` (${res.ip}:${res.port})` : ''}`);
      return;
    }
    const failed = res.status >= 400;
    r.counter.add({ t: now, failed, pod: key ?? `${res.ip}:${res.port}`, revision: by?.revision }, failed ? `HTTP ${res.status}` : undefined);
  };

  const statsOf = (r: Running): TrafficStats => {
    const now = clock.now();
    const rows = r.counter.rows(now, (key) => podInfo.get(key) ?? infoOf(key, undefined, undefined));
    return {
      id: r.id, target: r.opts.target, namespace: r.namespace, from: `${r.from.kind}/${r.from.name}`, path: r.path, rps: r.rps,
      startedAt: r.startedAt, now, sent: r.counter.sent, answered: r.counter.answered, failures: r.counter.failures,
      windowMs: r.counter.windowMs, recentSent: rows.recentSent, recentFailures: rows.recentFailures,
      pods: rows.pods, versions: rows.versions, ...(r.counter.lastError ? { lastError: r.counter.lastError } : {}),
    };
  };

  const schedule = (r: Running): TimerId => clock.every(Math.max(1, Math.round(1000 / r.rps)), () => tick(r));

  const pathOf = (target: ResolvedTarget, path: string | undefined) => path ?? (target.kind === 'url' ? target.path : '/');
  const keyOf = (o: Omit<TrafficStartOptions, 'rps'>, from: TrafficSourceSpec) =>
    JSON.stringify([o.target, o.namespace ?? 'default', from.kind, from.name, pathOf(parseTarget(o.target), o.path)]);

  return {
    start(opts) {
      checkRate(opts.rps);
      const target = parseTarget(opts.target);
      const namespace = opts.namespace ?? 'default';
      const from = opts.from ?? { kind: 'node', name: defaultNode() };
      if (target.kind === 'service' && !client.tryGet('services', namespace, target.name)) {
        throw new TrafficError(`service "${target.name}" not found in namespace "${namespace}"`);
      }
      if (from.kind === 'pod' && !client.tryGet('pods', namespace, from.name)) throw new TrafficError(`pod "${from.name}" not found in namespace "${namespace}"`);
      if (from.kind === 'node' && !client.tryGet('nodes', undefined, from.name)) throw new TrafficError(`node "${from.name}" not found`);
      const id = `traffic-${++seq}`;
      const r: Running = {
        id, opts: { ...opts, namespace, from }, target, namespace, from, path: pathOf(target, opts.path),
        rps: opts.rps, startedAt: clock.now(), timer: 0, counter: new TrafficCounter(WINDOW_MS),
      };
      r.timer = schedule(r);
      running.set(id, r);
      return id;
    },
    setRate(id, rps) {
      checkRate(rps);
      const r = running.get(id);
      if (!r) return false;
      if (r.rps !== rps) { clock.cancel(r.timer); r.rps = rps; r.timer = schedule(r); }
      return true;
    },
    stop(id) {
      const ids = id === 'all' ? [...running.keys()] : running.has(id) ? [id] : [];
      return ids.map((k) => {
        const r = running.get(k)!;
        clock.cancel(r.timer);
        running.delete(k);
        return statsOf(r);
      });
    },
    stats(id) { const r = running.get(id); return r && statsOf(r); },
    list() { return [...running.values()].map(statsOf); },
    find(opts) {
      const from = opts.from ?? { kind: 'node', name: defaultNode() };
      const key = keyOf(opts, from);
      for (const r of running.values()) if (keyOf(r.opts, r.from) === key) return r.id;
      return undefined;
    },
  };
}
