// Models k8s.io/cli-runtime/pkg/printers/tableprinter.go (HumanReadablePrinter over server-side Tables).
import type { ApiResponse, Client, ResourceDef, Table, TableRow } from '../api/types';
import { ApiError, TABLE_ACCEPT } from '../api/types';
import type { KObject, Status } from '../types';
import { translateTimestampSince } from '../util/time';
import { kindPrefix } from './resources';

/** TablePrintOptions mirror printers.PrintOptions. */
export interface TablePrintOptions {
  wide: boolean;
  noHeaders: boolean;
  withNamespace: boolean;
  /** withKind prefixes the name column with `kind.group/`. */
  withKind: boolean;
  showLabels: boolean;
  labelColumns: string[];
}

/** formatLabels renders labels as `k=v,k2=v2` sorted by key, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (Array.isArray(cell)) return `[${cell.map(cellText).join(' ')}]`;
  return `map[${Object.entries(cell as Record<string, unknown>).map(([k, v]) => `${k}:${cellText(v)}`).join(' ')}]`;
}

/** tableHeader returns the header cells for a Table under opts. */
export function tableHeader(table: Table, opts: TablePrintOptions): string[] {
  const cols = table.columnDefinitions.filter((c) => opts.wide || c.priority === 0).map((c) => c.name.toUpperCase());
  const head = opts.withNamespace ? ['NAMESPACE', ...cols] : cols;
  for (const l of opts.labelColumns) head.push(l.split('/').pop()!.toUpperCase());
  if (opts.showLabels) head.push('LABELS');
  return head;
}

/** tableRowCells returns the printed cells of one row. */
export function tableRowCells(table: Table, row: TableRow, def: ResourceDef, opts: TablePrintOptions): string[] {
  const cells: string[] = [];
  const meta = row.object?.metadata;
  if (opts.withNamespace) cells.push(meta?.namespace ?? '');
  const nameIdx = Math.max(0, table.columnDefinitions.findIndex((d) => d.format === 'name'));
  table.columnDefinitions.forEach((c, i) => {
    if (!opts.wide && c.priority !== 0) return;
    const text = cellText(row.cells[i]);
    cells.push(opts.withKind && i === nameIdx ? `${kindPrefix(def)}/${text}` : text);
  });
  for (const l of opts.labelColumns) cells.push(meta?.labels?.[l] ?? '');
  if (opts.showLabels) cells.push(formatLabels(meta?.labels));
  return cells;
}

/** throwIfError throws the Status of a failed response as an ApiError. */
export function throwIfError(res: ApiResponse): void {
  if (res.code >= 400) {
    const st = (res.body && typeof res.body === 'object' && (res.body as Status).kind === 'Status')
      ? (res.body as Status)
      : { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: String(res.text ?? 'unknown error'), code: res.code } as Status;
    throw new ApiError(st);
  }
}

/** asTable turns a response body into a Table, falling back to NAME/AGE for servers without Table support. */
export function asTable(body: unknown, now: number): Table {
  const b = body as { kind?: string; items?: KObject[] } & KObject;
  if (b && b.kind === 'Table') return b as unknown as Table;
  const items = Array.isArray(b?.items) ? b.items : b ? [b] : [];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
    ],
    rows: items.map((o) => ({ cells: [o.metadata?.name ?? '', translateTimestampSince(o.metadata?.creationTimestamp, now)], object: o })),
  };
}

/** fetchTable GETs a collection or object as a server-side Table. */
export function fetchTable(client: Client, path: string, query: Record<string, string | undefined>, now: number): Table {
  const res = client.request({ method: 'GET', path, query, headers: { accept: TABLE_ACCEPT, Accept: TABLE_ACCEPT } });
  throwIfError(res);
  return asTable(res.body, now);
}
