// Presentation of the generator's stats for the Rollout tab: which Service to load, which generator
// belongs to it, and the share bars per version and per pod. Numbers come from the engine's stats.
import type { KObject, TrafficStats } from '../../engine/protocol';
import { FAILURE_COLOR, type RevisionColors } from './colors';

type Obj = Record<string, any>;

/** ShareBar is one segment/row: a version or a pod with its live (last 10 s) and overall share. */
export interface ShareBar {
  key: string;
  label: string;
  title: string;
  revision: string;
  color: string;
  /** recentShare and share are percentages (0–100, rounded). */
  recentShare: number;
  share: number;
  count: number;
  failures: number;
}

/** servicesFor lists the Services of namespace, those selecting podLabels (the Deployment's pods) first. */
export function servicesFor(services: readonly KObject[], namespace: string, podLabels: Record<string, string>): string[] {
  const inNs = services.filter((s) => (s.metadata.namespace ?? '') === namespace);
  const selects = (s: KObject) => {
    const sel = ((s as Obj).spec?.selector ?? {}) as Record<string, string>;
    const keys = Object.keys(sel);
    return keys.length > 0 && keys.every((k) => podLabels[k] === sel[k]);
  };
  return [...inNs.filter(selects), ...inNs.filter((s) => !selects(s))].map((s) => s.metadata.name!);
}

/** generatorFor returns the running generator aimed at svc/name in namespace, if any. */
export function generatorFor(generators: readonly TrafficStats[], namespace: string, name: string): TrafficStats | undefined {
  return generators.find((g) => g.namespace === namespace && /^(svc|service|services)\//.test(g.target) && g.target.slice(g.target.indexOf('/') + 1) === name);
}

const pct = (x: number) => Math.round(x * 100);

/** versionBars returns one bar per answering revision, in first-answer order, coloured by revision. */
export function versionBars(stats: TrafficStats, colors: RevisionColors): ShareBar[] {
  return stats.versions.map((v) => ({
    key: v.revision || v.version || '-',
    label: v.version || (v.revision ? v.revision.slice(0, 5) : 'no revision'),
    title: `${v.image || 'unknown image'}${v.revision ? ` · pod-template-hash ${v.revision}` : ''}`,
    revision: v.revision, color: colors(stats.namespace, v.revision),
    recentShare: pct(v.recentShare), share: pct(v.share), count: v.count, failures: v.failures,
  }));
}

/** podBars returns one bar per answering pod (the ones that answered in the last 10 s first). */
export function podBars(stats: TrafficStats, colors: RevisionColors): ShareBar[] {
  return stats.pods
    .map((p) => ({
      key: `${p.namespace}/${p.pod}`, label: p.pod, title: `${p.pod} · ${p.image || 'unknown image'}`, revision: p.revision,
      color: p.recentFailures ? FAILURE_COLOR : colors(p.namespace, p.revision),
      recentShare: pct(p.recentShare), share: pct(p.share), count: p.count, failures: p.failures,
    }))
    .sort((a, b) => b.recentShare - a.recentShare || a.label.localeCompare(b.label));
}

/** trafficCommand is the `sandbox traffic` line that starts (or re-rates) load on a Service. */
export function trafficCommand(namespace: string, service: string, rps: number): string {
  return `sandbox traffic svc/${service} --rps ${rps}${namespace && namespace !== 'default' ? ` -n ${namespace}` : ''}`;
}
