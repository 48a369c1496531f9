// Models the rbac, autoscaling, scheduling and apps/ControllerRevision printers in printers.go (v1.32).
import { AGE_COL, NAME_COL, age, col, rfc3339Cell, type Obj } from './helpers';
import type { Printer } from './workloads';

const CREATED_AT = col('Created At', 'date', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

function subjects(o: Obj, kind: string): string {
  return ((o.subjects as Obj[] | undefined) ?? []).filter((s) => s.kind === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : s.name)).join(', ');
}

const bindingPrinter: Printer = {
  columns: [NAME_COL, col('Role', 'string', 'RoleRef references the role being bound.'), AGE_COL, col('Users', 'string', 'Users in the binding', 1),
    col('Groups', 'string', 'Groups in the binding', 1), col('ServiceAccounts', 'string', 'ServiceAccounts in the binding', 1)],
  cells: (o, now) => [o.metadata.name, `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}`, age(o, now), subjects(o, 'User'), subjects(o, 'Group'), subjects(o, 'ServiceAccount')],
};

const int = (v: unknown): number => (typeof v === 'number' ? v : 0);

function hpaTargets(o: Obj): string {
  const metrics: Obj[] = o.spec?.metrics ?? [];
  if (metrics.length === 0) return '<none>';
  const current: Obj[] = o.status?.currentMetrics ?? [];
  // formatHPAMetrics: at most 2 metrics, then ' + N more...'.
  const list = metrics.slice(0, 2).map((m, i) => {
    if (m.type === 'Resource' && m.resource) {
      const cur = current[i]?.resource?.current;
      const t = m.resource.target ?? {};
      if (t.averageUtilization != null) {
        const c = cur?.averageUtilization != null ? `${cur.averageUtilization}%` : '<unknown>';
        return `${m.resource.name}: ${c}/${t.averageUtilization}%`;
      }
      if (t.averageValue != null) return `${m.resource.name}: ${cur?.averageValue ?? '<unknown>'}/${t.averageValue}`;
      return `${m.resource.name}: <unknown>/<auto>`;
    }
    return '<unknown>/<unknown>';
  });
  return metrics.length > 2 ? `${list.join(', ')} + ${metrics.length - 2} more...` : list.join(', ');
}

/** OTHER_PRINTERS covers rbac, autoscaling, scheduling and controller revisions. */
export const OTHER_PRINTERS: Record<string, Printer> = {
  roles: { columns: [NAME_COL, CREATED_AT], cells: (o) => [o.metadata.name, rfc3339Cell(o.metadata.creationTimestamp)] },
  clusterroles: { columns: [NAME_COL, CREATED_AT], cells: (o) => [o.metadata.name, rfc3339Cell(o.metadata.creationTimestamp)] },
  rolebindings: bindingPrinter,
  clusterrolebindings: bindingPrinter,
  horizontalpodautoscalers: {
    columns: [NAME_COL, col('Reference', 'string', 'Reference to the scaled resource.'), col('Targets', 'string', 'The metrics and their current/target values.'),
      col('MinPods', 'string', 'Lower limit for the number of pods.'), col('MaxPods', 'string', 'Upper limit for the number of pods.'),
      col('Replicas', 'string', 'Current number of replicas of pods managed by this autoscaler.'), AGE_COL],
    cells: (o, now) => [o.metadata.name, `${o.spec?.scaleTargetRef?.kind ?? ''}/${o.spec?.scaleTargetRef?.name ?? ''}`, hpaTargets(o),
      o.spec?.minReplicas != null ? String(o.spec.minReplicas) : '<unset>', int(o.spec?.maxReplicas), int(o.status?.currentReplicas), age(o, now)],
  },
  priorityclasses: {
    columns: [NAME_COL, col('Value', 'integer', 'The value of this priority class.'), col('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority.'),
      AGE_COL, col('PreemptionPolicy', 'string', 'PreemptionPolicy is the Policy for preempting pods with lower priority.')],
    cells: (o, now) => [o.metadata.name, int(o.value), o.globalDefault === true, age(o, now), o.preemptionPolicy ?? 'PreemptLowerPriority'],
  },
  ingressclasses: {
    columns: [NAME_COL, col('Controller', 'string', 'Controller that is responsible for handling this class.'), col('Parameters', 'string', 'A reference to a resource with additional parameters.'), AGE_COL],
    cells: (o, now) => {
      const p = o.spec?.parameters;
      const params = p ? `${p.kind}${p.apiGroup ? '.' + p.apiGroup : ''}/${p.name}` : '<none>';
      return [o.metadata.name, o.spec?.controller ?? '', params, age(o, now)];
    },
  },
  controllerrevisions: {
    columns: [NAME_COL, col('Controller', 'string', 'Controller of the object.'), col('Revision', 'integer', 'Revision indicates the revision of the state represented by Data.'), AGE_COL],
    cells: (o, now) => {
      const owner = ((o.metadata?.ownerReferences as Obj[] | undefined) ?? []).find((r) => r.controller);
      const ctrl = owner ? `${String(owner.apiVersion ?? '').split('/')[0] === 'apps' ? `${String(owner.kind).toLowerCase()}.apps` : String(owner.kind).toLowerCase()}/${owner.name}` : '<none>';
      return [o.metadata.name, ctrl, int(o.revision), age(o, now)];
    },
  },
};
