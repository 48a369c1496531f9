// Event and status texts of the 1.32 kubelet (pkg/kubelet/images, kuberuntime, prober, events).

/** goDuration formats ms as Go's time.Duration String (millisecond precision): 177ms, 5.168s, 1m2.5s. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const trim = (s: number) => String(Math.round(s * 1000) / 1000);
  if (ms < 60_000) return `${trim(ms / 1000)}s`;
  const m = Math.floor(ms / 60_000);
  if (m < 60) return `${m}m${trim((ms % 60_000) / 1000)}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${trim((ms % 60_000) / 1000)}s`;
}

/** MSG collects the kubelet's message formats. */
export const MSG = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, ms: number, waitMs: number, size: number) =>
    `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(waitMs)} including waiting). Image size: ${size} bytes.`,
  present: (image: string) => `Container image "${image}" already present on machine`,
  neverPull: (image: string) => `Container image "${image}" is not present with pull policy of Never`,
  failedPull: (image: string, err: string) => `Failed to pull image "${image}": ${err}`,
  backOffPull: (image: string) => `Back-off pulling image "${image}"`,
  invalidName: (image: string, err: string) => `Failed to apply default image tag "${image}": ${err}`,
  created: (c: string) => `Created container: ${c}`,
  started: (c: string) => `Started container ${c}`,
  killing: (c: string) => `Stopping container ${c}`,
  probeKill: (c: string, kind: string) => `Container ${c} failed ${kind} probe, will be restarted`,
  crashBackOffEvent: (c: string, pod: string, ns: string, uid: string) => `Back-off restarting failed container ${c} in pod ${pod}_${ns}(${uid})`,
  crashBackOffWaiting: (delayMs: number, c: string, pod: string, ns: string, uid: string) =>
    `back-off ${goDuration(delayMs)} restarting failed container=${c} pod=${pod}_${ns}(${uid})`,
  probeFailed: (kind: string, msg: string) => `${kind} probe failed: ${msg}`,
};
