import type { ProgramContext } from '../images';
import type { TimerId } from '../util';
import { etcHostname } from './etc-files';
import { formatLine } from './logs';
import type { PodWorker } from './pod-worker';
import type { ContainerState, Instance } from './state';

const MAX_LOG_LINES = 5000;

const parseMemory = (q: string | number | undefined): number | undefined => {
  if (q === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q));
  if (!m) return undefined;
  const mult: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return parseFloat(m[1]) * (m[2] ? mult[m[2]] : 1);
};

/** fieldRefs are the downward-API values an env fieldRef can name. */
export function fieldRefs(w: PodWorker): Record<string, string | undefined> {
  const pod = w.s.pod;
  return {
    'metadata.name': pod.metadata?.name, 'metadata.namespace': pod.metadata?.namespace, 'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': w.core.nodeName, 'spec.serviceAccountName': pod.spec?.serviceAccountName, 'status.podIP': w.s.ip,
    'status.hostIP': w.core.hostIP, 'status.podIPs': w.s.ip, 'status.hostIPs': w.core.hostIP,
    // Single-key downward API selectors (metadata.labels['k'], metadata.annotations['k']), e.g. a Job's JOB_COMPLETION_INDEX.
    ...Object.fromEntries(Object.entries(pod.metadata?.labels ?? {}).map(([k, v]) => [`metadata.labels['${k}']`, v])),
    ...Object.fromEntries(Object.entries(pod.metadata?.annotations ?? {}).map(([k, v]) => [`metadata.annotations['${k}']`, v])),
  };
}

/** programContext builds the ProgramContext a simulated image runs with (env, logs, timers, exit). */
export function programContext(w: PodWorker, c: ContainerState, inst: Instance, own: Record<string, string>): ProgramContext {
  const { core } = w;
  const pod = w.s.pod;
  // Models the OCI spec containerd builds: HOSTNAME, then the image's ENV, then the kubelet's variables
  // (declared env, then the Service variables from serviceEnv); the shell adds HOME last when unset.
  const hostname = pod.spec?.hostNetwork ? core.nodeName : etcHostname(pod);
  const env: Record<string, string> = { HOSTNAME: hostname };
  for (const [k, v] of c.image?.spec.env ?? []) env[k] = v;
  Object.assign(env, own);
  return {
    hostname, podIP: w.s.ip ?? '', nodeName: core.nodeName, containerName: c.spec.name,
    command: c.spec.command ?? [], args: c.spec.args ?? [], env,
    ports: (c.spec.ports ?? []).map((p) => p.containerPort),
    memoryLimitBytes: parseMemory(c.spec.resources?.limits?.memory as string | undefined),
    fs: inst.fs,
    now: () => core.clock.now(),
    log: (text) => {
      const line = { t: core.clock.now(), ns: core.rng.int(1_000_000), text };
      inst.logs.push(line);
      if (inst.logs.length > MAX_LOG_LINES) inst.logs.splice(0, inst.logs.length - MAX_LOG_LINES);
      for (const f of inst.followers) f.push(formatLine(line, f.timestamps));
    },
    after: (ms, fn) => {
      const id: TimerId = core.clock.after(ms, () => { inst.timers.delete(id); if (!inst.exited) fn(); });
      inst.timers.add(id);
      return () => { core.clock.cancel(id); inst.timers.delete(id); };
    },
    exit: (code, reason) => w.exit(c, inst, code, reason),
    exited: () => inst.exited,
    net: core.netTools?.(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? ''),
  };
}

