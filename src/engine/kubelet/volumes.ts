import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { Client } from '../api/types';
import { decodeBase64 } from './env';

type Data = { data?: Record<string, string> } | undefined;

/**
 * missingVolume returns the FailedMount message for the first configMap/secret volume whose object is missing
 * (models the kubelet volume manager's MountVolume.SetUp for those plugins), or undefined when all can mount.
 */
export function missingVolume(client: Client, pod: Pod): string | undefined {
  const ns = pod.metadata?.namespace ?? 'default';
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap && !v.configMap.optional && !client.tryGet('configmaps', ns, v.configMap.name ?? '')) {
      return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found`;
    }
    if (v.secret && !v.secret.optional && !client.tryGet('secrets', ns, v.secret.secretName ?? '')) {
      return `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found`;
    }
  }
  return undefined;
}

/** volumeFiles lists the files one volume shows (path inside the volume → content). */
function volumeFiles(client: Client, pod: Pod, v: Volume): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default';
  const fromData = (kind: 'configmaps' | 'secrets', name: string, items?: { key: string; path: string }[]) => {
    const obj = client.tryGet(kind, ns, name) as Data;
    const out: Record<string, string> = {};
    const dec = (s: string) => (kind === 'secrets' ? decodeBase64(s) : s);
    if (items?.length) for (const it of items) { const val = obj?.data?.[it.key]; if (val !== undefined) out[it.path] = dec(val); }
    else for (const [k, val] of Object.entries(obj?.data ?? {})) out[k] = dec(val);
    return out;
  };
  if (v.configMap) return fromData('configmaps', v.configMap.name ?? '', v.configMap.items);
  if (v.secret) return fromData('secrets', v.secret.secretName ?? '', v.secret.items);
  if (v.projected) {
    const out: Record<string, string> = {};
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken) out[src.serviceAccountToken.path] = `eyJhbGciOiJSUzI1NiIsImtpZCI6InNhbmRib3gifQ.${pod.metadata?.uid ?? ''}.c2lnbmF0dXJl`;
      if (src.configMap) Object.assign(out, fromData('configmaps', src.configMap.name ?? '', src.configMap.items));
      if (src.secret) Object.assign(out, fromData('secrets', src.secret.name ?? '', src.secret.items));
      if (src.downwardAPI) for (const it of src.downwardAPI.items ?? []) if (it.fieldRef?.fieldPath === 'metadata.namespace') out[it.path] = ns;
    }
    return out;
  }
  if (v.downwardAPI) {
    const out: Record<string, string> = {};
    const md = pod.metadata ?? {};
    const fmt = (m: Record<string, string> | undefined) => Object.entries(m ?? {}).map(([k, val]) => `${k}="${val}"`).join('\n');
    for (const it of v.downwardAPI.items ?? []) {
      const f = it.fieldRef?.fieldPath;
      out[it.path] = f === 'metadata.labels' ? fmt(md.labels) : f === 'metadata.annotations' ? fmt(md.annotations)
        : f === 'metadata.name' ? md.name ?? '' : f === 'metadata.namespace' ? md.namespace ?? '' : f === 'metadata.uid' ? md.uid ?? '' : '';
    }
    return out;
  }
  return {};
}

/** seedMounts writes the files of c's mounted configMap/secret/projected/downwardAPI volumes into a fresh container fs. */
export function seedMounts(client: Client, pod: Pod, c: Container, fs: Map<string, string>): void {
  for (const m of c.volumeMounts ?? []) {
    const v = pod.spec?.volumes?.find((x) => x.name === m.name);
    if (!v) continue;
    const files = volumeFiles(client, pod, v);
    const base = m.mountPath.replace(/\/$/, '');
    if (m.subPath) { const f = files[m.subPath]; if (f !== undefined) fs.set(base, f); continue; }
    for (const [p, content] of Object.entries(files)) fs.set(`${base}/${p}`, content);
  }
}
