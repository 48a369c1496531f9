/**
 * The kubeconfig `serve` writes: plain http to 127.0.0.1, no credentials, context `sandbox`.
 */
import { writeFileSync } from 'node:fs';

/** SANDBOX_CONTEXT is the name of the cluster, user and context in the written kubeconfig. */
export const SANDBOX_CONTEXT = 'sandbox';

/** kubeconfigYaml renders a kubeconfig for a sandbox API host at `server` (e.g. http://127.0.0.1:6443). */
export function kubeconfigYaml(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${server}
  name: ${SANDBOX_CONTEXT}
contexts:
- context:
    cluster: ${SANDBOX_CONTEXT}
    user: ${SANDBOX_CONTEXT}
  name: ${SANDBOX_CONTEXT}
current-context: ${SANDBOX_CONTEXT}
preferences: {}
users:
- name: ${SANDBOX_CONTEXT}
  user: {}
`;
}

/** writeKubeconfig writes kubeconfigYaml(server) to file, readable by the owner only (as kubeadm does). */
export function writeKubeconfig(file: string, server: string): void {
  writeFileSync(file, kubeconfigYaml(server), { mode: 0o600 });
}
