// Models k8s.io/kubectl/pkg/cmd/get (get.go Run: table printing per resource type, -o printers, errors last).
import type { ResourceDef, Table, TableRow } from '../../../api/types';
import { ApiError } from '../../../api/types';
import type { KObject, Status } from '../../../types';
import { encodeBody, statusFailure } from '../../../api';
import type { Env } from '../../env';
import { fail, formatError } from '../../errors';
import { readManifests } from '../../manifest';
import { formatObjects, isObjectFormat, ALLOWED_FORMATS, type PrintedObject } from '../../output';
import { printJsonPath } from '../../printers';
import { apiPath, clientResource, parseResourceArgs, requireResources, withTypeMeta, type ResourceRequest } from '../../resources';
import { TabWriter } from '../../table';
import { fetchTable, tableHeader, tableRowCells, type TablePrintOptions } from '../../tableprint';
import { naturalLess } from '../../duration';
import { watchResources } from './watch';
import { parseQuery } from '../../../util';

const KNOWN = new Set(ALLOWED_FORMATS.split(','));

/** sortValue evaluates a --sort-by expression on an object ('' when missing). */
export function sortValue(expr: string, obj: unknown): string {
  let e = expr.trim();
  if (!e.startsWith('{')) e = `{${e.startsWith('.') ? e : '.' + e}}`;
  try { return printJsonPath(e, obj); } catch { return ''; }
}

/** sortByField sorts items by a jsonpath field as kubectl's RuntimeSort does (numbers numerically, strings naturally). */
export function sortByField<T>(items: T[], expr: string, objOf: (t: T) => unknown): T[] {
  const keyed = items.map((t) => ({ t, v: sortValue(expr, objOf(t)) }));
  const num = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? parseFloat(s) : undefined);
  keyed.sort((a, b) => {
    const na = num(a.v), nb = num(b.v);
    if (na !== undefined && nb !== undefined) return na - nb;
    if (a.v === b.v) return 0;
    return naturalLess(a.v, b.v) ? -1 : 1;
  });
  return keyed.map((k) => k.t);
}

interface Group { def: ResourceDef; table?: Table; rows: TableRow[] }

function requestsFromFiles(env: Env): ResourceRequest[] {
  const reqs: ResourceRequest[] = [];
  for (const item of readManifests(env, env.flags.list('filename'), env.flags.bool('recursive'))) {
    if (item.error) throw item.error;
    const prev = reqs.find((r) => r.def === item.def);
    if (prev) prev.names!.push(item.obj!.metadata.name ?? ''); else reqs.push({ def: item.def!, names: [item.obj!.metadata.name ?? ''] });
  }
  return reqs;
}

/** getVerb implements `kubectl get`. */
export async function getVerb(env: Env): Promise<number> {
  const f = env.flags;
  if (f.str('raw')) return rawGet(env);
  const output = f.str('output');
  const kind = output.split('=')[0];
  if (output && !KNOWN.has(kind)) throw fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`);
  const allNs = f.bool('all-namespaces');
  const ns = allNs ? undefined : env.namespace();
  const selector = f.str('selector');
  const fieldSelector = f.str('field-selector');
  const files = f.list('filename');
  let requests: ResourceRequest[];
  let single = false;
  let multipleTypes = false;
  if (files.length) {
    if (env.args.length) throw fail('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    requests = requestsFromFiles(env);
    single = requests.length === 1 && requests[0].names!.length === 1;
    multipleTypes = requests.length > 1;
  } else {
    const sel = parseResourceArgs(env, env.args);
    requireResources('get', sel);
    requests = sel.requests;
    single = sel.singleItemImplied;
    multipleTypes = sel.multipleTypes;
  }
  if (selector && requests.some((r) => r.names)) throw fail('name cannot be provided when a selector is specified');
  const watch = f.bool('watch') || f.bool('watch-only');
  if (watch && requests.length > 1) {
    throw fail(`you may only specify a single resource type`);
  }
  const listQuery = { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined };
  const ignoreNotFound = f.bool('ignore-not-found');
  const errors: unknown[] = [];
  const sortBy = f.str('sort-by');

  if (isObjectFormat(output) && output !== 'wide') {
    let items: PrintedObject[] = [];
    if (!f.bool('watch-only')) {
      for (const r of requests) {
        const rns = r.def.namespaced ? ns : undefined;
        if (r.names) {
          for (const name of r.names) {
            try { items.push({ obj: withTypeMeta(env.client.get(clientResource(r.def), rns ?? env.namespace(), name), r.def), def: r.def }); }
            catch (e) { if (!(ignoreNotFound && e instanceof ApiError && e.code === 404)) errors.push(e); }
          }
        } else {
          try {
            for (const o of env.client.list(clientResource(r.def), rns, listQuery)) items.push({ obj: withTypeMeta(o, r.def), def: r.def });
          } catch (e) { errors.push(listError(e, r.def, listQuery)); }
        }
      }
      if (sortBy) items = sortByField(items, sortBy, (i) => i.obj);
      if (!watch && (items.length || !errors.length)) env.out(formatObjects(env, output, items, single && !watch && items.length === 1));
    }
    for (const e of errors) env.err(formatError(e));
    if (watch) return watchResources(env, requests[0], ns, { objectFormat: output, items });
    return errors.length ? 1 : 0;
  }

  const opts: TablePrintOptions = {
    wide: output === 'wide',
    noHeaders: f.bool('no-headers'),
    withNamespace: allNs,
    withKind: multipleTypes || f.bool('show-kind'),
    showLabels: f.bool('show-labels'),
    labelColumns: f.list('label-columns'),
  };
  const now = env.clock.now();
  const groups: Group[] = [];
  if (!f.bool('watch-only')) {
    for (const r of requests) {
      const rns = r.def.namespaced ? ns : undefined;
      const g: Group = { def: r.def, rows: [] };
      const query: Record<string, string | undefined> = { ...listQuery };
      if (sortBy) query.includeObject = 'Object';
      if (r.names) {
        for (const name of r.names) {
          try {
            const t = fetchTable(env.client, apiPath(r.def, rns ?? env.namespace(), name), sortBy ? { includeObject: 'Object' } : {}, now);
            g.table ??= t;
            g.rows.push(...t.rows);
          } catch (e) { if (!(ignoreNotFound && e instanceof ApiError && e.code === 404)) errors.push(e); }
        }
      } else {
        try {
          const t = fetchTable(env.client, apiPath(r.def, rns), query, now);
          g.table = t;
          g.rows.push(...t.rows);
        } catch (e) { errors.push(listError(e, r.def, listQuery)); }
      }
      if (sortBy) g.rows = sortByField(g.rows, sortBy, (row) => row.object);
      groups.push(g);
    }
  }
  if (watch) {
    for (const e of errors) env.err(formatError(e));
    const g = groups[0];
    return watchResources(env, requests[0], ns, { tableOpts: opts, table: g?.table, rows: g?.rows ?? [] });
  }
  let written = false;
  let out = '';
  for (const g of groups) {
    if (!g.table || !g.rows.length) continue;
    if (written && !opts.noHeaders) out += '\n';
    const lines: string[][] = [];
    if (!opts.noHeaders) lines.push(tableHeader(g.table, opts));
    for (const row of g.rows) lines.push(tableRowCells(g.table, row, g.def, opts));
    const writer = new TabWriter();
    writer.write(lines.map((l) => l.join('\t') + '\n').join(''));
    out += writer.flush();
    written = true;
  }
  env.out(out);
  if (!written && !errors.length && !ignoreNotFound) env.err(noResources(env, requests, allNs));
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}

function noResources(env: Env, requests: ResourceRequest[], allNs: boolean): string {
  const allNamespaced = !allNs && requests.every((r) => r.def.namespaced);
  return allNamespaced ? `No resources found in ${env.namespace()} namespace.\n` : 'No resources found\n';
}

/** objectsOf is a helper for tests: the objects carried by table rows. */
export function objectsOf(rows: TableRow[]): KObject[] {
  return rows.map((r) => r.object).filter((o): o is KObject => !!o);
}

/** rawGet is `kubectl get --raw PATH` (rawhttp.RawGet): the server's answer to GET PATH, body as sent. */
function rawGet(env: Env): number {
  const f = env.flags;
  const raw = f.str('raw');
  if (env.args.length) throw fail('arguments may not be passed when --raw is specified');
  if (f.bool('watch') || f.bool('watch-only') || f.str('selector')) throw fail('--raw may not be specified with other flags that filter the server request or alter the output');
  if (f.str('output')) throw fail('--raw and --output are mutually exclusive');
  if (!raw.startsWith('/')) throw fail(`--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  const q = raw.indexOf('?');
  const req = { method: 'GET' as const, path: q < 0 ? raw : raw.slice(0, q), query: parseQuery(q < 0 ? '' : raw.slice(q + 1)) };
  const res = env.client.request(req);
  if (res.code >= 400) {
    const status = res.body as Status | undefined;
    env.err(formatError(new ApiError(status?.kind === 'Status' ? status : statusFailure(res.code, 'Unknown', res.text ?? ''))));
    return 1;
  }
  // JSON as the HTTP host sends it to kubectl (one line unless indented); text (healthz, logs) unchanged.
  env.out(res.text ?? encodeBody(req, res));
  return 0;
}

/**
 * listError rewords a failed list as the resource builder does (cli-runtime selector.go): a bad request or
 * not-found keeps its reason and names the resource (its GroupVersionResource) and the selectors.
 */
function listError(e: unknown, def: ResourceDef, q: { labelSelector?: string; fieldSelector?: string }): unknown {
  if (!(e instanceof ApiError) || (e.code !== 400 && e.code !== 404)) return e;
  const gvr = JSON.stringify(`${def.group}/${def.version}, Resource=${def.plural}`);
  const message = q.labelSelector || q.fieldSelector
    ? `Unable to find ${gvr} that match label selector ${JSON.stringify(q.labelSelector ?? '')}, field selector ${JSON.stringify(q.fieldSelector ?? '')}: ${e.status.message}`
    : `Unable to list ${gvr}: ${e.status.message}`;
  return new ApiError({ ...e.status, message });
}
