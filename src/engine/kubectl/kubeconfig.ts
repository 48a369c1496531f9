// Models k8s.io/client-go/tools/clientcmd loading (single file: --kubeconfig, else $KUBECONFIG's first, else ~/.kube/config).
import type { CommandContext } from '../shell/types';
import { parseYaml, stringifyYaml } from '../util/yaml';
import { fail } from './errors';

/** NamedCluster is a kubeconfig clusters[] entry. */
export interface NamedCluster { name: string; cluster: Record<string, unknown> & { server?: string } }
/** NamedContext is a kubeconfig contexts[] entry. */
export interface NamedContext { name: string; context: { cluster?: string; user?: string; namespace?: string; [k: string]: unknown } }
/** NamedUser is a kubeconfig users[] entry. */
export interface NamedUser { name: string; user: Record<string, unknown> }

/** KubeConfig is a clientcmd v1 Config document. */
export interface KubeConfig {
  apiVersion: string;
  kind: string;
  clusters: NamedCluster[];
  contexts: NamedContext[];
  'current-context': string;
  preferences: Record<string, unknown>;
  users: NamedUser[];
  [k: string]: unknown;
}

/** DEFAULT_SERVER is the API server address kubeadm writes (the control-plane node's InternalIP). */
export const DEFAULT_SERVER = 'https://192.168.1.2:6443';

// Fake PEM material (base64 of "-----BEGIN CERTIFICATE-----..."); only shown by `config view --raw`.
const FAKE_CA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKY201bGRHVnpNQjRYRFRJMU1ETXhNREE0TlRVd01Gb1hEVE0xTURNd09EQTROVFV3TUZvd0ZURVRNQkVHQTFVRQpBeE1LYTNWaVpYSnVaWFJsY3pDQ0FTSXdEUVlKS29aSWh2Y05BUUVCQlFBRGdnRVBBRENDQVFvQ2dnRUJBTUt4Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';
const FAKE_CERT = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURJVENDQWdtZ0F3SUJBZ0lJYTNWaVpTMXpZVzVrWW05NE1BMEdDU3FHU0liM0RRRUJDd1VBTUJVeEV6QVIKQmdOVkJBTVRDbXQxWW1WeWJtVjBaWE13SGhjTk1qVXdNekV3TURnMU5UQXdXaGNOTWpZd016RXdNRGcxTlRBdwotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==';
const FAKE_KEY = 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVBMHNhbmRib3hzYW5kYm94c2FuZGJveHNhbmRib3hzYW5kYm94c2FuZGJveHNhbmRib3gKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K';

/** defaultKubeconfig is the admin.conf kubeadm writes: cluster kubernetes, user kubernetes-admin. */
export function defaultKubeconfig(): KubeConfig {
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': FAKE_CA, server: DEFAULT_SERVER }, name: 'kubernetes' }],
    contexts: [{ context: { cluster: 'kubernetes', user: 'kubernetes-admin' }, name: 'kubernetes-admin@kubernetes' }],
    'current-context': 'kubernetes-admin@kubernetes',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': FAKE_CERT, 'client-key-data': FAKE_KEY } }],
  };
}

/** kubeconfigYaml renders a default kubeconfig file, for hosts that want to write ~/.kube/config up front. */
export function kubeconfigYaml(cfg: KubeConfig = defaultKubeconfig()): string {
  return stringifyYaml(cfg);
}

/** LoadedConfig is a kubeconfig plus where it lives. */
export interface LoadedConfig { config: KubeConfig; path: string; exists: boolean }

/** kubeconfigPath picks the file as clientcmd does. */
export function kubeconfigPath(ctx: CommandContext, flag: string): string {
  const p = flag || (ctx.env.KUBECONFIG ?? '').split(':').find((s) => s) || '~/.kube/config';
  return ctx.fs.resolve(ctx.cwd, p);
}

/** loadKubeconfig reads the kubeconfig (the kubeadm default when the file is absent and no path was forced). */
export function loadKubeconfig(ctx: CommandContext, flag: string): LoadedConfig {
  const path = kubeconfigPath(ctx, flag);
  if (!ctx.fs.exists(path)) {
    if (flag) throw fail(`stat ${flag}: no such file or directory`);
    return { config: defaultKubeconfig(), path, exists: false };
  }
  let raw: unknown;
  try {
    raw = parseYaml(ctx.fs.readFile(path));
  } catch (e) {
    throw fail(`error loading config file "${path}": ${(e as Error).message}`);
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<KubeConfig>;
  const config: KubeConfig = {
    ...o,
    apiVersion: o.apiVersion ?? 'v1',
    kind: o.kind ?? 'Config',
    clusters: Array.isArray(o.clusters) ? o.clusters : [],
    contexts: Array.isArray(o.contexts) ? o.contexts : [],
    'current-context': o['current-context'] ?? '',
    preferences: o.preferences ?? {},
    users: Array.isArray(o.users) ? o.users : [],
  };
  return { config, path, exists: true };
}

/** saveKubeconfig writes the kubeconfig back, creating ~/.kube when needed. */
export function saveKubeconfig(ctx: CommandContext, loaded: LoadedConfig): void {
  const dir = loaded.path.slice(0, loaded.path.lastIndexOf('/')) || '/';
  if (!ctx.fs.exists(dir)) ctx.fs.mkdir(dir, { recursive: true });
  ctx.fs.writeFile(loaded.path, stringifyYaml(loaded.config));
}

/** currentContext returns the effective context (the --context flag wins). */
export function currentContext(cfg: KubeConfig, flag: string): NamedContext | undefined {
  const name = flag || cfg['current-context'];
  return cfg.contexts.find((c) => c.name === name);
}

/** effectiveNamespace resolves -n, then the context's namespace, then `default`. */
export function effectiveNamespace(cfg: KubeConfig, contextFlag: string, nsFlag: string): string {
  if (nsFlag) return nsFlag;
  if (contextFlag && !cfg.contexts.some((c) => c.name === contextFlag)) {
    throw fail(`context was not found for specified context: ${contextFlag}`);
  }
  return currentContext(cfg, contextFlag)?.context.namespace || 'default';
}

/** serverUrl returns the server of the effective context's cluster. */
export function serverUrl(cfg: KubeConfig, contextFlag: string): string {
  const ctxName = currentContext(cfg, contextFlag)?.context.cluster;
  return cfg.clusters.find((c) => c.name === ctxName)?.cluster.server ?? DEFAULT_SERVER;
}
