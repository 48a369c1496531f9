// Models describe.go's Deployment, ReplicaSet and ReplicationController describers.
import type { KObject } from '../../types';
import { formatDescribeTimestamp } from '../printers';
import {
  describeEvents, eventsFor, formatLabelSelector, formatLabels, printAnnotationsMultiline, printController, printLabelsMultiline,
  selectorString, type DescribeContext, type Obj,
} from './common';
import { describePodTemplate } from './pod';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './writer';

/** podStatusCounts is getPodStatusForController: phases of the pods the controller (uid) owns. */
export function podStatusCounts(ctx: DescribeContext, ns: string, selector: string, uid: string | undefined): string {
  let pods: Obj[] = [];
  try { pods = ctx.client.list('pods', ns, { labelSelector: selector }) as Obj[]; } catch { pods = []; }
  const n = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods) {
    const ref = ((p.metadata.ownerReferences ?? []) as Obj[]).find((r) => r.controller);
    if (!ref || ref.uid !== uid) continue;
    const phase = p.status?.phase as keyof typeof n;
    if (phase in n) n[phase]++;
  }
  return `${n.Running} Running / ${n.Pending} Waiting / ${n.Succeeded} Succeeded / ${n.Failed} Failed`;
}

function conditions(w: PrefixWriter, conds: Obj[] | undefined): void {
  if (!conds || conds.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** describeReplicaSet renders `kubectl describe replicaset`. */
export function describeReplicaSet(rs: KObject, ctx: DescribeContext): string {
  const r = rs as Obj;
  const selector = selectorString(r.spec?.selector);
  const status = podStatusCounts(ctx, rs.metadata.namespace ?? '', selector, rs.metadata.uid);
  const events = eventsFor(rs, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(r.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${r.status?.replicas ?? 0} current / ${r.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${status}\n`);
    describePodTemplate(r.spec?.template, w);
    conditions(w, r.status?.conditions);
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describeReplicationController renders `kubectl describe replicationcontroller`. */
export function describeReplicationController(rc: KObject, ctx: DescribeContext): string {
  const r = rc as Obj;
  const status = podStatusCounts(ctx, rc.metadata.namespace ?? '', formatLabels(r.spec?.selector).replace('<none>', ''), rc.metadata.uid);
  const events = eventsFor(rc, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(r.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${r.status?.replicas ?? 0} current / ${r.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${status}\n`);
    describePodTemplate(r.spec?.template, w);
    conditions(w, r.status?.conditions);
    if (events) describeEvents(events, w, ctx.now);
  });
}

function replicaSetsOf(d: KObject, ctx: DescribeContext): { oldRSs: Obj[]; newRSs: Obj[] } {
  let all: Obj[] = [];
  try { all = ctx.client.list('replicasets', d.metadata.namespace ?? '') as Obj[]; } catch { return { oldRSs: [], newRSs: [] }; }
  const owned = all.filter((rs) => ((rs.metadata.ownerReferences ?? []) as Obj[]).some((o) => o.controller && o.uid === d.metadata.uid));
  // Models deploymentutil.FindNewReplicaSet: the RS whose template equals the deployment's (ignoring pod-template-hash).
  const strip = (t: Obj | undefined): string => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as Obj;
    if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
    return JSON.stringify(sortDeep(c));
  };
  const want = strip((d as Obj).spec?.template);
  const sorted = [...owned].sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  const newRS = sorted.find((rs) => strip(rs.spec?.template) === want);
  return { oldRSs: sorted.filter((rs) => rs !== newRS), newRSs: newRS ? [newRS] : [] };
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const o = v as Obj;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortDeep(o[k])]));
  }
  return v;
}

const rsList = (rss: Obj[]): string =>
  rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';

/** describeDeployment renders `kubectl describe deployment`. */
export function describeDeployment(dep: KObject, ctx: DescribeContext): string {
  const d = dep as Obj;
  const spec = (d.spec ?? {}) as Obj;
  const st = (d.status ?? {}) as Obj;
  const events = eventsFor(dep, ctx);
  const { oldRSs, newRSs } = replicaSetsOf(dep, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${dep.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${dep.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatDescribeTimestamp(dep.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', dep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', dep.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ` +
      `${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
    describePodTemplate(spec.template, w);
    conditions(w, st.conditions);
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRSs)}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
