// Models k8s.io/kubectl/pkg/cmd/clusterinfo (services labelled kubernetes.io/cluster-service=true).
import type { Service } from 'kubernetes-types/core/v1';
import type { Env } from '../../env';
import { fail } from '../../errors';
import { serverUrl } from '../../kubeconfig';

/** clusterInfoVerb prints the control plane and cluster-service proxy URLs. */
export function clusterInfoVerb(env: Env): number {
  if (env.args[0] === 'dump') throw fail('cluster-info dump is not available in this sandbox');
  if (env.args.length) throw fail(`unknown command "${env.args[0]}" for "kubectl cluster-info"`);
  const server = serverUrl(env.kubeconfig().config, env.flags.str('context'));
  const tty = env.ctx.isTTY;
  const green = (s: string) => (tty ? `\x1b[0;32m${s}\x1b[0m` : s);
  const yellow = (s: string) => (tty ? `\x1b[0;33m${s}\x1b[0m` : s);
  let out = `${green('Kubernetes control plane')} is running at ${yellow(server)}\n`;
  const ns = env.flags.changed('namespace') ? env.flags.str('namespace') : 'kube-system';
  const svcs = env.client.list('services', ns, { labelSelector: 'kubernetes.io/cluster-service=true' }) as unknown as (Service & { metadata: NonNullable<Service['metadata']> })[];
  for (const svc of svcs) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name ?? '';
    const port = svc.spec?.ports?.[0];
    let link = `${server}/api/v1/namespaces/${ns}/services/${svc.metadata.name}`;
    if (port?.name) link += `:${port.name}`;
    else if (port && port.port !== 80) link += `:${port.port}`;
    out += `${green(name)} is running at ${yellow(link + '/proxy')}\n`;
  }
  out += `\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`;
  env.out(out);
  return 0;
}
