import type { KObject } from '../../types';

/** FieldRequirement is one term of a field selector. */
export interface FieldRequirement { field: string; operator: '=' | '!='; value: string }

/** FieldSelectorMatcher is a parsed, resource-checked field selector. */
export interface FieldSelectorMatcher {
  requirements: FieldRequirement[];
  empty: boolean;
  matches(obj: KObject): boolean;
}

/** FieldSelectorError carries the API server's message for a bad field selector (a 400). */
export class FieldSelectorError extends Error {
  constructor(message: string) { super(message); this.name = 'FieldSelectorError'; }
}

type Getter = (o: any) => string;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const bool = (v: unknown): string => (v ? 'true' : 'false');

const META: Record<string, Getter> = {
  'metadata.name': (o) => str(o.metadata?.name),
  'metadata.namespace': (o) => str(o.metadata?.namespace),
};

// Models the field label conversion funcs registered in pkg/apis/{core,apps,batch}/v1/conversion.go
// and the strategies' ToSelectableFields. Resources listed here answer "field label not supported";
// the rest use DefaultMetaV1FieldSelectorConversion.
const FIELDS: Record<string, Record<string, Getter>> = {
  '/pods': {
    ...META,
    'spec.nodeName': (o) => str(o.spec?.nodeName),
    'spec.restartPolicy': (o) => str(o.spec?.restartPolicy),
    'spec.schedulerName': (o) => str(o.spec?.schedulerName),
    'spec.serviceAccountName': (o) => str(o.spec?.serviceAccountName),
    'spec.hostNetwork': (o) => bool(o.spec?.hostNetwork),
    'status.phase': (o) => str(o.status?.phase),
    'status.podIP': (o) => str(o.status?.podIP),
    'status.podIPs': (o) => str(o.status?.podIPs?.[0]?.ip ?? o.status?.podIP),
    'status.nominatedNodeName': (o) => str(o.status?.nominatedNodeName),
  },
  '/nodes': { 'metadata.name': META['metadata.name'], 'spec.unschedulable': (o) => bool(o.spec?.unschedulable) },
  '/events': {
    ...META,
    'involvedObject.kind': (o) => str(o.involvedObject?.kind),
    'involvedObject.namespace': (o) => str(o.involvedObject?.namespace),
    'involvedObject.name': (o) => str(o.involvedObject?.name),
    'involvedObject.uid': (o) => str(o.involvedObject?.uid),
    'involvedObject.apiVersion': (o) => str(o.involvedObject?.apiVersion),
    'involvedObject.resourceVersion': (o) => str(o.involvedObject?.resourceVersion),
    'involvedObject.fieldPath': (o) => str(o.involvedObject?.fieldPath),
    reason: (o) => str(o.reason),
    reportingComponent: (o) => str(o.reportingComponent),
    source: (o) => str(o.source?.component),
    type: (o) => str(o.type),
  },
  '/namespaces': { 'metadata.name': META['metadata.name'], 'status.phase': (o) => str(o.status?.phase) },
  '/secrets': { ...META, type: (o) => str(o.type) },
  '/services': { ...META, 'spec.clusterIP': (o) => str(o.spec?.clusterIP), 'spec.type': (o) => str(o.spec?.type) },
  '/replicationcontrollers': { ...META, 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  'apps/replicasets': { ...META, 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  'batch/jobs': { ...META, 'status.successful': (o) => str(o.status?.succeeded ?? 0) },
};

function unescape(s: string): string { return s.replace(/\\(.)/g, '$1'); }

function splitTerms(selector: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\' && i + 1 < selector.length) { cur += c + selector[++i]; continue; }
    if (c === ',') { out.push(cur); cur = ''; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

// Models apimachinery/pkg/fields/selector.go parseSelector (operators !=, ==, =).
function parseTerm(selector: string, term: string): FieldRequirement {
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '\\') { i++; continue; }
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) {
        return { field: unescape(term.slice(0, i)), operator: op === '!=' ? '!=' : '=', value: unescape(term.slice(i + op.length)) };
      }
    }
  }
  throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
}

/**
 * parseFieldSelector parses a field selector for resource (group, plural) and checks each field is
 * supported there, with the API server's messages ('field label not supported: spec.foo').
 */
export function parseFieldSelector(selector: string | undefined, group: string, plural: string): FieldSelectorMatcher {
  const reqs: FieldRequirement[] = [];
  if (selector && selector.trim()) {
    for (const term of splitTerms(selector)) {
      if (term.trim() === '') continue;
      reqs.push(parseTerm(selector, term));
    }
  }
  const table = FIELDS[`${group}/${plural}`];
  const getters: Getter[] = reqs.map((r) => {
    if (table) {
      const g = table[r.field];
      if (!g) throw new FieldSelectorError(`field label not supported: ${r.field}`);
      return g;
    }
    const g = META[r.field];
    if (!g) throw new FieldSelectorError(`"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    return g;
  });
  return {
    requirements: reqs,
    empty: reqs.length === 0,
    matches: (obj) => reqs.every((r, i) => (getters[i](obj) === r.value) === (r.operator === '=')),
  };
}

/** supportedFields lists the field selector keys a resource accepts. */
export function supportedFields(group: string, plural: string): string[] {
  return Object.keys(FIELDS[`${group}/${plural}`] ?? META);
}
