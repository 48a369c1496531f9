// Models k8s.io/kubectl/pkg/cmd/exec (the remote command runs through KubectlDeps.exec, the kubelet side of pods/exec).
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../../api/types';
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { fail, KubectlError } from '../../errors';
import { resolveType, clientResource } from '../../resources';

type PodObj = Pod & KObject;

/** execVerb implements `kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`. */
export function execVerb(env: Env): number {
  const f = env.flags;
  const dash = f.parsed.dashAt;
  const before = dash >= 0 ? env.args.slice(0, dash) : env.args;
  const command = dash >= 0 ? env.args.slice(dash) : [];
  if (!before.length) throw fail(`pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples`);
  if (before.length > 1 || (dash < 0 && env.args.length > 1)) {
    throw fail(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
  }
  if (!command.length) throw fail('you must specify at least one command for the container');
  const ns = env.namespace();
  const arg = before[0];
  let pod: PodObj;
  if (arg.includes('/')) {
    const def = resolveType(env.registry, arg.slice(0, arg.indexOf('/')));
    if (def.kind !== 'Pod') throw fail(`cannot attach to ${def.kind} in this sandbox; use a pod name`);
    pod = env.client.get<PodObj>(clientResource(def), ns, arg.slice(arg.indexOf('/') + 1));
  } else {
    pod = env.client.get<PodObj>('pods', ns, arg);
  }
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const containers = pod.spec?.containers ?? [];
  let container = f.str('container');
  if (!container) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    container = annotated && containers.some((c) => c.name === annotated) ? annotated : containers[0]?.name ?? '';
    if (containers.length > 1 && !annotated && !f.bool('quiet')) {
      env.err(`Defaulted container "${container}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
    }
  }
  if (!env.deps.exec) throw new KubectlError('error: kubectl exec is not available in this sandbox yet');
  const res = env.deps.exec({ namespace: ns, pod: pod.metadata.name ?? '', container, command, stdin: f.bool('stdin') ? env.ctx.stdin : '', tty: f.bool('tty') });
  if ('error' in res) throw new ApiError(res.error);
  env.out(res.stdout);
  env.err(res.stderr);
  if (res.exitCode !== 0) {
    env.err(`command terminated with exit code ${res.exitCode}\n`);
    return res.exitCode;
  }
  return 0;
}
