// Models k8s.io/kubectl/pkg/cmd/logs (pod or workload → pod, container defaulting, pods/log subresource).
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { ApiError } from '../../../api/types';
import type { KObject } from '../../../types';
import { WATCH_IDLE_MS, type Env } from '../../env';
import { parseDurationFlag } from '../../duration';
import { fail } from '../../errors';
import { apiPath, clientResource, resolveType } from '../../resources';
import { throwIfError } from '../../tableprint';

type PodObj = Pod & KObject;

function selectorString(sel: LabelSelector | undefined): string {
  const parts = Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

function findPod(env: Env, ns: string): PodObj {
  const arg = env.args[0];
  const selector = env.flags.str('selector');
  if (selector) {
    const pods = env.client.list<PodObj>('pods', ns, { labelSelector: selector });
    if (!pods.length) throw fail(`no resources found in ${ns} namespace`);
    return pods[0];
  }
  if (!arg) throw fail(`expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`);
  // A missing object is reported in the logs command's own words, naming the namespace.
  const get = <T extends KObject>(resource: string, name: string): T => {
    try {
      return env.client.get<T>(resource, ns, name);
    } catch (e) {
      if (e instanceof ApiError && e.code === 404) throw fail(`error from server (NotFound): ${e.status.message} in namespace "${ns}"`);
      throw e;
    }
  };
  if (!arg.includes('/')) return get<PodObj>('pods', arg);
  const [type, name] = [arg.slice(0, arg.indexOf('/')), arg.slice(arg.indexOf('/') + 1)];
  const def = resolveType(env.registry, type);
  if (def.kind === 'Pod') return get<PodObj>('pods', name);
  const owner = get<KObject & { spec?: { selector?: LabelSelector | Record<string, string> } }>(clientResource(def), name);
  let sel = owner.spec?.selector as LabelSelector | Record<string, string> | undefined;
  if (sel && !('matchLabels' in sel) && !('matchExpressions' in sel)) sel = { matchLabels: sel as Record<string, string> };
  const pods = env.client.list<PodObj>('pods', ns, { labelSelector: selectorString(sel as LabelSelector) })
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));
  if (!pods.length) throw fail(`timed out waiting for the condition`);
  if (pods.length > 1) env.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

/** logsVerb implements `kubectl logs`. */
export async function logsVerb(env: Env): Promise<number> {
  const f = env.flags;
  const ns = env.namespace();
  const pod = findPod(env, ns);
  const podName = pod.metadata.name ?? '';
  const containers = pod.spec?.containers ?? [];
  let names: string[];
  const explicit = f.str('container') || (env.args[1] && !env.args[0].includes('/') ? env.args[1] : '');
  if (f.bool('all-containers')) {
    names = [...(pod.spec?.initContainers ?? []).map((c) => c.name), ...containers.map((c) => c.name)];
  } else if (explicit) {
    names = [explicit];
  } else {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    const def = annotated && containers.some((c) => c.name === annotated) ? annotated : containers[0]?.name ?? '';
    if (containers.length + (pod.spec?.initContainers?.length ?? 0) > 1 && !annotated) {
      const all = [...containers.map((c) => c.name), ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`)];
      env.err(`Defaulted container "${def}" out of: ${all.join(', ')}\n`);
    }
    names = [def];
  }
  const query: Record<string, string | undefined> = {};
  if (f.bool('follow')) query.follow = 'true';
  if (f.bool('previous')) query.previous = 'true';
  if (f.int('tail') >= 0) query.tailLines = String(f.int('tail'));
  if (f.bool('timestamps')) query.timestamps = 'true';
  if (f.int('limit-bytes') > 0) query.limitBytes = String(f.int('limit-bytes'));
  const since = parseDurationFlag('since', f.str('since'));
  if (since > 0 && f.str('since-time')) throw fail('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (since > 0) query.sinceSeconds = String(Math.ceil(since / 1000));
  if (f.str('since-time')) query.sinceTime = f.str('since-time');
  const podDef = resolveType(env.registry, 'pods');
  const prefix = f.bool('prefix');
  for (const c of names) {
    const res = env.client.request({ method: 'GET', path: apiPath(podDef, ns, podName, 'log'), query: { ...query, container: c } });
    throwIfError(res);
    const tag = prefix ? `[pod/${podName}/${c}] ` : '';
    const write = (text: string) => env.out(tag ? text.split('\n').map((l, i, a) => (i === a.length - 1 && l === '' ? '' : tag + l)).join('\n') : text);
    write(res.text ?? (typeof res.body === 'string' ? res.body : ''));
    if (res.stream) {
      const buf: string[] = [];
      let closed = false;
      res.stream.onData((chunk) => buf.push(chunk));
      res.stream.onClose(() => { closed = true; });
      const idle = env.deps.mode === 'interactive' ? Infinity : WATCH_IDLE_MS;
      try {
        for (;;) {
          if (buf.length) write(buf.splice(0).join(''));
          if (closed) break;
          const ok = await env.ctx.time.waitFor(() => buf.length > 0 || closed, idle, env.ctx.interrupt);
          if (!ok) { if (buf.length) write(buf.splice(0).join('')); break; }
        }
      } finally { res.stream.close(); }
      if (env.ctx.interrupt.interrupted) return 130;
    }
  }
  return 0;
}

