import type { Probe } from 'kubernetes-types/core/v1';
import type { ContainerState, Instance } from './state';
import type { PodWorker } from './pod-worker';
import type { Peer } from '../network/types';
import { runProbe, type ProbeKind, type ProbeResult } from './probes';
import { MSG } from './messages';
import { stageMs } from './timings';

/**
 * ProbeRunner runs the startup, liveness and readiness probes of a pod's containers.
 * Models pkg/kubelet/prober worker: one timer per probe ticking every periodSeconds, results gated by
 * initialDelaySeconds, success/failure thresholds; startup gates the other two.
 */
export class ProbeRunner {
  constructor(private readonly w: PodWorker) {}

  /** start begins probing a freshly started instance. */
  start(c: ContainerState, inst: Instance): void {
    if (c.spec.startupProbe) this.schedule(c, inst, 'Startup', c.spec.startupProbe);
    else this.startMain(c, inst);
  }

  private startMain(c: ContainerState, inst: Instance): void {
    if (c.spec.readinessProbe) this.schedule(c, inst, 'Readiness', c.spec.readinessProbe);
    if (c.spec.livenessProbe) this.schedule(c, inst, 'Liveness', c.spec.livenessProbe);
  }

  /** stop cancels every probe of c. */
  stop(c: ContainerState): void {
    for (const p of Object.values(c.probes)) if (p?.timer !== undefined) this.w.core.clock.cancel(p.timer);
    c.probes = {};
  }

  private schedule(c: ContainerState, inst: Instance, kind: ProbeKind, probe: Probe): void {
    const { core } = this.w;
    const now = core.clock.now();
    const initial = (probe.initialDelaySeconds ?? 0) * 1000;
    const first = Math.max(initial ? 0 : stageMs(core.rng, core.t.probeJitter), inst.startedAt + initial - now);
    const state = { successes: 0, failures: 0, timer: undefined as number | undefined };
    c.probes[kind] = state;
    const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
    const tick = () => {
      state.timer = undefined;
      if (inst.exited || c.current !== inst || c.probes[kind] !== state || this.w.s.terminating) return;
      this.once(c, inst, kind, probe, state);
      if (!inst.exited && c.probes[kind] === state && !c.killing) state.timer = core.clock.after(period, tick);
    };
    state.timer = core.clock.after(first, tick);
  }

  private once(c: ContainerState, inst: Instance, kind: ProbeKind, probe: Probe, st: { successes: number; failures: number }): void {
    const w = this.w;
    const r = runProbe(probe, { proc: inst.proc, podIP: w.s.ip ?? '', sourceIP: w.core.ipam.gateway, container: c.spec });
    if (r.net && w.core.traceProbe && (w.core.tracing?.() ?? true)) this.trace(kind, r);
    const successThreshold = probe.successThreshold ?? 1;
    const failureThreshold = probe.failureThreshold ?? 3;
    if (r.ok) { st.successes++; st.failures = 0; } else { st.failures++; st.successes = 0; }
    if (!r.ok) w.event('Warning', 'Unhealthy', MSG.probeFailed(kind, r.message ?? ''), c);
    switch (kind) {
      case 'Startup':
        if (r.ok) {
          const p = c.probes.Startup;
          c.probes.Startup = undefined;
          if (p?.timer !== undefined) w.core.clock.cancel(p.timer);
          c.started = true;
          if (!c.spec.readinessProbe && !(c.init && !c.sidecar)) c.ready = true;
          if (c.sidecar) c.done = true;
          w.markDirty();
          this.startMain(c, inst);
          if (c.sidecar) w.advance();
        } else if (st.failures >= failureThreshold) this.probeKill(c, 'startup', probe);
        break;
      case 'Readiness':
        if (r.ok && !c.ready && st.successes >= successThreshold) { c.ready = true; w.markDirty(); }
        if (!r.ok && c.ready && st.failures >= failureThreshold) { c.ready = false; w.markDirty(); }
        break;
      case 'Liveness':
        if (!r.ok && st.failures >= failureThreshold) this.probeKill(c, 'liveness', probe);
        break;
    }
  }

  /** trace publishes one http/tcp probe as a traffic trace from the node to the pod (models nothing upstream: for the map). */
  private trace(kind: ProbeKind, r: ProbeResult): void {
    const { core, s } = this.w;
    const net = r.net!;
    const md = s.pod.metadata;
    const labels = md?.labels ?? {};
    const revision = labels['pod-template-hash'] ?? labels['controller-revision-hash'];
    const node: Peer = { kind: 'node', name: core.nodeName, ip: core.hostIP };
    const pod: Peer = { kind: 'pod', name: md?.name, namespace: md?.namespace, ip: s.ip, port: net.port, ...(revision ? { revision } : {}) };
    core.traceProbe!({
      t: core.clock.now(), protocol: net.protocol, probe: true, from: node,
      hops: [{ from: node, to: pod, via: 'direct', atMs: 0, note: `${kind.toLowerCase()} probe` }],
      ...(net.connected ? { answeredBy: pod } : {}),
      ...(net.status !== undefined ? { status: net.status } : {}),
      ...(r.ok ? {} : { error: r.message }),
      latencyMs: net.latencyMs,
    });
  }

  private probeKill(c: ContainerState, kind: string, probe: Probe): void {
    const w = this.w;
    w.event('Normal', 'Killing', MSG.probeKill(c.spec.name, kind), c);
    this.stop(c);
    const grace = probe.terminationGracePeriodSeconds ?? w.s.pod.spec?.terminationGracePeriodSeconds ?? 30;
    w.kill(c, grace, 'probe');
  }
}
