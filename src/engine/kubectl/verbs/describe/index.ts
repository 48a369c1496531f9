// Models k8s.io/kubectl/pkg/cmd/describe (exact name, else prefix match; list describes every object).
import type { ResourceDef } from '../../../api/types';
import { ApiError } from '../../../api/types';
import type { KObject } from '../../../types';
import { describeObject } from '../../describe';
import type { Env } from '../../env';
import { formatError } from '../../errors';
import { readManifests } from '../../manifest';
import { clientResource, parseResourceArgs, requireResources, withTypeMeta } from '../../resources';

/** describeVerb implements `kubectl describe`. */
export function describeVerb(env: Env): number {
  const f = env.flags;
  const allNs = f.bool('all-namespaces');
  const selector = f.str('selector');
  const showEvents = f.bool('show-events');
  const found: { obj: KObject; def: ResourceDef }[] = [];
  const errors: unknown[] = [];
  if (f.list('filename').length) {
    for (const item of readManifests(env, f.list('filename'), f.bool('recursive'))) {
      if (item.error) { errors.push(item.error); continue; }
      try { found.push({ def: item.def!, obj: env.client.get(clientResource(item.def!), item.namespace, item.obj!.metadata.name ?? '') }); } catch (e) { errors.push(e); }
    }
  } else {
    const sel = parseResourceArgs(env, env.args);
    requireResources('describe', sel);
    for (const r of sel.requests) {
      const res = clientResource(r.def);
      const ns = r.def.namespaced ? (allNs ? undefined : env.namespace()) : undefined;
      if (!r.names) {
        for (const o of env.client.list(res, ns, { labelSelector: selector || undefined })) found.push({ def: r.def, obj: o });
        continue;
      }
      for (const name of r.names) {
        try {
          found.push({ def: r.def, obj: env.client.get(res, r.def.namespaced ? env.namespace() : undefined, name) });
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 404)) { errors.push(e); continue; }
          // kubectl describe falls back to every object whose name starts with the argument.
          const matches = env.client.list(res, r.def.namespaced ? env.namespace() : undefined, { labelSelector: selector || undefined })
            .filter((o) => (o.metadata.name ?? '').startsWith(name));
          if (!matches.length) errors.push(e);
          for (const o of matches) found.push({ def: r.def, obj: o });
        }
      }
    }
  }
  const now = env.clock.now();
  const texts = found.map(({ obj, def }) => describeObject(withTypeMeta(obj, def), def, { client: env.client, now, showEvents }));
  let out = '';
  texts.forEach((t, i) => { out += (i > 0 ? '\n\n' : '') + t.replace(/\n?$/, '\n'); });
  env.out(out);
  if (!found.length && !errors.length) {
    // As upstream: the namespace is named unless -A, even for cluster-scoped kinds.
    env.err(allNs ? 'No resources found\n' : `No resources found in ${env.namespace()} namespace.\n`);
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
