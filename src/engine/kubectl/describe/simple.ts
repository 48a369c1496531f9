// Models describe.go's Namespace, ConfigMap, Secret and ServiceAccount describers (kubectl 1.32).
import type { KObject } from '../../types';
import { formatDescribeTimestamp } from '../printers';
import {
  describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline, sortedKeys, type DescribeContext, type Obj,
} from './common';
import { canonical } from './quantity';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

function listOrEmpty(ctx: DescribeContext, resource: string, ns: string, opts?: { fieldSelector?: string }): Obj[] {
  try { return ctx.client.list(resource, ns, opts) as Obj[]; } catch { return []; }
}

function describeQuotas(quotas: Obj[], w: PrefixWriter): void {
  if (quotas.length === 0) { w.write(LEVEL_0, 'No resource quota.\n'); return; }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    if (q.spec?.scopes?.length) w.write(LEVEL_1, `Scopes:\t${[...q.spec.scopes].sort().join(', ')}\n`);
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    for (const r of sortedKeys(q.status?.hard)) w.write(LEVEL_1, `${r}\t${canonical(q.status?.used?.[r] ?? '0')}\t${canonical(q.status.hard[r])}\n`);
  }
}

function describeLimitRanges(ranges: Obj[], w: PrefixWriter): void {
  if (ranges.length === 0) { w.write(LEVEL_0, 'No LimitRange resource.\n'); return; }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) {
    for (const item of (lr.spec?.limits ?? []) as Obj[]) {
      const names = new Set<string>();
      for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[f] ?? {})) names.add(k);
      for (const k of names) {
        const v = (f: string) => (item[f]?.[k] !== undefined ? canonical(item[f][k]) : '-');
        w.write(LEVEL_0, ` ${item.type}\t${k}\t${v('min')}\t${v('max')}\t${v('defaultRequest')}\t${v('default')}\t${v('maxLimitRequestRatio')}\n`);
      }
    }
  }
}

/** describeNamespace renders `kubectl describe namespace` with its quotas and limit ranges. */
export function describeNamespace(ns: KObject, ctx: DescribeContext): string {
  const name = ns.metadata.name ?? '';
  const quotas = listOrEmpty(ctx, 'resourcequotas', name);
  const limits = listOrEmpty(ctx, 'limitranges', name);
  const status = ((ns as Obj).status ?? {}) as Obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of status.conditions as Obj[]) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatDescribeTimestamp(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    describeQuotas(quotas, w);
    w.write(LEVEL_0, '\n');
    describeLimitRanges(limits, w);
  });
}

/** describeConfigMap renders `kubectl describe configmap`. */
export function describeConfigMap(cm: KObject, ctx: DescribeContext): string {
  const c = cm as Obj;
  const events = eventsFor(cm, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(c.data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${c.data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of sortedKeys(c.binaryData)) w.write(LEVEL_0, `${k}: ${base64Len(c.binaryData[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** base64Len is the decoded byte length of a base64 string. */
export function base64Len(b64: string | undefined): number {
  const s = (b64 ?? '').replace(/[^A-Za-z0-9+/=]/g, '');
  if (!s) return 0;
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

function base64Decode(b64: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  const bytes: number[] = [];
  for (const ch of b64.replace(/[^A-Za-z0-9+/]/g, '')) {
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes.push((acc >> bits) & 0xff); }
  }
  return new TextDecoderLite(bytes).text;
}

class TextDecoderLite {
  text = '';
  constructor(bytes: number[]) {
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i];
      const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      let cp = n === 1 ? b : b & (0xff >> (n + 1));
      for (let k = 1; k < n; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 0x3f);
      this.text += String.fromCodePoint(cp);
      i += n;
    }
  }
}

/** describeSecret renders `kubectl describe secret` (sizes only; a service-account token is shown). */
export function describeSecret(secret: KObject): string {
  const s = secret as Obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of sortedKeys(s.data)) {
      if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${base64Decode(s.data[k])}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64Len(s.data[k])} bytes\n`);
    }
  });
}

/** describeServiceAccount renders `kubectl describe serviceaccount` (1.32: pull secrets, mountable secrets, tokens). */
export function describeServiceAccount(sa: KObject, ctx: DescribeContext): string {
  const a = sa as Obj;
  const ns = sa.metadata.namespace ?? '';
  const secrets = listOrEmpty(ctx, 'secrets', ns);
  const names = new Set(secrets.map((x) => x.metadata.name));
  const tokens = secrets.filter((x) => x.type === 'kubernetes.io/service-account-token' &&
    x.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name);
  const events = eventsFor(sa, ctx);
  const headers: [string, string[], boolean][] = [
    ['Image pull secrets:', ((a.imagePullSecrets ?? []) as Obj[]).map((x) => x.name), false],
    ['Mountable secrets: ', ((a.secrets ?? []) as Obj[]).map((x) => x.name), true],
    ['Tokens:            ', tokens.map((x) => x.metadata.name), false],
  ];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    for (const [header, list, checkMissing] of headers) {
      if (list.length === 0) { w.write(LEVEL_0, `${header}\t<none>\n`); continue; }
      let prefix = header;
      for (const n of list) {
        w.write(LEVEL_0, `${prefix}\t${n}${checkMissing && !names.has(n) ? ' (not found)' : ''}\n`);
        prefix = ' '.repeat(19);
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
