// Models k8s.io/kubectl/pkg/cmd/version.
import type { Env } from '../../env';
import { fail } from '../../errors';
import { printYaml } from '../../printers';

/** VERSION_INFO is the version.Info of kubectl and the simulated API server (v1.32.4). */
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac203a2a69',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:03:51Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** versionVerb prints client (and server) versions. */
export function versionVerb(env: Env): number {
  const client = env.flags.bool('client');
  const output = env.flags.str('output');
  const doc: Record<string, unknown> = { clientVersion: VERSION_INFO, kustomizeVersion: 'v5.5.0' };
  if (!client) doc.serverVersion = { ...VERSION_INFO, platform: 'linux/amd64' };
  if (output === 'yaml') { env.out(printYaml(doc)); return 0; }
  if (output === 'json') { env.out(JSON.stringify(doc, null, 2) + '\n'); return 0; }
  if (output) throw fail(`--output must be 'yaml' or 'json'`);
  let s = `Client Version: ${VERSION_INFO.gitVersion}\nKustomize Version: v5.5.0\n`;
  if (!client) s += `Server Version: ${VERSION_INFO.gitVersion}\n`;
  env.out(s);
  return 0;
}
