// Models k8s.io/kubectl/pkg/cmd/auth can-i / whoami for the kubeadm admin user (system:masters-like: allowed everything).
import type { Env } from '../../env';
import { fail } from '../../errors';
import { formatTable } from '../../table';

/** authCanIVerb implements `kubectl auth can-i VERB TYPE[/NAME]`: the admin user may do everything. */
export function authCanIVerb(env: Env): number {
  if (env.flags.bool('list')) {
    env.out(formatTable([['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], ['*.*', '[]', '[]', '[*]'], ['', '[*]', '[]', '[*]']]));
    return 0;
  }
  const [verb, resource] = env.args;
  if (!verb || (!resource && !verb.startsWith('/'))) throw fail(`you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples`);
  if (resource && !resource.startsWith('/')) {
    const type = resource.split('/')[0];
    if (type !== '*' && !env.registry.resolve(type).length) env.err(`Warning: the server doesn't have a resource type '${type}'\n`);
  }
  if (!env.flags.bool('quiet')) env.out('yes\n');
  return 0;
}

/** authWhoamiVerb implements `kubectl auth whoami`. */
export function authWhoamiVerb(env: Env): number {
  const output = env.flags.str('output');
  const info = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
  if (output === 'json' || output === 'yaml') {
    const obj = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: info } };
    env.out(output === 'json' ? JSON.stringify(obj, null, 4) + '\n' : `apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: null\nstatus:\n  userInfo:\n    groups:\n    - kubeadm:cluster-admins\n    - system:authenticated\n    username: kubernetes-admin\n`);
    return 0;
  }
  env.out(formatTable([['ATTRIBUTE', 'VALUE'], ['Username', info.username], ['Groups', `[${info.groups.join(' ')}]`]]));
  return 0;
}
