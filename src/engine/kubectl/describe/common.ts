// Shared pieces of staging/src/k8s.io/kubectl/pkg/describe/describe.go: labels, annotations,
// taints, tolerations, selectors and the Events table.
import type { Client } from '../../api/types';
import type { KObject } from '../../types';
import { humanDuration, parseTime } from '../../util';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer';

/** DescribeContext is what describers need beyond the object: a client, the virtual now, and --show-events. */
export interface DescribeContext { client: Client; now: number; showEvents: boolean }

/** Obj is a loosely typed view of JSON object content. */
export type Obj = Record<string, any>;

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** sortedKeys returns map keys sorted as Go's sort.Strings. */
export function sortedKeys(m: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(m ?? {}).sort(byteCompare);
}

/** translateTimestampSince is describe's age of an RFC 3339 time ('<unknown>' when zero). */
export function translateTimestampSince(ts: string | undefined | null, now: number): string {
  if (!ts) return '<unknown>';
  const t = parseTime(ts);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

/** printLabelsMultiline prints `Title:\tk=v` lines, one label per line, sorted. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  keys.forEach((k, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    w.write(LEVEL_0, `${k}=${labels?.[k] ?? ''}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

function byteLen(s: string): number { let n = 0; for (const ch of s) { const c = ch.codePointAt(0) ?? 0; n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; } return n; }

/** printAnnotationsMultiline prints annotations, folding long or multi-line values as describe.go does. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) {
        w.write(LEVEL_0, `${indent}  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
      }
    } else w.write(LEVEL_0, `${key}: ${value}\n`);
  });
}

/** taintString is corev1.Taint.ToString: key=value:Effect, key:Effect or key=value. */
export function taintString(t: Obj): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}` : `${t.key}`;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultiline prints node taints sorted by effect,key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Obj[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints || taints.length === 0) { w.writeLine('<none>'); return; }
  const sorted = [...taints].sort((a, b) => byteCompare(`${a.effect ?? ''},${a.key ?? ''}`, `${b.effect ?? ''},${b.key ?? ''}`));
  sorted.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultiline prints pod tolerations sorted by key (`key:Effect op=Exists for 300s`). */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Obj[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) { w.writeLine('<none>'); return; }
  const sorted = [...tolerations].sort((a, b) => byteCompare(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** formatLabels is labels.FormatLabels: sorted k=v joined by commas, '<none>' when empty. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  const keys = sortedKeys(m);
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${m?.[k] ?? ''}`).join(',');
}

/** selectorString is labels.Selector.String() for a LabelSelector ('' when it selects everything). */
export function selectorString(sel: Obj | undefined | null): string {
  if (!sel) return '';
  const reqs: [string, string][] = [];
  for (const k of sortedKeys(sel.matchLabels)) reqs.push([k, `${k}=${sel.matchLabels[k]}`]);
  for (const e of (sel.matchExpressions ?? []) as Obj[]) {
    const vals = [...((e.values ?? []) as string[])].sort(byteCompare).join(',');
    const op = String(e.operator);
    const text = op === 'In' ? `${e.key} in (${vals})` : op === 'NotIn' ? `${e.key} notin (${vals})` : op === 'Exists' ? `${e.key}` : `!${e.key}`;
    reqs.push([e.key, text]);
  }
  return reqs.sort((a, b) => byteCompare(a[0], b[0])).map((r) => r[1]).join(',');
}

/** formatLabelSelector is metav1.FormatLabelSelector ('<none>' when empty). */
export function formatLabelSelector(sel: Obj | undefined | null): string {
  return selectorString(sel) || '<none>';
}

/** printController is `Kind/name` of the controlling owner reference, or ''. */
export function printController(obj: KObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** searchEvents lists the events about an object with kubectl's involvedObject field selector. */
export function searchEvents(client: Client, ref: { name: string; namespace: string; kind?: string; uid?: string }): Obj[] {
  const fields: [string, string][] = [['involvedObject.name', ref.name], ['involvedObject.namespace', ref.namespace]];
  if (ref.kind) fields.push(['involvedObject.kind', ref.kind]);
  if (ref.uid) fields.push(['involvedObject.uid', ref.uid]);
  fields.sort((a, b) => byteCompare(a[0], b[0]));
  const fieldSelector = fields.map(([k, v]) => `${k}=${v}`).join(',');
  try {
    return client.list('events', ref.namespace || undefined, { fieldSelector }) as Obj[];
  } catch {
    return [];
  }
}

// Models event.SortableEvents: ordered by lastTimestamp only; events.k8s.io events (the scheduler's)
// have none, so they sort as the zero time, first.
function eventTime(e: Obj): number {
  return e.lastTimestamp ? parseTime(e.lastTimestamp) : -Infinity;
}

/** describeEvents prints the Events table (or `Events:\t<none>`), ages relative to now. */
export function describeEvents(events: Obj[], w: PrefixWriter, now: number): void {
  if (events.length === 0) { w.write(LEVEL_0, 'Events:\t<none>\n'); return; }
  w.flush();
  const sorted = [...events].sort((a, b) => eventTime(a) - eventTime(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    let first = translateTimestampSince(e.eventTime, now);
    if (!e.eventTime) first = translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    // corev1.Event.ReportingController is serialized as reportingComponent.
    const source = e.source?.component || e.reportingComponent || '';
    // kubectl 1.32 does not prefix involvedObject.fieldPath (later releases do).
    const message = String(e.message ?? '').trim();
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

/** eventsFor returns the events for obj as kubectl's describers query them (kind/uid included). */
export function eventsFor(obj: KObject, ctx: DescribeContext, opts: { omitKind?: boolean } = {}): Obj[] | undefined {
  if (!ctx.showEvents) return undefined;
  return searchEvents(ctx.client, {
    name: obj.metadata.name ?? '', namespace: obj.metadata.namespace ?? '',
    kind: opts.omitKind ? undefined : obj.kind, uid: obj.metadata.uid,
  });
}

/** stringOrNone returns s or '<none>' when empty. */
export function stringOrNone(s: string | undefined): string { return s ? s : '<none>'; }
