// Models describe.go's ResourceQuota, LimitRange, PodDisruptionBudget, PriorityClass, RBAC,
// NetworkPolicy and EndpointSlice describers (kubectl 1.32).
import type { KObject } from '../../types';
import {
  describeEvents, eventsFor, formatLabelSelector, formatLabels, printAnnotationsMultiline, printLabelsMultiline, sortedKeys,
  type DescribeContext, type Obj,
} from './common';
import { formatQuantity, parseQuantity, quantityValue } from './quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type PrefixWriter } from './writer';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** describeResourceQuota renders `kubectl describe quota`. */
export function describeResourceQuota(q: KObject): string {
  const o = q as Obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace ?? ''}\n`);
    const scopes = [...((o.spec?.scopes ?? []) as string[])].sort();
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    for (const r of sortedKeys(o.status?.hard)) {
      const hard = parseQuantity(o.status.hard[r]);
      let used = parseQuantity(o.status?.used?.[r] ?? '0');
      if (hard.format !== used.format) used = { nano: BigInt(quantityValue(used)) * 1_000_000_000n, format: hard.format };
      w.write(LEVEL_0, `${r}\t${formatQuantity(used)}\t${formatQuantity(hard)}\n`);
    }
  });
}

/** describeLimitRangeSpec prints one row per (type, resource) with '-' for unset values. */
export function describeLimitRangeSpec(spec: Obj | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of (spec?.limits ?? []) as Obj[]) {
    const names = new Set<string>();
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[f] ?? {})) names.add(k);
    for (const k of names) {
      const v = (f: string) => (item[f]?.[k] !== undefined ? formatQuantity(parseQuantity(item[f][k])) : '-');
      w.write(LEVEL_0, `${prefix}${item.type}\t${k}\t${v('min')}\t${v('max')}\t${v('defaultRequest')}\t${v('default')}\t${v('maxLimitRequestRatio')}\n`);
    }
  }
}

/** describeLimitRange renders `kubectl describe limitrange`. */
export function describeLimitRange(lr: KObject): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec((lr as Obj).spec, '', w);
  });
}

/** describePodDisruptionBudget renders `kubectl describe pdb`. */
export function describePodDisruptionBudget(pdb: KObject, ctx: DescribeContext): string {
  const p = pdb as Obj;
  const events = eventsFor(pdb, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
    if (p.spec?.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${p.spec.minAvailable}\n`);
    else if (p.spec?.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${p.spec.maxUnavailable}\n`);
    w.write(LEVEL_0, p.spec?.selector ? `Selector:\t${formatLabelSelector(p.spec.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${p.status?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${p.status?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${p.status?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${p.status?.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describePriorityClass renders `kubectl describe priorityclass`. */
export function describePriorityClass(pc: KObject, ctx: DescribeContext): string {
  const p = pc as Obj;
  const events = eventsFor(pc, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${p.value ?? 0}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${p.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${p.preemptionPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Description:\t${p.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
}

interface Rule { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames: string[]; nonResourceURLs: string[] }

// rbac.BreakdownRule + CompactRules + SortableRuleSlice (ordered by PolicyRule.String(), verbs first).
function compactRules(rules: Obj[]): Rule[] {
  const broken: Rule[] = [];
  for (const r of rules) {
    for (const g of (r.apiGroups ?? []) as string[]) for (const res of (r.resources ?? []) as string[]) for (const v of (r.verbs ?? []) as string[]) {
      const names = (r.resourceNames ?? []) as string[];
      if (names.length > 0) for (const n of names) broken.push({ verbs: [v], apiGroups: [g], resources: [res], resourceNames: [n], nonResourceURLs: [] });
      else broken.push({ verbs: [v], apiGroups: [g], resources: [res], resourceNames: [], nonResourceURLs: [] });
    }
    for (const u of (r.nonResourceURLs ?? []) as string[]) for (const v of (r.verbs ?? []) as string[]) {
      broken.push({ verbs: [v], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [u] });
    }
  }
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of broken) {
    if (r.apiGroups.length === 1 && r.resources.length === 1 && r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0) {
      const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? '']);
      const existing = simple.get(key);
      if (existing) existing.verbs.push(...r.verbs);
      else simple.set(key, { ...r, verbs: [...r.verbs] });
    } else compacted.push(r);
  }
  compacted.push(...simple.values());
  const str = (r: Rule) => `&PolicyRule{Verbs:[${r.verbs.join(' ')}],APIGroups:[${r.apiGroups.join(' ')}],Resources:[${r.resources.join(' ')}],` +
    `ResourceNames:[${r.resourceNames.join(' ')}],NonResourceURLs:[${r.nonResourceURLs.join(' ')}],}`;
  return compacted.map((r) => [str(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
}

function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [res, sub] = resources[0].split(/\/(.*)/s);
  let s = res;
  if (groups.length > 0 && groups[0] !== '') s += `.${groups[0]}`;
  if (sub !== undefined) s += `/${sub}`;
  return s;
}

/** describeRole renders `kubectl describe role|clusterrole`. */
export function describeRole(role: KObject): string {
  const rules = compactRules(((role as Obj).rules ?? []) as Obj[]);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(LEVEL_0, 'PolicyRule:\n');
    w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of rules) {
      w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t[${r.nonResourceURLs.join(' ')}]\t[${r.resourceNames.join(' ')}]\t[${r.verbs.join(' ')}]\n`);
    }
  });
}

/** describeRoleBinding renders `kubectl describe rolebinding|clusterrolebinding`. */
export function describeRoleBinding(b: KObject): string {
  const o = b as Obj;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${b.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', b.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', b.metadata.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${o.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${o.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of (o.subjects ?? []) as Obj[]) w.write(LEVEL_1, `${s.kind ?? ''}\t${s.name ?? ''}\t${s.namespace ?? ''}\n`);
  });
}

function peers(list: Obj[] | undefined, title: string, none: string, w: PrefixWriter, indent: string): void {
  if (!list || list.length === 0) { w.write(LEVEL_0, `${indent}${none}\n`); return; }
  for (const p of list) {
    w.write(LEVEL_0, `${indent}${title}:\n`);
    if (p.podSelector && p.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    } else if (p.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
    else if (p.namespaceSelector) w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
    else if (p.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${p.ipBlock.cidr ?? ''}\n`);
      w.write(LEVEL_2, `${indent}Except: ${((p.ipBlock.except ?? []) as string[]).join(', ')}\n`);
    }
  }
}

function npRules(rules: Obj[] | undefined, dir: 'ingress' | 'egress', w: PrefixWriter): void {
  const indent = '    ';
  const [field, title, anyText] = dir === 'ingress'
    ? ['from', 'From', 'From: <any> (traffic not restricted by source)'] : ['to', 'To', 'To: <any> (traffic not restricted by destination)'];
  if (!rules || rules.length === 0) {
    w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ${dir} connectivity)\n`);
    return;
  }
  rules.forEach((r, i) => {
    const ports = (r.ports ?? []) as Obj[];
    if (ports.length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      if (p.endPort === undefined) w.write(LEVEL_0, `${indent}To Port: ${p.port ?? '<nil>'}/${proto}\n`);
      else w.write(LEVEL_0, `${indent}To Port Range: ${p.port}-${p.endPort}/${proto}\n`);
    }
    peers(r[field], title, anyText, w, indent);
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}

/** describeNetworkPolicy renders `kubectl describe networkpolicy`. */
export function describeNetworkPolicy(np: KObject): string {
  const spec = ((np as Obj).spec ?? {}) as Obj;
  const types = (spec.policyTypes ?? []) as string[];
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${np.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', np.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const ps = spec.podSelector ?? {};
    if (Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0) {
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
    if (types.includes('Ingress')) { w.write(LEVEL_1, 'Allowing ingress traffic:\n'); npRules(spec.ingress, 'ingress', w); } else w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    if (types.includes('Egress')) { w.write(LEVEL_1, 'Allowing egress traffic:\n'); npRules(spec.egress, 'egress', w); } else w.write(LEVEL_1, 'Not affecting egress traffic\n');
    w.write(LEVEL_1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
  });
}

// metav1.Time printed with %s: Go's time.Time.String() in UTC.
function goTimeString(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(Date.parse(ts));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

/** describeEndpointSlice renders `kubectl describe endpointslice`. */
export function describeEndpointSlice(eps: KObject, ctx: DescribeContext): string {
  const e = eps as Obj;
  const events = eventsFor(eps, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${e.addressType ?? ''}\n`);
    const ports = (e.ports ?? []) as Obj[];
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`);
    }
    const endpoints = (e.endpoints ?? []) as Obj[];
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const ep of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${((ep.addresses ?? []) as string[]).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        w.write(LEVEL_3, `Ready:\t${ep.conditions?.ready === undefined || ep.conditions?.ready === null ? '<unset>' : String(ep.conditions.ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
        if (ep.targetRef) w.write(LEVEL_2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}\n`);
        w.write(LEVEL_2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${ep.zone ?? '<unset>'}\n`);
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}
