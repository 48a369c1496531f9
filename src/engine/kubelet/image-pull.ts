import type { Container } from 'kubernetes-types/core/v1';
import type { ImageSpec } from '../images';
import { containerEnv } from './env';
import { MSG } from './messages';
import type { PodWorker } from './pod-worker';
import { fieldRefs } from './program-context';
import type { ContainerState } from './state';
import { pullMs, stageMs } from './timings';

// Models pkg/kubelet/images image_manager EnsureImageExists (pull policy, shared pulls, back-off) and the
// create/start half of kuberuntime startContainer.

/** pullPolicy is the API server's default: Always for `:latest` or no tag, IfNotPresent otherwise. */
export function pullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const img = c.image ?? '';
  if (img.includes('@')) return 'IfNotPresent';
  const tag = /:([^/:]+)$/.exec(img)?.[1];
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** startContainer runs EnsureImageExists, then create and start (kuberuntime startContainer + images.imageManager). */
export function startContainer(w: PodWorker, c: ContainerState): void {
  const { core } = w;
  const { rng, t } = core;
  const image = c.spec.image ?? '';
  c.busy = true;
  const res = core.images.resolve(image);
  if (!res.ok && res.reason === 'InvalidName') {
    const msg = MSG.invalidName(image, res.message.replace(/^couldn't parse image reference "[^"]*": /, `couldn't parse image reference "${image}": `));
    w.event('Warning', 'InspectFailed', msg, c);
    w.event('Warning', 'Failed', 'Error: InvalidImageName', c);
    c.waiting = { reason: 'InvalidImageName', message: msg };
    c.busy = false;
    w.markDirty();
    return;
  }
  const ref = res.ok ? res.ref : '';
  const present = res.ok && core.imageCache.has(ref);
  const policy = pullPolicy(c.spec);
  if (policy === 'Never' && !present) {
    const msg = MSG.neverPull(image);
    w.event('Warning', 'ErrImageNeverPull', msg, c);
    w.event('Warning', 'Failed', 'Error: ErrImageNeverPull', c);
    c.waiting = { reason: 'ErrImageNeverPull', message: msg };
    c.busy = false;
    w.markDirty();
    return;
  }
  if (present && policy !== 'Always') {
    w.event('Normal', 'Pulled', MSG.present(image), c);
    imageReady(w, c, res.ok ? res : undefined);
    return;
  }
  if (c.pull && core.clock.now() - c.pull.lastUpdate < c.pull.delay) {
    enterPullBackoff(w, c);
    return;
  }
  w.event('Normal', 'Pulling', MSG.pulling(image), c);
  const now = core.clock.now();
  let pullTime: number, waitTime: number;
  if (!res.ok) { pullTime = stageMs(rng, t.pullFail); waitTime = pullTime; }
  else if (present) { pullTime = stageMs(rng, t.pullCached); waitTime = pullTime; }
  else {
    const inflight = core.pulls.get(ref);
    if (inflight !== undefined && inflight > now) {
      pullTime = stageMs(rng, t.pullCached);
      waitTime = inflight - now + pullTime;
    } else {
      pullTime = core.pullDelay?.(ref) ?? pullMs(rng, t, res.sizeBytes);
      waitTime = pullTime;
      core.pulls.set(ref, now + pullTime);
    }
  }
  w.after(waitTime, () => {
    if (res.ok && core.pulls.get(ref) === now + pullTime) core.pulls.delete(ref);
    if (res.ok) core.imageCache.set(ref, res.digest);
    if (w.s.terminating) { c.busy = false; return; }
    if (!res.ok) {
      w.event('Warning', 'Failed', MSG.failedPull(image, res.message), c);
      w.event('Warning', 'Failed', 'Error: ErrImagePull', c);
      c.waiting = { reason: 'ErrImagePull', message: res.message };
      c.pullError = res.message;
      c.pull = w.nextBackoff(c.pull, t.pullBackoffInitialMs, t.pullBackoffMaxMs);
      c.busy = false;
      w.markDirty();
      w.after(stageMs(rng, t.backoffSync), () => enterPullBackoff(w, c));
      return;
    }
    c.pull = undefined;
    c.pullError = undefined;
    w.event('Normal', 'Pulled', MSG.pulled(image, pullTime, waitTime, res.sizeBytes), c);
    imageReady(w, c, res);
  });
}

/** enterPullBackoff reports ImagePullBackOff and schedules the retry at the end of the back-off. */
function enterPullBackoff(w: PodWorker, c: ContainerState): void {
  if (w.s.terminating || !c.pull) return;
  const image = c.spec.image ?? '';
  w.event('Normal', 'BackOff', MSG.backOffPull(image), c);
  w.event('Warning', 'Failed', 'Error: ImagePullBackOff', c);
  // 1.32 (kubernetes#127918) appends the previous pull error to the back-off status message, not to the event.
  const prev = c.pullError ? `: ErrImagePull: ${c.pullError}` : '';
  c.waiting = { reason: 'ImagePullBackOff', message: MSG.backOffPull(image) + prev };
  c.busy = false;
  w.markDirty();
  const retryAt = c.pull.lastUpdate + c.pull.delay;
  w.after(Math.max(0, retryAt - w.core.clock.now()), () => {
    if (c.last || c.current) startContainer(w, c); else w.advance();
  });
}

/** imageReady creates and starts the container once its image is on the node. */
function imageReady(w: PodWorker, c: ContainerState, res: { ref: string; digest: string; image: ImageSpec } | undefined): void {
  if (!res) return;
  c.image = { ref: res.ref, digest: res.digest, spec: res.image };
  const { rng, t } = w.core;
  w.after(stageMs(rng, t.create), () => {
    if (w.s.terminating) { c.busy = false; return; }
    const pod = w.s.pod;
    const svcVars = w.core.services.env(pod.metadata?.namespace ?? 'default', pod.spec?.enableServiceLinks !== false);
    const env = containerEnv(w.core.client, pod, c.spec, () => fieldRefs(w), svcVars);
    if ('error' in env) {
      // Models kuberuntime generateContainerConfig failing: CreateContainerConfigError, retried on the next sync.
      w.event('Warning', 'Failed', `Error: ${env.error}`, c);
      c.waiting = { reason: 'CreateContainerConfigError', message: env.error };
      c.busy = false;
      w.markDirty();
      w.after(stageMs(rng, t.configRetry), () => { if (!c.busy && c.waiting?.reason === 'CreateContainerConfigError') startContainer(w, c); });
      return;
    }
    w.event('Normal', 'Created', MSG.created(c.spec.name), c);
    w.after(stageMs(rng, t.start), () => {
      if (w.s.terminating) { c.busy = false; return; }
      w.run(c, env.env);
    });
  });
}

