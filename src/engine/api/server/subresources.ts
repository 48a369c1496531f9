import type { KObject } from '../../types';
import { clone, rfc3339 } from '../../util';
import type { ApiResponse, PodLogOptions, ResourceDef } from '../types';
import { ApiError } from '../types';
import { badRequest, conflict, methodNotAllowed, notFound, statusSuccess } from '../errors';
import { labelSelectorMatcher, labelsSelectorString } from '../selectors';
import type { ServerContext } from './context';
import { deleteOne } from './delete';
import { asObject, boolParam, intParam, isDryRun, keyOf, requestKey, type ResourceRequest } from './request';
import { checkTypeMeta, commitUpdate, patchedObject } from './write';

type Obj = Record<string, any>;

function podOf(ctx: ServerContext, r: ResourceRequest): Obj {
  const pod = ctx.store.get(requestKey(r));
  if (!pod) throw notFound(r.def, r.name!);
  return pod as Obj;
}

/** bindPod serves POST pods/{name}/binding (and /bindings): sets spec.nodeName once, plus PodScheduled=True. */
export function bindPod(ctx: ServerContext, r: ResourceRequest, podName: string): ApiResponse {
  const podsDef = ctx.registry.get('', 'pods')!;
  const binding = asObject(r.req.body) as Obj;
  const target = binding.target?.name;
  const bindingRes = { group: '', plural: 'pods/binding' };
  const dry = isDryRun(r.query);
  const entry = ctx.store.entry(keyOf(podsDef, r.namespace, podName));
  if (!entry) throw notFound(podsDef, podName);
  const pod = entry.object as Obj;
  if (!target) throw badRequest('target.name: Required value');
  if (pod.metadata.deletionTimestamp) throw conflict(bindingRes, podName, `pod ${podName} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName) throw conflict(bindingRes, podName, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
  // Models pkg/registry/core/pod/storage BindingREST.assignPod / setPodHostAndAnnotations.
  // Shallow copies: untouched subtrees stay shared with the stored (frozen) pod.
  const next: Obj = { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, nodeName: target }, status: { ...(pod.status ?? {}) } };
  const ann = binding.metadata?.annotations;
  if (ann && Object.keys(ann).length) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...ann };
  const conds: Obj[] = [...(next.status.conditions ?? [])];
  const i = conds.findIndex((c) => c.type === 'PodScheduled');
  const cond = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.clock.now()) };
  if (i >= 0) { if (conds[i].status !== 'True') conds[i] = cond; } else conds.push(cond);
  next.status.conditions = conds;
  if (!dry) ctx.store.update(entry.key, next as KObject, entry.modRevision);
  return { code: 201, body: statusSuccess(201) };
}

/** evictPod serves POST pods/{name}/eviction: a graceful delete honouring the Eviction's deleteOptions. */
export function evictPod(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const ev = asObject(r.req.body) as Obj;
  checkTypeMeta({ group: 'policy', version: 'v1', kind: 'Eviction' }, ev as KObject);
  if (ev.metadata?.name && ev.metadata.name !== r.name) {
    throw badRequest(`name in URL does not match name in Eviction object`);
  }
  podOf(ctx, r);
  // Models pkg/registry/core/pod/storage EvictionREST without PodDisruptionBudget checks.
  const opts = ev.deleteOptions ?? {};
  deleteOne(ctx, r.def, r.namespace, r.name!, {
    gracePeriodSeconds: opts.gracePeriodSeconds, preconditions: opts.preconditions,
    dryRun: isDryRun(r.query) || (Array.isArray(opts.dryRun) && opts.dryRun.includes('All')),
  });
  return { code: 201, body: statusSuccess(201) };
}

function names(cs: Obj[] | undefined): string { return (cs ?? []).map((c) => c.name).join(' '); }

/** podLog serves GET pods/{name}/log through the registered PodLogProvider. */
export function podLog(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const pod = podOf(ctx, r);
  const name = r.name!;
  let container = r.query.container;
  const containers: Obj[] = pod.spec?.containers ?? [];
  const inits: Obj[] = pod.spec?.initContainers ?? [];
  const ephemeral: Obj[] = pod.spec?.ephemeralContainers ?? [];
  // Models pkg/registry/core/pod/strategy.go LogLocation's container checks.
  if (!container) {
    if (containers.length === 1) container = containers[0].name;
    else if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    else {
      let msg = `a container name must be specified for pod ${name}, choose one of: [${names(containers)}]`;
      if (inits.length) msg += ` or one of the init containers: [${names(inits)}]`;
      if (ephemeral.length) msg += ` or one of the ephemeral containers: [${names(ephemeral)}]`;
      throw badRequest(msg);
    }
  } else if (![...containers, ...inits, ...ephemeral].some((c) => c.name === container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  }
  const opts: PodLogOptions = { container };
  if (boolParam(r.query.follow)) opts.follow = true;
  if (boolParam(r.query.previous)) opts.previous = true;
  if (boolParam(r.query.timestamps)) opts.timestamps = true;
  const tail = intParam(r.query.tailLines, 'tailLines');
  if (tail !== undefined) opts.tailLines = tail;
  const since = intParam(r.query.sinceSeconds, 'sinceSeconds');
  if (since !== undefined) {
    if (since < 1) throw badRequest('sinceSeconds: Invalid value: ' + since + ': must be greater than 0');
    opts.sinceSeconds = since;
  }
  if (r.query.sinceTime) opts.sinceTime = r.query.sinceTime;
  const limit = intParam(r.query.limitBytes, 'limitBytes');
  if (limit !== undefined) opts.limitBytes = limit;
  if (!ctx.logProvider) return { code: 200, text: '', headers: { 'Content-Type': 'text/plain' } };
  const out = ctx.logProvider(r.namespace!, name, opts);
  if ('error' in out) throw new ApiError(out.error);
  if (out.stream) return { code: 200, stream: out.stream, text: out.text, headers: { 'Content-Type': 'text/plain' } };
  return { code: 200, text: out.text, headers: { 'Content-Type': 'text/plain' } };
}

function scaleSelector(def: ResourceDef, obj: Obj): string {
  if (def.plural === 'replicationcontrollers') return labelsSelectorString(obj.spec?.selector);
  try { return labelSelectorMatcher(obj.spec?.selector).toString(); } catch { return ''; }
}

/** scaleOf builds the autoscaling/v1 Scale view of a scalable object. */
export function scaleOf(def: ResourceDef, obj: Obj): KObject {
  const md = obj.metadata;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: {
      name: md.name, namespace: md.namespace, uid: md.uid, resourceVersion: md.resourceVersion, creationTimestamp: md.creationTimestamp,
    },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: scaleSelector(def, obj) },
  };
}

/** scale serves GET/PUT/PATCH on {deployments,replicasets,statefulsets,replicationcontrollers}/{name}/scale. */
export function scale(ctx: ServerContext, r: ResourceRequest): ApiResponse {
  const entry = ctx.store.entry(requestKey(r));
  if (!entry) throw notFound(r.def, r.name!);
  const cur = scaleOf(r.def, entry.object as Obj);
  if (r.req.method === 'GET') return { code: 200, body: cur };
  let wanted: Obj;
  if (r.req.method === 'PUT') {
    wanted = clone(asObject(r.req.body)) as Obj;
    checkTypeMeta({ group: 'autoscaling', version: 'v1', kind: 'Scale' }, wanted as KObject);
  } else if (r.req.method === 'PATCH') {
    wanted = patchedObject(r, cur, 'Scale') as Obj;
  } else {
    throw methodNotAllowed();
  }
  const rv = wanted.metadata?.resourceVersion;
  const next = clone(entry.object) as Obj;
  next.spec = { ...(next.spec ?? {}), replicas: wanted.spec?.replicas ?? 0 };
  const res = commitUpdate(ctx, r.def, entry, next as KObject, 'main', isDryRun(r.query), rv && rv !== cur.metadata.resourceVersion ? rv : undefined);
  return { code: 200, body: scaleOf(r.def, res.body as Obj) };
}
