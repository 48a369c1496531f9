// Models k8s.io/kubectl/pkg/cmd/apiresources (api-resources and api-versions).
import type { ResourceDef } from '../../../api/types';
import type { Env } from '../../env';
import { fail } from '../../errors';
import { groupVersion } from '../../resources';
import { formatTable } from '../../table';

function sorted(defs: ResourceDef[], by: string): ResourceDef[] {
  const key = (d: ResourceDef) => (by === 'name' ? d.plural : by === 'kind' ? d.kind : d.group);
  return [...defs].sort((a, b) => {
    const ka = key(a), kb = key(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0;
  });
}

/** apiResourcesVerb prints the discovery table. */
export function apiResourcesVerb(env: Env): number {
  const f = env.flags;
  const output = f.str('output');
  if (output && !['wide', 'name'].includes(output)) throw fail(`--output ${output} is not available`);
  const sortBy = f.str('sort-by');
  if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw fail(`--sort-by accepts only name or kind`);
  let defs = env.registry.all().filter((d) => !d.plural.includes('/'));
  if (f.changed('namespaced')) defs = defs.filter((d) => d.namespaced === f.bool('namespaced'));
  if (f.changed('api-group')) defs = defs.filter((d) => d.group === f.str('api-group'));
  const verbs = f.list('verbs');
  if (verbs.length) defs = defs.filter((d) => verbs.every((v) => d.verbs.includes(v)));
  defs = sorted(defs, sortBy);
  if (output === 'name') {
    env.out(defs.map((d) => (d.group ? `${d.plural}.${d.group}` : d.plural) + '\n').join(''));
    return 0;
  }
  const rows: string[][] = [];
  const wide = output === 'wide';
  if (!f.bool('no-headers')) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]);
  for (const d of defs) {
    const row = [d.plural, d.shortNames.join(','), groupVersion(d), String(d.namespaced), d.kind];
    if (wide) row.push(d.verbs.join(','), d.categories.join(','));
    rows.push(row);
  }
  env.out(formatTable(rows));
  return 0;
}

/** apiVersionsVerb prints every served group/version, sorted. */
export function apiVersionsVerb(env: Env): number {
  const set = new Set(env.registry.all().map(groupVersion));
  env.out([...set].sort().map((v) => v + '\n').join(''));
  return 0;
}
