// Shared cell formatters from pkg/printers/internalversion/printers.go and apimachinery labels.
import type { TableColumn } from '../types';
import { humanDuration, parseTime, translateTimestampSince } from '../../util';

export { humanDuration, parseTime, translateTimestampSince };

/** Obj is a loosely typed object the printers read. */
export type Obj = Record<string, any>;

/** col builds a column definition; priority 1 marks a wide-only column. */
export function col(name: string, type: string, description: string, priority = 0, format = ''): TableColumn {
  return { name, type, format, description, priority };
}

/** NAME_COL is the first column of every table. */
export const NAME_COL = col('Name', 'string', 'Name must be unique within a namespace. Cannot be updated.', 0, 'name');
/** AGE_COL is the creation-age column. */
export const AGE_COL = col('Age', 'string', 'CreationTimestamp is a timestamp representing the server time when this object was created.');
/** CONTAINERS_COL is the wide workload column listing container names. */
export const CONTAINERS_COL = col('Containers', 'string', 'Names of each container in the template.', 1);
/** IMAGES_COL is the wide workload column listing images. */
export const IMAGES_COL = col('Images', 'string', 'Images referenced by each container in the template.', 1);
/** SELECTOR_COL is the wide workload column showing the label selector. */
export const SELECTOR_COL = col('Selector', 'string', 'Label selector for pods.', 1);

/** age renders an object's AGE cell. */
export function age(o: Obj, now: number): string {
  return translateTimestampSince(o.metadata?.creationTimestamp, now);
}

/** formatLabels renders a label map as labels.FormatLabels does: sorted 'k=v,k2=v2' or '<none>'. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${m![k]}`).join(',');
}

/** selectorString renders a metav1.LabelSelector as labels.Selector.String() does ('' when empty). */
export function selectorString(sel: Obj | undefined | null): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries((sel.matchLabels as Record<string, string> | undefined) ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of (sel.matchExpressions as Obj[] | undefined) ?? []) {
    const vals = [...((e.values as string[] | undefined) ?? [])].sort();
    const list = vals.length === 1 ? vals[0] : vals.join(',');
    switch (e.operator) {
      case 'In': reqs.push({ key: e.key, text: `${e.key} in (${list})` }); break;
      case 'NotIn': reqs.push({ key: e.key, text: `${e.key} notin (${list})` }); break;
      case 'Exists': reqs.push({ key: e.key, text: e.key }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, text: `!${e.key}` }); break;
      default: return '<invalid>';
    }
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.text).join(',');
}

/** layoutContainerCells returns the CONTAINERS and IMAGES cells of a pod spec. */
export function layoutContainerCells(containers: Obj[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

/** listWithMore joins up to max items and appends ' + N more...' as printers.go listWithMoreString does. */
export function listWithMore(list: string[], more: boolean, count: number, max: number, empty = '<unset>'): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? empty : ret;
}

/** accessModesString abbreviates PV access modes as helper.GetAccessModesAsString does ('RWO,ROX'). */
export function accessModesString(modes: string[] | undefined): string {
  const have = new Set(modes ?? []);
  const out: string[] = [];
  if (have.has('ReadWriteOnce')) out.push('RWO');
  if (have.has('ReadOnlyMany')) out.push('ROX');
  if (have.has('ReadWriteMany')) out.push('RWX');
  if (have.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** boolPtr renders an optional bool as printBoolPtr does ('<unset>', 'True', 'False'). */
export function boolPtr(b: boolean | undefined | null): string {
  if (b === undefined || b === null) return '<unset>';
  return b ? 'True' : 'False';
}

/** rfc3339Cell renders a timestamp as a 'Created At' date cell. */
export function rfc3339Cell(ts: string | undefined): string {
  return ts ?? '';
}
