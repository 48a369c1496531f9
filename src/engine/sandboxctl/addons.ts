import type { Cluster } from '../cluster';
import { installIngressNginx, INGRESS_NGINX_VERSION } from '../network/ingress';
import type { CommandContext } from '../shell/types';

/** ADDONS_HELP is the `sandbox addons` part of `sandbox help`. */
export const ADDONS_HELP = `  sandbox addons list                          List the add-ons and whether they are installed
  sandbox addons enable ingress                Install ingress-nginx (IngressClass nginx, made the default class)
`;

/**
 * runAddons is `sandbox addons list|enable NAME`, like `minikube addons`: `enable ingress` installs the
 * same objects as ingress-nginx's deploy.yaml (also reachable with kubectl apply -f <its URL>).
 */
export function runAddons(cluster: Cluster, ctx: CommandContext, args: string[]): number {
  const [verb, name, ...rest] = args;
  const installed = () => !!cluster.client.tryGet('deployments', 'ingress-nginx', 'ingress-nginx-controller');
  if (verb === 'list' && !name) {
    ctx.stdout(`ADDON     STATUS\ningress   ${installed() ? 'enabled' : 'disabled'}\n`);
    return 0;
  }
  if (verb === 'enable' && name === 'ingress' && rest.length === 0) {
    if (installed()) { ctx.stdout('ingress is already enabled\n'); return 0; }
    const created = installIngressNginx(cluster.client, { defaultClass: true });
    cluster.clock.runDue();
    ctx.stdout(`${created.map((c) => `${c} created`).join('\n')}\n`
      + `ingress-nginx v${INGRESS_NGINX_VERSION} is starting in namespace "ingress-nginx"; watch it with: kubectl get pods -n ingress-nginx -w\n`);
    return 0;
  }
  if (verb === 'enable' && name && name !== 'ingress') { ctx.stderr(`sandbox: unknown add-on "${name}" (available: ingress)\n`); return 1; }
  ctx.stderr('sandbox: usage: sandbox addons list | sandbox addons enable ingress\n');
  return 1;
}
