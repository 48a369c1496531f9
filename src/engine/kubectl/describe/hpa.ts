// Models describe.go's describeHorizontalPodAutoscalerV2 (autoscaling/v2) for kubectl 1.32.
import type { KObject } from '../../types';
import { formatDescribeTimestamp } from '../printers';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline, type DescribeContext, type Obj } from './common';
import { canonical } from './quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './writer';

const q = (v: unknown): string => canonical(v ?? '0');

function metricLine(m: Obj, cur: Obj | undefined, w: PrefixWriter): void {
  switch (m.type) {
    case 'Resource':
    case 'ContainerResource': {
      const src = m.type === 'Resource' ? m.resource : m.containerResource;
      const c = m.type === 'Resource' ? cur?.resource : cur?.containerResource;
      if (m.type === 'Resource') w.write(LEVEL_1, `resource ${src.name} on pods`);
      else w.write(LEVEL_1, `resource ${src.name} of container "${src.container}" on pods`);
      if (src.target?.averageValue !== undefined) {
        w.write(LEVEL_0, `:\t${c ? q(c.current?.averageValue) : '<unknown>'} / ${q(src.target.averageValue)}\n`);
      } else {
        const current = c && c.current?.averageUtilization !== undefined ? `${c.current.averageUtilization}% (${q(c.current.averageValue)})` : '<unknown>';
        const target = src.target?.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : '<auto>';
        w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`);
      }
      return;
    }
    case 'Pods':
      w.write(LEVEL_1, `"${m.pods.metric.name}" on pods:\t${cur?.pods ? q(cur.pods.current?.averageValue) : '<unknown>'} / ${q(m.pods.target?.averageValue)}\n`);
      return;
    case 'Object': {
      w.write(LEVEL_1, `"${m.object.metric.name}" on ${m.object.describedObject.kind}/${m.object.describedObject.name} `);
      if (m.object.target?.type === 'AverageValue') w.write(LEVEL_0, `(target average value):\t${cur?.object ? q(cur.object.current?.averageValue) : '<unknown>'} / ${q(m.object.target.averageValue)}\n`);
      else w.write(LEVEL_0, `(target value):\t${cur?.object ? q(cur.object.current?.value) : '<unknown>'} / ${q(m.object.target?.value)}\n`);
      return;
    }
    case 'External':
      if (m.external.target?.averageValue !== undefined) {
        const c = cur?.external?.current?.averageValue !== undefined ? q(cur.external.current.averageValue) : '<unknown>';
        w.write(LEVEL_1, `"${m.external.metric.name}" (target average value):\t${c} / ${q(m.external.target.averageValue)}\n`);
      } else {
        const c = cur?.external ? q(cur.external.current?.value) : '<unknown>';
        w.write(LEVEL_1, `"${m.external.metric.name}" (target value):\t${c} / ${q(m.external.target?.value)}\n`);
      }
      return;
    default:
      w.write(LEVEL_1, `<unknown metric type "${m.type}">\n`);
  }
}

function behavior(w: PrefixWriter, direction: string, rules: Obj | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  const policies = (rules.policies ?? []) as Obj[];
  if (policies.length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

/** describeHorizontalPodAutoscaler renders `kubectl describe hpa` (autoscaling/v2 shape). */
export function describeHorizontalPodAutoscaler(hpa: KObject, ctx: DescribeContext): string {
  const h = hpa as Obj;
  const spec = (h.spec ?? {}) as Obj;
  const st = (h.status ?? {}) as Obj;
  const events = eventsFor(hpa, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', hpa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', hpa.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatDescribeTimestamp(hpa.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    ((spec.metrics ?? []) as Obj[]).forEach((m, i) => metricLine(m, (st.currentMetrics ?? [])[i], w));
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
    if (spec.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      behavior(w, 'Scale Up', spec.behavior.scaleUp);
      behavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`);
    const conds = (st.conditions ?? []) as Obj[];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
