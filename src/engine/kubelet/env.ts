import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Client } from '../api/types';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** decodeBase64 decodes a Secret value (UTF-8 text). */
export function decodeBase64(s: string): string {
  const bytes: number[] = [];
  let buf = 0, bits = 0;
  for (const ch of s.replace(/[^A-Za-z0-9+/]/g, '')) {
    buf = (buf << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes.push((buf >> bits) & 255); }
  }
  try { return decodeURIComponent(bytes.map((b) => '%' + b.toString(16).padStart(2, '0')).join('')); } catch { return String.fromCharCode(...bytes); }
}

type Data = { data?: Record<string, string>; binaryData?: Record<string, string> } | undefined;

/**
 * containerEnv builds a container's environment as kubelet makeEnvironmentVariables does, or returns the
 * CreateContainerConfigError message (`configmap "cfg" not found`, `couldn't find key k in ConfigMap ns/cfg`).
 * serviceVars (see serviceEnv) are appended after the declared variables unless one of them has the same
 * name, and `$(VAR)` references may name them.
 */
export function containerEnv(client: Client, pod: Pod, c: Container, fieldRefs: () => Record<string, string | undefined>, serviceVars: readonly [string, string][] = []): { env: Record<string, string> } | { error: string } {
  let fieldRef: Record<string, string | undefined> | undefined;
  const ns = pod.metadata?.namespace ?? 'default';
  const env: Record<string, string> = {};
  const svc = new Map(serviceVars);
  const cache = new Map<string, Data>();
  const fetch = (kind: 'configmaps' | 'secrets', name: string): Data => {
    const k = `${kind}/${name}`;
    if (!cache.has(k)) cache.set(k, client.tryGet(kind, ns, name) as Data);
    return cache.get(k);
  };
  const value = (kind: 'configmaps' | 'secrets', data: Data, key: string) => {
    const v = data?.data?.[key];
    if (v === undefined) return undefined;
    return kind === 'secrets' ? decodeBase64(v) : v;
  };
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? 'configmaps' : 'secrets';
    const data = fetch(kind, ref.name ?? '');
    if (!data) {
      if (ref.optional) continue;
      return { error: `${kind === 'configmaps' ? 'configmap' : 'secret'} "${ref.name}" not found` };
    }
    for (const k of Object.keys(data.data ?? {})) env[(from.prefix ?? '') + k] = value(kind, data, k) ?? '';
  }
  for (const e of c.env ?? []) {
    const vf = e.valueFrom;
    if (e.value !== undefined || !vf) {
      env[e.name] = (e.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n: string) => env[n] ?? svc.get(n) ?? m);
    } else if (vf.fieldRef) {
      env[e.name] = (fieldRef ??= fieldRefs())[vf.fieldRef.fieldPath] ?? '';
    } else if (vf.configMapKeyRef || vf.secretKeyRef) {
      const ref = (vf.configMapKeyRef ?? vf.secretKeyRef)!;
      const kind = vf.configMapKeyRef ? 'configmaps' : 'secrets';
      const label = kind === 'configmaps' ? 'ConfigMap' : 'Secret';
      const data = fetch(kind, ref.name ?? '');
      if (!data) {
        if (ref.optional) continue;
        return { error: `${kind === 'configmaps' ? 'configmap' : 'secret'} "${ref.name}" not found` };
      }
      const v = value(kind, data, ref.key);
      if (v === undefined) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in ${label} ${ns}/${ref.name}` };
      }
      env[e.name] = v;
    } else if (vf.resourceFieldRef) {
      env[e.name] = String(c.resources?.limits?.[vf.resourceFieldRef.resource.replace(/^limits\./, '')] ?? '0');
    }
  }
  for (const [k, v] of serviceVars) if (!(k in env)) env[k] = v;
  return { env };
}
