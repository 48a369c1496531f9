// A tiny in-memory Client for describe tests: list() filters by namespace, equality field selectors
// (incl. !=) and simple label selectors; get()/tryGet() look up by name.
import type { Client, ListOptions } from '../../../api/types';
import type { KObject } from '../../../types';

function field(obj: KObject, path: string): string {
  let v: unknown = obj;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v === undefined || v === null ? '' : String(v);
}

function matches(obj: KObject, opts: ListOptions | undefined): boolean {
  for (const term of (opts?.fieldSelector ?? '').split(',').filter(Boolean)) {
    const neg = term.includes('!=');
    const [k, v] = term.split(neg ? '!=' : '=');
    if ((field(obj, k) === v) === neg) return false;
  }
  for (const term of (opts?.labelSelector ?? '').split(',').filter(Boolean)) {
    const [k, v] = term.split('=');
    if ((obj.metadata.labels ?? {})[k] !== v) return false;
  }
  return true;
}

/** fakeClient serves objects keyed by plural resource name. */
export function fakeClient(objects: Record<string, KObject[]>): Client {
  const find = (resource: string, ns: string | undefined, name: string) =>
    (objects[resource] ?? []).find((o) => o.metadata.name === name && (!ns || !o.metadata.namespace || o.metadata.namespace === ns));
  const unsupported = () => { throw new Error('not supported by fakeClient'); };
  return {
    request: unsupported,
    get: <T extends KObject>(r: string, ns: string | undefined, n: string) => {
      const o = find(r, ns, n);
      if (!o) throw new Error(`${r} "${n}" not found`);
      return o as T;
    },
    tryGet: <T extends KObject>(r: string, ns: string | undefined, n: string) => find(r, ns, n) as T | undefined,
    list: <T extends KObject>(r: string, ns?: string, opts?: ListOptions) => {
      if (!(r in objects)) throw new Error(`the server doesn't have a resource type "${r}"`);
      return objects[r].filter((o) => (!ns || o.metadata.namespace === ns) && matches(o, opts)) as T[];
    },
    create: unsupported, update: unsupported, updateStatus: unsupported, patch: unsupported,
    delete: unsupported, watch: unsupported, post: unsupported,
  } as unknown as Client;
}
