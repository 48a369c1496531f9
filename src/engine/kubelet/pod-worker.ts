import type { Container, Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../api/types';
import type { KObject } from '../types';
import type { ExitReason } from '../images';
import type { TimerId } from '../util';
import { deepFreeze } from '../util';
import type { KubeletCore } from './core';
import { HEX } from './core';
import { MSG } from './messages';
import type { ContainerState, Instance, PodWorkerState } from './state';
import { buildStatus, podPhase } from './status';
import { stageMs } from './timings';
import { ProbeRunner } from './prober';
import { missingVolume, seedMounts } from './volumes';
import { seedEtcFiles } from './etc-files';
import { startContainer } from './image-pull';
import { programContext } from './program-context';

/**
 * PodWorker runs one pod on a node: sandbox, image pulls, container starts, restarts with back-off,
 * probes, graceful termination and status writes. Models pkg/kubelet pod_workers + kuberuntime SyncPod
 * (one container operation at a time per container; every step is a clock timer with data-driven delay).
 */
export class PodWorker {
  readonly s: PodWorkerState;
  private flushPending = false;
  private lastWritten = '';
  private prober: ProbeRunner;

  constructor(readonly core: KubeletCore, pod: Pod) {
    const spec = pod.spec ?? { containers: [] };
    const mk = (c: Container, init: boolean): ContainerState => ({
      spec: c, init, sidecar: init && c.restartPolicy === 'Always', restartCount: 0, ready: false, started: false,
      done: false, busy: false, probes: {},
    });
    this.s = {
      key: `${pod.metadata?.namespace}/${pod.metadata?.name}`, uid: pod.metadata?.uid ?? '', pod,
      sandboxReady: false, containers: [...(spec.initContainers ?? []).map((c) => mk(c, true)), ...spec.containers.map((c) => mk(c, false))],
      terminating: false, terminal: false, finished: false, timers: new Set(), transitions: new Map(),
    };
    this.prober = new ProbeRunner(this);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') { this.s.terminal = true; }
    else this.after(stageMs(core.rng, core.t.firstSync), () => this.firstSync());
    if (pod.metadata?.deletionTimestamp) this.terminate();
  }

  /** after schedules fn on the worker's timer set (cancelled when the pod goes away). */
  after(ms: number, fn: () => void): TimerId {
    const id: TimerId = this.core.clock.after(ms, () => { this.s.timers.delete(id); if (!this.s.finished) fn(); });
    this.s.timers.add(id);
    return id;
  }

  /** event records a kubelet event about the pod, optionally for one container. */
  event(type: 'Normal' | 'Warning', reason: string, message: string, c?: ContainerState): void {
    const fieldPath = c ? `spec.${c.init ? 'initContainers' : 'containers'}{${c.spec.name}}` : undefined;
    this.core.recorder.event(this.s.pod as KObject, type, reason, message, fieldPath ? { fieldPath } : undefined);
  }

  /** update takes the latest pod from the watch. */
  update(pod: Pod): void {
    this.s.pod = pod;
    if (pod.metadata?.deletionTimestamp && !this.s.terminating) { this.terminate(); return; }
    // Models kuberuntime computePodActions: a changed container image (the only mutable container field) restarts it.
    const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    for (const c of this.s.containers) {
      const next = specs.find((x) => x.name === c.spec.name);
      if (!next || next.image === c.spec.image) continue;
      c.spec = next;
      if (c.current && !c.current.exited && !c.init) {
        this.event('Normal', 'Killing', `Container ${c.spec.name} definition changed, will be restarted`, c);
        this.kill(c, pod.spec?.terminationGracePeriodSeconds ?? 30, 'probe');
      } else if (!c.busy && (c.waiting || !c.current)) {
        c.pull = undefined;
        c.waiting = undefined;
        c.image = undefined;
        this.startContainer(c);
      }
    }
  }

  private firstSync(): void {
    this.s.startTime = this.core.clock.now();
    this.markDirty();
    if (this.s.terminating) return;
    this.createSandbox();
  }

  /** createSandbox is RunPodSandbox + CNI ADD; an exhausted podCIDR fails like the bridge plugin and retries. */
  private createSandbox(mountDelay = 500): void {
    const { core } = this;
    const missing = missingVolume(core.client, this.s.pod);
    if (missing) {
      // The volume manager retries mounts with exponential back-off (up to 2m2s) while the pod stays ContainerCreating.
      this.event('Warning', 'FailedMount', missing);
      this.after(mountDelay, () => { if (!this.s.terminating) this.createSandbox(Math.min(mountDelay * 2, 122_000)); });
      return;
    }
    this.after(stageMs(core.rng, core.t.sandbox), () => {
      if (this.s.terminating) return;
      const hostNet = this.s.pod.spec?.hostNetwork;
      const ip = hostNet ? core.hostIP : core.ipam.allocate(this.s.uid || this.s.key);
      if (!ip) {
        this.event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${core.rng.string(64, HEX)}": plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: ${core.ipam.range}`);
        this.after(10_000, () => this.createSandbox());
        return;
      }
      this.s.ip = ip;
      this.s.sandboxReady = true;
      this.markDirty();
      this.advance();
    });
  }

  /** advance is the SyncPod step: start the next init container, or every regular container never started yet. */
  advance(): void {
    const s = this.s;
    if (s.terminating || s.terminal || s.finished || !s.sandboxReady) return;
    for (const c of s.containers) {
      if (!c.init) continue;
      if (c.done) continue;
      if (!c.busy && !c.current && !c.last && !this.inPullBackoff(c) && !this.stuck(c)) this.startContainer(c);
      return;
    }
    for (const c of s.containers) {
      if (c.init) continue;
      if (c.busy) return;
      if (!c.current && !c.last && !this.inPullBackoff(c) && !this.stuck(c)) { this.startContainer(c); return; }
    }
  }

  private stuck(c: ContainerState): boolean {
    const r = c.waiting?.reason;
    return r === 'InvalidImageName' || r === 'ErrImageNeverPull' || r === 'CreateContainerConfigError';
  }

  private inPullBackoff(c: ContainerState): boolean {
    const r = c.waiting?.reason;
    return (r === 'ImagePullBackOff' || r === 'ErrImagePull') && !!c.pull && this.core.clock.now() - c.pull.lastUpdate < c.pull.delay;
  }

  nextBackoff(b: { delay: number; lastUpdate: number } | undefined, initial: number, max: number) {
    const now = this.core.clock.now();
    if (!b || now - b.lastUpdate > this.core.t.backoffResetMs) return { delay: initial, lastUpdate: now };
    return { delay: Math.min(b.delay * 2, max), lastUpdate: now };
  }

  /** startContainer runs EnsureImageExists, then create and start (see image-pull.ts). */
  startContainer(c: ContainerState): void { startContainer(this, c); }

  /** run starts a new instance of c (StartContainer) and its probes. */
  run(c: ContainerState, env: Record<string, string>): void {
    const { core } = this;
    const now = core.clock.now();
    const inst: Instance = { id: core.rng.string(64, HEX), startedAt: now, fs: new Map(), logs: [], followers: new Set(), timers: new Set(), exited: false };
    seedEtcFiles(this.s.pod, this.s.ip ?? '', core.nodeName, inst.fs);
    seedMounts(core.client, this.s.pod, c.spec, inst.fs);
    if (c.current) { c.last = c.current; c.restartCount++; } else if (c.last) c.restartCount++;
    c.current = inst;
    c.waiting = undefined;
    c.busy = false;
    const image = c.image?.spec;
    const ctx = programContext(this, c, inst, env);
    if (image) inst.proc = image.start(ctx);
    if (inst.proc?.startError) {
      const msg = inst.proc.startError;
      this.event('Warning', 'Failed', `Error: ${msg}`, c);
      this.exit(c, inst, 128, 'StartError', msg);
      return;
    }
    this.event('Normal', 'Started', MSG.started(c.spec.name), c);
    if (!inst.exited) {
      c.started = !c.spec.startupProbe;
      c.ready = c.started && !c.spec.readinessProbe && !(c.init && !c.sidecar);
      this.prober.start(c, inst);
      if (c.sidecar && c.started) c.done = true;
    }
    this.markDirty();
    this.advance();
  }

  /** exit records PID 1's end and decides what happens next (restart, back-off, completion). */
  exit(c: ContainerState, inst: Instance, code: number, reason?: ExitReason, message?: string): void {
    if (inst.exited) return;
    const { core } = this;
    inst.exited = true;
    inst.finishedAt = core.clock.now();
    inst.exitCode = code;
    inst.reason = reason ?? (code === 0 ? 'Completed' : 'Error');
    if (message) inst.message = message;
    for (const id of inst.timers) core.clock.cancel(id);
    inst.timers.clear();
    for (const f of inst.followers) f.end();
    inst.followers.clear();
    this.prober.stop(c);
    if (c.killing?.sigkill !== undefined) core.clock.cancel(c.killing.sigkill);
    const killedForDelete = c.killing?.reason === 'delete';
    c.killing = undefined;
    c.ready = false;
    c.started = false;
    this.markDirty();
    if (this.s.terminating || killedForDelete) { this.checkTerminated(); return; }
    if (c.init && !c.sidecar && code === 0) {
      c.done = true;
      c.ready = true;
      this.after(stageMs(core.rng, core.t.relist), () => this.advance());
      return;
    }
    this.after(stageMs(core.rng, core.t.relist), () => this.decideRestart(c, inst));
  }

  /** decideRestart applies restartPolicy and the crash-loop back-off (flowcontrol.Backoff keyed per container). */
  private decideRestart(c: ContainerState, inst: Instance): void {
    if (this.s.terminating || c.current !== inst) return;
    const podPolicy = this.s.pod.spec?.restartPolicy ?? 'Always';
    const policy = c.sidecar ? 'Always' : c.init && podPolicy === 'Always' ? 'OnFailure' : podPolicy;
    const restart = policy === 'Always' || (policy === 'OnFailure' && (inst.exitCode ?? 0) !== 0);
    if (!restart) { this.checkTerminal(); return; }
    const { core } = this;
    const b = c.crash;
    if (b && (inst.finishedAt ?? 0) - b.lastUpdate < b.delay && core.clock.now() - b.lastUpdate <= core.t.backoffResetMs) {
      const pod = this.s.pod;
      const [name, ns, uid] = [pod.metadata?.name ?? '', pod.metadata?.namespace ?? '', pod.metadata?.uid ?? ''];
      c.last = inst;
      c.current = undefined;
      c.waiting = { reason: 'CrashLoopBackOff', message: MSG.crashBackOffWaiting(b.delay, c.spec.name, name, ns, uid) };
      this.event('Warning', 'BackOff', MSG.crashBackOffEvent(c.spec.name, name, ns, uid), c);
      this.markDirty();
      this.after(Math.max(0, b.lastUpdate + b.delay - core.clock.now()), () => this.restartNow(c));
      return;
    }
    this.restartNow(c);
  }

  private restartNow(c: ContainerState): void {
    if (this.s.terminating) return;
    c.crash = this.nextBackoff(c.crash, this.core.t.crashBackoffInitialMs, this.core.t.crashBackoffMaxMs);
    this.startContainer(c);
  }

  /** checkTerminal moves a pod whose containers will not restart to Succeeded/Failed and tears down its sandbox. */
  private checkTerminal(): void {
    const phase = podPhase(this.s, false);
    if (phase !== 'Succeeded' && phase !== 'Failed') return;
    for (const c of this.s.containers) {
      if (c.current && !c.current.exited) this.kill(c, 0, 'delete');
    }
    this.s.terminal = true;
    this.s.sandboxReady = false;
    this.core.ipam.release(this.s.uid || this.s.key);
    this.markDirty();
  }

  /** kill runs preStop, sends SIGTERM (the image's stop signal) and SIGKILL at the grace deadline. */
  kill(c: ContainerState, graceSec: number, reason: 'probe' | 'delete'): void {
    const inst = c.current;
    if (!inst || inst.exited || c.killing) return;
    const { clock } = this.core;
    const deadline = clock.now() + Math.max(0, graceSec) * 1000;
    c.killing = { reason };
    let preStopMs = 0;
    const hook = c.spec.lifecycle?.preStop;
    if (hook?.exec?.command && inst.proc) preStopMs = inst.proc.exec(hook.exec.command).durationMs ?? 0;
    else if (hook?.httpGet && inst.proc?.http) inst.proc.http({ method: 'GET', path: hook.httpGet.path ?? '/', headers: { 'user-agent': 'kube-lifecycle/1.32' }, remoteAddr: this.core.ipam.gateway, port: Number(hook.httpGet.port) });
    else if ((hook as { sleep?: { seconds?: number } } | undefined)?.sleep) preStopMs = ((hook as { sleep: { seconds?: number } }).sleep.seconds ?? 0) * 1000;
    const sigkill = () => {
      if (inst.exited) return;
      inst.proc?.signal('SIGKILL');
      if (!inst.exited) this.exit(c, inst, 137, 'Error');
    };
    const term = () => {
      if (inst.exited) return;
      if (!inst.proc) { this.exit(c, inst, 137, 'Error'); return; }
      inst.proc.signal('SIGTERM');
    };
    if (graceSec <= 0) { term(); sigkill(); return; }
    if (preStopMs > 0) clock.after(Math.min(preStopMs, deadline - clock.now()), term); else term();
    if (!inst.exited && c.killing) c.killing.sigkill = clock.after(Math.max(0, deadline - clock.now()), sigkill);
  }

  /** terminate starts graceful deletion: Killing events, kills with the grace period, then final status and delete. */
  terminate(): void {
    const s = this.s;
    if (s.terminating || s.finished) return;
    s.terminating = true;
    const pod = s.pod;
    const grace = pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    for (const c of s.containers) {
      c.busy = false;
      if (c.current && !c.current.exited) {
        this.event('Normal', 'Killing', MSG.killing(c.spec.name), c);
        if (c.killing) { c.killing.reason = 'delete'; continue; }
        this.kill(c, grace, 'delete');
      }
    }
    this.checkTerminated();
  }

  private checkTerminated(): void {
    const s = this.s;
    if (!s.terminating || s.finished) return;
    if (s.containers.some((c) => c.current && !c.current.exited)) return;
    if (s.teardown) return;
    s.teardown = true;
    this.after(stageMs(this.core.rng, this.core.t.teardown), () => {
      s.sandboxReady = false;
      this.core.ipam.release(s.uid || s.key);
      for (const c of s.containers) { c.ready = false; c.started = false; if (c.waiting && c.last) { c.current = c.last; c.last = undefined; c.waiting = undefined; } }
      this.flush(true);
      const { client } = this.core;
      const md = s.pod.metadata ?? {};
      try { client.delete('pods', md.namespace, md.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: md.uid } }); } catch { /* already gone */ }
    });
  }

  /** destroy stops everything at once (the pod object is gone). */
  destroy(): void {
    const s = this.s;
    if (s.finished) return;
    const { clock } = this.core;
    for (const c of s.containers) {
      this.prober.stop(c);
      const inst = c.current;
      if (inst && !inst.exited) {
        inst.exited = true;
        inst.finishedAt = clock.now();
        inst.exitCode = 137;
        for (const id of inst.timers) clock.cancel(id);
        for (const f of inst.followers) f.end();
      }
      if (c.killing?.sigkill !== undefined) clock.cancel(c.killing.sigkill);
    }
    for (const id of s.timers) clock.cancel(id);
    s.timers.clear();
    s.finished = true;
    this.core.ipam.release(s.uid || s.key);
  }

  /** markDirty schedules one status write for everything changed in this instant. */
  markDirty(): void {
    if (this.flushPending || this.s.finished) return;
    this.flushPending = true;
    this.after(0, () => this.flush(false));
  }

  /** signature is a cheap fingerprint of everything the status shows, to skip no-op writes. */
  private signature(phase: string): string {
    const s = this.s;
    let sig = `${phase}|${s.ip}|${s.sandboxReady}|${s.startTime}`;
    for (const c of s.containers) {
      sig += `|${c.waiting?.reason}:${c.waiting?.message}:${c.current?.id}:${c.current?.exited}:${c.last?.id}:${c.ready}:${c.started}:${c.restartCount}:${c.image?.ref}:${c.done}`;
    }
    return sig;
  }

  /** flush writes the pod status (PUT /status) if it changed. */
  flush(final: boolean): void {
    this.flushPending = false;
    const s = this.s;
    if (s.finished || !s.startTime) return;
    const allStopped = !s.containers.some((c) => c.current && !c.current.exited);
    const phase = final || (s.terminating && allStopped) ? podPhase(s, true) : podPhase(s, false);
    const sig = this.signature(phase);
    if (sig === this.lastWritten) return;
    // Frozen as the store would keep it: the API server shares it instead of copying and re-checking it.
    const status = deepFreeze(buildStatus(s, this.core.clock.now(), this.core.hostIP, phase));
    const write = (pod: Pod) => this.core.client.updateStatus('pods', pod.metadata?.namespace, { ...(pod as KObject), status } as KObject) as Pod;
    try {
      const updated = write(s.pod);
      this.lastWritten = sig;
      if (updated?.metadata?.uid === s.uid) s.pod = updated;
    } catch (e) {
      if (e instanceof ApiError && e.code === 409) {
        const fresh = this.core.client.tryGet<KObject>('pods', s.pod.metadata?.namespace, s.pod.metadata?.name ?? '') as Pod | undefined;
        if (fresh && fresh.metadata?.uid === s.uid) {
          s.pod = fresh;
          try { write(fresh); this.lastWritten = sig; } catch { /* next change retries */ }
        }
      }
    }
  }
}
