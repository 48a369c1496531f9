// Models get.go watch(): list, then print one row per watch event with the same (width-remembering) tabwriter.
import type { Table, TableRow, WatchEvent } from '../../../api/types';
import type { KObject } from '../../../types';
import { WATCH_IDLE_MS, type Env } from '../../env';
import { parseRequestTimeout } from '../../duration';
import { formatError } from '../../errors';
import { formatObjects, type PrintedObject } from '../../output';
import { apiPath, clientResource, withTypeMeta, type ResourceRequest } from '../../resources';
import { TabWriter } from '../../table';
import { tableHeader, tableRowCells, throwIfError, type TablePrintOptions } from '../../tableprint';
import { toTable } from '../../../api/printers';

/** WatchOptions carry what the list phase produced. */
export interface WatchOptions {
  objectFormat?: string;
  items?: PrintedObject[];
  tableOpts?: TablePrintOptions;
  table?: Table;
  rows?: TableRow[];
}

function listResourceVersion(env: Env, req: ResourceRequest, ns: string | undefined): string {
  const res = env.client.request({ method: 'GET', path: apiPath(req.def, req.def.namespaced ? ns : undefined), query: { limit: '1' } });
  throwIfError(res);
  return (res.body as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion ?? '';
}

/** watchResources implements -w/--watch-only: headless it stops after WATCH_IDLE_MS without events or at --request-timeout. */
export async function watchResources(env: Env, req: ResourceRequest, ns: string | undefined, o: WatchOptions): Promise<number> {
  const f = env.flags;
  const withEvents = f.bool('output-watch-events');
  const watchOnly = f.bool('watch-only');
  const def = req.def;
  const rns = def.namespaced ? ns : undefined;
  const names = req.names;
  const rv = listResourceVersion(env, req, ns);
  const fieldSelectors = [f.str('field-selector')].filter((s) => s);
  if (names && names.length === 1) fieldSelectors.push(`metadata.name=${names[0]}`);
  const queue: string[] = [];
  const tw = new TabWriter();
  let table = o.table;
  let headerDone = false;
  const topts = o.tableOpts;

  const tableLines = (t: Table, rows: TableRow[], type: string): string => {
    if (!topts) return '';
    let text = '';
    if (!headerDone && !topts.noHeaders) text += (withEvents ? ['EVENT', ...tableHeader(t, topts)] : tableHeader(t, topts)).join('\t') + '\n';
    headerDone = true;
    for (const row of rows) {
      const cells = tableRowCells(t, row, def, topts);
      text += (withEvents ? [type, ...cells] : cells).join('\t') + '\n';
    }
    tw.write(text);
    return tw.flush();
  };
  let printedObjects = 0;
  const objectText = (obj: KObject, type: string): string => {
    const fmt = o.objectFormat!;
    const target = withEvents ? ({ type, object: obj } as unknown as KObject) : obj;
    let text = formatObjects(env, fmt, [{ obj: target, def }], true);
    if (fmt === 'yaml' && printedObjects > 0) text = '---\n' + text;
    printedObjects++;
    return text;
  };

  // Initial list.
  if (!watchOnly) {
    if (topts && table) {
      if ((o.rows ?? []).length) env.out(tableLines(table, o.rows ?? [], 'ADDED'));
    } else if (o.objectFormat) {
      env.out((o.items ?? []).map((i) => objectText(i.obj, 'ADDED')).join(''));
    }
  }

  const onEvent = (ev: WatchEvent) => {
    if (ev.type === 'BOOKMARK') return;
    if (ev.type === 'ERROR') { queue.push(formatError(new Error(String((ev.object as { message?: string }).message ?? 'watch error')))); return; }
    const obj = ev.object;
    if (o.objectFormat) { queue.push(objectText(withTypeMeta(obj, def), ev.type)); return; }
    // The apiserver converts each watch event's object to a one-row Table (Accept: as=Table).
    const t = toTable(clientResource(def), [obj], env.clock.now());
    const row: TableRow = { ...t.rows[0], object: obj };
    table ??= t;
    queue.push(tableLines(t, [row], ev.type));
  };

  const stream = env.client.watch(clientResource(def), rns, {
    resourceVersion: rv || undefined,
    labelSelector: f.str('selector') || undefined,
    fieldSelector: fieldSelectors.join(',') || undefined,
  });
  let closed = false;
  stream.onClose(() => { closed = true; });
  stream.onEvent(onEvent);

  const rt = f.str('request-timeout');
  const total = rt && rt !== '0' ? parseRequestTimeout(rt) : 0;
  const deadline = total ? env.clock.now() + total : Infinity;
  const idle = env.deps.mode === 'interactive' ? Infinity : WATCH_IDLE_MS;
  try {
    for (;;) {
      if (queue.length) env.out(queue.splice(0).join(''));
      if (closed) break;
      const wait = Math.min(idle, deadline - env.clock.now());
      if (wait <= 0) break;
      const ok = await env.ctx.time.waitFor(() => queue.length > 0 || closed, wait, env.ctx.interrupt);
      if (!ok) {
        if (queue.length) env.out(queue.splice(0).join(''));
        break;
      }
    }
  } finally {
    stream.close();
  }
  return env.ctx.interrupt.interrupted ? 130 : 0;
}
