// The kubelet side of kubectl's streaming subresources in the sandbox: an interactive container shell
// for `kubectl exec -it` (pods/exec with a TTY) and connections into a pod's network namespace for
// `kubectl port-forward` (pods/portforward, as the CRI streaming server dials localhost:port there).
import type { Cluster } from './cluster';
import { KubectlError } from './kubectl';
import type { DialFn, ShellSession } from './kubectl';
import type { TimeDriver } from './util';
import type { Terminal } from './sandbox-run';
import { openContainerShell } from './sandbox-shell';
import { sandboxId } from './images';

/** runningContainer finds a running container of a pod through its node's kubelet. */
function runningContainer(cluster: Cluster, ns: string, pod: string) {
  const p = cluster.client.tryGet('pods', ns, pod);
  const node = (p?.spec as { nodeName?: string } | undefined)?.nodeName;
  return { pod: p, containers: ((p?.spec as { containers?: { name: string }[] } | undefined)?.containers ?? []).map((c) => c.name), kubelet: node ? cluster.kubelet(node) : undefined };
}

/** openShell runs an interactive container shell on the terminal until it exits (the kubelet side of `exec -it`). */
export async function openShell(cluster: Cluster, time: TimeDriver, terminal: Terminal, s: ShellSession): Promise<{ exitCode: number }> {
  const find = () => runningContainer(cluster, s.namespace, s.pod).kubelet?.container(s.namespace, s.pod, s.container);
  // The API server's answer when the kubelet has no running container by that name.
  if (!find()) throw new KubectlError(`error: unable to upgrade connection: container not found ("${s.container}")`);
  const exec = (argv: string[]) => find()?.process.exec(argv, '', s.tty);
  const opened = openContainerShell({ exec, time, command: s.command, tty: s.tty, podName: s.pod });
  if (!('line' in opened)) {
    s.out(opened.stdout);
    s.err(opened.stderr);
    return { exitCode: opened.exitCode };
  }
  return { exitCode: await terminal.open(opened) };
}

/** dialInPod is the kubelet side of pods/portforward: it connects to localhost:port inside the pod's network namespace. */
export const dialInPod = (cluster: Cluster, req: Parameters<DialFn>[0]): ReturnType<DialFn> => {
  const { pod, containers, kubelet } = runningContainer(cluster, req.namespace, req.pod);
  const sandbox = sandboxId(`sandbox/${pod?.metadata.uid ?? `${req.namespace}/${req.pod}`}`);
  if (!pod || !kubelet) return { error: `error forwarding port ${req.port} to pod ${sandbox}, uid : failed to find sandbox "${sandbox}" in store: not found` };
  for (const name of containers) {
    const c = kubelet.container(req.namespace, req.pod, name);
    if (c && c.process.listens(req.port)) {
      const proc = c.process;
      return proc.http ? { http: (r) => proc.http!(r) } : {};
    }
  }
  const netns = sandboxId(`netns/${sandbox}`);
  const path = `/var/run/netns/cni-${netns.slice(0, 8)}-${netns.slice(8, 12)}-${netns.slice(12, 16)}-${netns.slice(16, 20)}-${netns.slice(20, 32)}`;
  return { error: `error forwarding port ${req.port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "${path}": `
    + `failed to connect to localhost:${req.port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${req.port}: connect: connection refused `
    + `IPv6 dial tcp6 [::1]:${req.port}: connect: connection refused ` };
};
