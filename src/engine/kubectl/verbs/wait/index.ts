// Models k8s.io/kubectl/pkg/cmd/wait (--for=delete|create|condition=X[=v]|jsonpath=...[=v]).
import type { ResourceDef } from '../../../api/types';
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { parseDurationFlag } from '../../duration';
import { fail, formatError, KubectlError } from '../../errors';
import { readManifests } from '../../manifest';
import { printJsonPath } from '../../printers';
import { clientResource, kindPrefix, parseResourceArgs } from '../../resources';

type Check = (obj: KObject | undefined) => boolean;

interface Cond { check: Check; forDelete: boolean; forCreate: boolean }

function conditionStatus(obj: KObject, type: string, want: string): boolean {
  const status = obj.status as { conditions?: { type?: string; status?: string; observedGeneration?: number }[] } | undefined;
  const c = (status?.conditions ?? []).find((x) => (x.type ?? '').toLowerCase() === type.toLowerCase());
  if (!c) return false;
  const gen = obj.metadata.generation;
  if (c.observedGeneration !== undefined && gen !== undefined && c.observedGeneration < gen) return false;
  return (c.status ?? '').toLowerCase() === want.toLowerCase();
}

/** parseFor turns --for into a predicate, with kubectl's error texts. */
export function parseFor(value: string): Cond {
  const lower = value.toLowerCase();
  if (lower === 'delete') return { check: (o) => !o, forDelete: true, forCreate: false };
  if (lower === 'create') return { check: (o) => !!o, forDelete: false, forCreate: true };
  if (lower.startsWith('condition=')) {
    const rest = value.slice('condition='.length);
    const eq = rest.indexOf('=');
    const type = eq < 0 ? rest : rest.slice(0, eq);
    const want = eq < 0 ? 'true' : rest.slice(eq + 1);
    return { check: (o) => !!o && conditionStatus(o, type, want), forDelete: false, forCreate: false };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = value.slice('jsonpath='.length).replace(/^'(\{[^']*\})'/, '$1');
    let expr: string;
    let want: string | undefined;
    const close = rest.lastIndexOf('}');
    if (rest.startsWith('{') && close > 0) {
      expr = rest.slice(0, close + 1);
      const tail = rest.slice(close + 1);
      if (tail && !tail.startsWith('=')) throw fail(`unrecognized condition: "${value}"`);
      want = tail ? tail.slice(1) : undefined;
    } else {
      const eq = rest.indexOf('=');
      expr = `{${eq < 0 ? rest : rest.slice(0, eq)}}`;
      want = eq < 0 ? undefined : rest.slice(eq + 1);
    }
    if (expr === '{}') throw fail('jsonpath wait format must be --for=jsonpath=\'{.status.readyReplicas}\'=3 or --for=jsonpath=\'{.status.readyReplicas}\'');
    return {
      check: (o) => {
        if (!o) return false;
        let got: string;
        try { got = printJsonPath(expr, o); } catch { return false; }
        return want === undefined ? got !== '' : got === want;
      },
      forDelete: false,
      forCreate: false,
    };
  }
  throw fail(`unrecognized condition: "${value}"`);
}

interface Target { def: ResourceDef; ns?: string; name: string; uid?: string }

/** waitVerb implements `kubectl wait`. */
export async function waitVerb(env: Env): Promise<number> {
  const f = env.flags;
  const cond = parseFor(f.str('for'));
  const timeout = parseDurationFlag('timeout', f.str('timeout'));
  const selector = f.str('selector');
  const all = f.bool('all');
  const targets: Target[] = [];
  const errors: unknown[] = [];
  if (f.list('filename').length) {
    for (const item of readManifests(env, f.list('filename'), f.bool('recursive'))) {
      if (item.error) { errors.push(item.error); continue; }
      targets.push({ def: item.def!, ns: item.namespace, name: item.obj!.metadata.name ?? '' });
    }
  } else {
    const sel = parseResourceArgs(env, env.args);
    if (!sel.requests.length) throw fail(`resource(s) were provided, but no name was specified`);
    for (const r of sel.requests) {
      const ns = r.def.namespaced ? (f.bool('all-namespaces') ? undefined : env.namespace()) : undefined;
      if (r.names) { for (const name of r.names) targets.push({ def: r.def, ns: r.def.namespaced ? env.namespace() : undefined, name }); continue; }
      if (!selector && !all && !f.str('field-selector')) throw fail('resource(s) were provided, but no name was specified');
      for (const o of env.client.list(clientResource(r.def), ns, { labelSelector: selector || undefined, fieldSelector: f.str('field-selector') || undefined })) {
        targets.push({ def: r.def, ns: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid });
      }
    }
    if (!targets.length && !errors.length) { env.err(formatError(fail('no matching resources found'))); return 1; }
  }
  for (const t of targets) {
    const res = clientResource(t.def);
    const fetch = () => env.client.tryGet(res, t.ns, t.name);
    const first = fetch();
    if (!first && !cond.forDelete && !cond.forCreate) {
      errors.push(notFound(res, t.name));
      continue;
    }
    if (cond.forDelete && !first) continue;
    const uid = t.uid ?? first?.metadata.uid;
    const check = () => {
      const o = fetch();
      if (cond.forDelete) return !o || (uid !== undefined && o.metadata.uid !== uid);
      return cond.check(o);
    };
    const ok = await env.ctx.time.waitFor(check, timeout, env.ctx.interrupt);
    if (env.ctx.interrupt.interrupted) return 130;
    if (ok) env.out(`${kindPrefix(t.def)}/${t.name} condition met\n`);
    else errors.push(fail(`timed out waiting for the condition on ${res}/${t.name}`));
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}

function notFound(resource: string, name: string): KubectlError {
  return new KubectlError(`Error from server (NotFound): ${resource.split('.')[0]} "${name}" not found`);
}
