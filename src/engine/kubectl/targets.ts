// Models the resource Builder's "visit every matching object" path (args, -f, -l, --all) for write verbs.
import type { ResourceDef } from '../api/types';
import type { KObject } from '../types';
import type { Env } from './env';
import { fail } from './errors';
import { readManifests } from './manifest';
import { clientResource, parseResourceArgs, requireResources } from './resources';

/** Target is one live object a verb acts on. */
export interface Target { def: ResourceDef; obj: KObject; source?: string }

/**
 * collectTargets fetches the objects named by args / -f / -l / --field-selector / --all (-A where the verb has it); fetch errors are
 * returned, not thrown. selectsTargets false is for verbs whose --selector means something else (expose: the new Service's selector).
 */
export function collectTargets(env: Env, args: string[], selectsTargets = true): { targets: Target[]; errors: unknown[] } {
  const f = env.flags;
  const targets: Target[] = [];
  const errors: unknown[] = [];
  const has = (n: string) => f.parsed.specs.has(n);
  const selector = selectsTargets && has('selector') ? f.str('selector') : '';
  const all = has('all') && f.bool('all');
  const fieldSelector = has('field-selector') ? f.str('field-selector') : '';
  const allNs = has('all-namespaces') && f.bool('all-namespaces');
  const files = has('filename') ? f.list('filename') : [];
  if (files.length) {
    if (args.length) throw fail('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    for (const item of readManifests(env, files, f.bool('recursive'))) {
      if (item.error) { errors.push(item.error); continue; }
      try { targets.push({ def: item.def!, obj: env.client.get(clientResource(item.def!), item.namespace, item.obj!.metadata.name ?? ''), source: item.source }); } catch (e) { errors.push(e); }
    }
    return { targets, errors };
  }
  const sel = parseResourceArgs(env, args);
  requireResources(env.path, sel);
  for (const r of sel.requests) {
    const ns = r.def.namespaced ? env.namespace() : undefined;
    if (r.names) {
      if (selector || all) throw fail('name cannot be provided when a selector is specified');
      for (const name of r.names) {
        try { targets.push({ def: r.def, obj: env.client.get(clientResource(r.def), ns, name) }); } catch (e) { errors.push(e); }
      }
      continue;
    }
    if (!selector && !all && !fieldSelector) throw fail('resource(s) were provided, but no name was specified');
    const listNs = allNs ? undefined : ns;
    const opts = { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined };
    for (const o of env.client.list(clientResource(r.def), listNs, opts)) targets.push({ def: r.def, obj: o });
  }
  return { targets, errors };
}
