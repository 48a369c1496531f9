/**
 * `npm run -s sandbox -- serve [--port 6443] [--kubeconfig FILE] [--speed N] [--seed N] [-v]`:
 * runs a sandbox cluster in real time and serves its API over HTTP on 127.0.0.1 for real kubectl.
 */
import { resolve } from 'node:path';
import { createCluster } from '../../../engine';
import type { Cluster } from '../../../engine';
import { DEFAULT_HANDOVER_MS, K8S_VERSION } from '../../../engine/cluster';
import { sandboxId } from '../../../engine/images';
import { startRealTimeClock } from './clock-driver';
import type { RealTimeClock } from './clock-driver';
import { startHttpServer } from './server';
import type { HttpHost } from './server';
import { writeKubeconfig } from './kubeconfig';
import type { ExecProvider } from './exec';
import type { PortForwardProvider } from './portforward';

/** ServeOptions are the parsed `serve` flags. */
export interface ServeOptions { port: number; kubeconfig?: string; speed: number; seed?: number; verbose: boolean }

/** SandboxServer is a cluster driven in real time plus the HTTP host serving its API. */
export interface SandboxServer {
  cluster: Cluster;
  host: HttpHost;
  time: RealTimeClock;
  /** close stops serving, stops the clock loop and the cluster's components. */
  close(): Promise<void>;
}

/** SERVE_USAGE is the help text of the serve subcommand. */
export const SERVE_USAGE = `Usage: npm run -s sandbox -- serve [--port N] [--kubeconfig FILE] [--speed N] [--seed N] [-v]

Serves a fresh simulated Kubernetes ${K8S_VERSION} cluster's API over plain HTTP on 127.0.0.1,
so the real kubectl can drive it. Virtual time runs at real speed times --speed.
  --port N           port to listen on (default 6443; 0 picks a free port)
  --kubeconfig FILE  write a kubeconfig for it (context "sandbox", no credentials)
  --speed N          virtual seconds per wall second (default 1)
  --seed N           seed for the cluster's randomness (default 42)
  -v, --verbose      log each request to stderr
  -h, --help         show this help
`;

/** ServeUsageError is a bad `serve` command line (exit code 2). */
export class ServeUsageError extends Error {}

/** parseServeArgs parses the flags after `serve`; throws ServeUsageError on bad input, returns undefined for --help. */
export function parseServeArgs(argv: string[]): ServeOptions | undefined {
  const opts: ServeOptions = { port: 6443, speed: 1, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    const value = (): string => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = argv[++i];
      if (v === undefined) throw new ServeUsageError(`option ${a} needs a value`);
      return v;
    };
    const num = (what: string, ok: (n: number) => boolean): number => {
      const raw = value();
      const n = Number(raw);
      if (raw.trim() === '' || !ok(n)) throw new ServeUsageError(`${name} needs ${what}, got "${raw}"`);
      return n;
    };
    switch (name) {
      case '--port': opts.port = num('a port number (0-65535)', (n) => Number.isInteger(n) && n >= 0 && n <= 65535); break;
      case '--kubeconfig': opts.kubeconfig = value(); break;
      case '--speed': opts.speed = num('a number > 0', (n) => Number.isFinite(n) && n > 0); break;
      case '--seed': opts.seed = num('an integer', Number.isInteger); break;
      case '-v': case '--verbose': opts.verbose = true; break;
      case '-h': case '--help': return undefined;
      default: throw new ServeUsageError(`unknown option: ${a}`);
    }
  }
  return opts;
}

/**
 * startSandboxServer builds a cluster whose virtual clock matches wall time at hand-over (so the
 * ages kubectl computes client-side read right at speed 1), drives it in real time and serves it.
 */
export async function startSandboxServer(opts: { port: number; speed?: number; seed?: number; log?: (line: string) => void }): Promise<SandboxServer> {
  const cluster = createCluster({ seed: opts.seed, start: Date.now() - DEFAULT_HANDOVER_MS, handoverMs: DEFAULT_HANDOVER_MS });
  // An exception in one component's timer must not take the whole server down: report it, keep going.
  const onError = (e: unknown) => process.stderr.write(`sandbox serve: internal error in a cluster timer: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  const time = startRealTimeClock({ clock: cluster.clock, speed: opts.speed ?? 1, onError });
  let host: HttpHost;
  try {
    host = await startHttpServer({
      api: cluster.api, port: opts.port, log: opts.log, exec: clusterExec(cluster), portForward: clusterPortForward(cluster),
      beforeRequest: time.sync,
      // Timers a request scheduled at "now" (queued reconciles) run before the next tick.
      afterRequest: () => { try { cluster.clock.runDue(); } catch (e) { onError(e); } },
    });
  } catch (e) {
    time.stop();
    cluster.stop();
    throw e;
  }
  return {
    cluster, host, time,
    async close() {
      time.stop();
      await host.close();
      cluster.stop();
    },
  };
}

/**
 * clusterExec is the kubelet side of pods/exec: it finds the running container on the pod's node
 * and runs argv in its simulated process, with the client's whole stdin.
 */
export function clusterExec(cluster: Cluster): ExecProvider {
  return (ns, pod, container) => {
    const p = cluster.client.tryGet('pods', ns, pod);
    if (!p) return { code: 404, status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `pods "${pod}" not found`, reason: 'NotFound', details: { name: pod, kind: 'pods' }, code: 404 } };
    const node = (p.spec as { nodeName?: string } | undefined)?.nodeName;
    const name = container ?? (p.spec as { containers?: { name: string }[] } | undefined)?.containers?.[0]?.name ?? '';
    const running = node ? cluster.kubelet(node)?.container(ns, pod, name) : undefined;
    // The kubelet's plain-text answer, which kubectl shows as `unable to upgrade connection: ...`.
    if (!running) return { code: 404, text: `container not found ("${name}")` };
    return { run: (command, stdin, tty) => running.process.exec(command, stdin, tty) };
  };
}

/**
 * clusterPortForward is the kubelet/containerd side of pods/portforward: a port in the pod's
 * network namespace reaches whichever container's program listens there; nothing listening gives
 * containerd's "connection refused" text (which kubectl prints as "an error occurred forwarding").
 */
export function clusterPortForward(cluster: Cluster): PortForwardProvider {
  return (ns, pod) => {
    const p = cluster.client.tryGet('pods', ns, pod);
    if (!p) return { code: 404, status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `pods "${pod}" not found`, reason: 'NotFound', details: { name: pod, kind: 'pods' }, code: 404 } };
    const spec = p.spec as { nodeName?: string; containers?: { name: string }[] } | undefined;
    const kubelet = spec?.nodeName ? cluster.kubelet(spec.nodeName) : undefined;
    const names = (spec?.containers ?? []).map((c) => c.name);
    const sandbox = sandboxId(`sandbox/${p.metadata?.uid ?? `${ns}/${pod}`}`);
    const netns = sandboxId(`netns/${sandbox}`);
    const netnsPath = `/var/run/netns/cni-${netns.slice(0, 8)}-${netns.slice(8, 12)}-${netns.slice(12, 16)}-${netns.slice(16, 20)}-${netns.slice(20, 32)}`;
    return {
      now: () => cluster.clock.now(),
      dial: (port) => {
        for (const name of names) {
          const c = kubelet?.container(ns, pod, name);
          if (c && c.process.listens(port)) {
            const proc = c.process;
            return { http: proc.http ? (r) => proc.http!(r) : undefined };
          }
        }
        return { error: `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "${netnsPath}": `
          + `failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused `
          + `IPv6 dial tcp6 [::1]:${port}: connect: connection refused ` };
      },
    };
  };
}

/** serve runs the `serve` subcommand until SIGINT/SIGTERM, then exits 0. */
export async function serve(argv: string[]): Promise<void> {
  let opts: ServeOptions | undefined;
  try {
    opts = parseServeArgs(argv);
  } catch (e) {
    if (!(e instanceof ServeUsageError)) throw e;
    process.stderr.write(`sandbox serve: ${e.message}\n${SERVE_USAGE}`);
    process.exit(2);
  }
  if (!opts) { process.stdout.write(SERVE_USAGE); return; }
  const log = opts.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  let server: SandboxServer;
  try {
    server = await startSandboxServer({ port: opts.port, speed: opts.speed, seed: opts.seed, log });
  } catch (e) {
    process.stderr.write(`sandbox serve: cannot listen on 127.0.0.1:${opts.port}: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  const url = server.host.url;
  let how = `kubectl --server=${url} get nodes`;
  if (opts.kubeconfig) {
    const file = resolve(opts.kubeconfig);
    writeKubeconfig(file, url);
    how = `export KUBECONFIG=${file}; kubectl get nodes`;
  }
  const speed = opts.speed === 1 ? '' : ` at ${opts.speed}x speed`;
  process.stdout.write(`Kube Sandbox (Kubernetes ${K8S_VERSION}) API listening on ${url}${speed}; try: ${how}\n`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    server.close().then(() => process.exit(0), () => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
