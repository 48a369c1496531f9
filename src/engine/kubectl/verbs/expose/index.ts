// Models k8s.io/kubectl/pkg/cmd/expose (selector and ports introspected from the exposed object).
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { fail } from '../../errors';
import { clientResource, defForKind } from '../../resources';
import { collectTargets } from '../../targets';
import { createOutcome } from '../apply/outcome';
import { dryRunMode } from '../common';

interface PortInfo { port: number; protocol: string; name?: string }

function selectorOf(obj: KObject): Record<string, string> | string {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  switch (obj.kind) {
    case 'Pod': return obj.metadata.labels ?? {};
    case 'Service':
    case 'ReplicationController': return (spec.selector as Record<string, string>) ?? {};
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if (sel?.matchExpressions?.length) return `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`;
      return sel?.matchLabels ?? {};
    }
    default: return `cannot expose a ${obj.kind}`;
  }
}

function portsOf(obj: KObject): PortInfo[] {
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  if (obj.kind === 'Service') return ((spec.ports as PortInfo[]) ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP', name: p.name }));
  const pod = obj.kind === 'Pod' ? spec : ((spec.template as { spec?: Record<string, unknown> } | undefined)?.spec ?? {});
  const out: PortInfo[] = [];
  for (const c of (pod.containers as { ports?: { containerPort: number; protocol?: string; name?: string }[] }[] | undefined) ?? []) {
    for (const p of c.ports ?? []) out.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP', name: p.name });
  }
  return out;
}

/** parseLabels parses --selector as generate.ParseLabels does: comma-separated key=value pairs only. */
function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw fail(`unexpected label spec: ${part}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

/** exposeVerb implements `kubectl expose (-f FILE | TYPE NAME) [--port] [--target-port] [--type] [--name]`. */
export function exposeVerb(env: Env): number {
  const f = env.flags;
  const { targets, errors } = collectTargets(env, env.args, false);
  if (errors.length) throw errors[0];
  const t = targets[0];
  if (!t) throw fail('no objects passed to expose');
  const obj = t.obj;
  let selector: Record<string, string> | string = f.str('selector') ? parseLabels(f.str('selector')) : selectorOf(obj);
  if (typeof selector === 'string') throw fail(`couldn't retrieve selectors via --selector flag or introspection: ${selector}`);
  if (!Object.keys(selector).length) throw fail("couldn't retrieve selectors via --selector flag or introspection: the object has no labels");
  selector = { ...selector };
  let ports: PortInfo[];
  if (f.str('port')) {
    ports = f.str('port').split(',').map((p) => ({ port: parseInt(p, 10), protocol: f.str('protocol') || 'TCP' }));
  } else {
    ports = portsOf(obj);
    if (!ports.length) throw fail("couldn't find port via --port flag or introspection");
  }
  const name = f.str('name') || obj.metadata.name || '';
  const targetPort = f.str('target-port');
  const svcPorts = ports.map((p, i) => {
    const sp: Record<string, unknown> = {};
    if (ports.length > 1) sp.name = p.name ?? `port-${i + 1}`;
    sp.protocol = f.str('protocol') || p.protocol;
    sp.port = p.port;
    sp.targetPort = targetPort ? (/^\d+$/.test(targetPort) ? parseInt(targetPort, 10) : targetPort) : p.port;
    return sp;
  });
  const spec: Record<string, unknown> = { ports: svcPorts, selector };
  if (f.str('type')) spec.type = f.str('type');
  if (f.str('cluster-ip')) spec.clusterIP = f.str('cluster-ip');
  if (f.str('external-ip')) spec.externalIPs = [f.str('external-ip')];
  if (f.str('session-affinity')) spec.sessionAffinity = f.str('session-affinity');
  const labels = f.str('labels') ? Object.fromEntries(f.str('labels').split(',').map((kv) => kv.split('=') as [string, string])) : obj.metadata.labels;
  const meta: Record<string, unknown> = { name, creationTimestamp: null };
  if (labels && Object.keys(labels).length) meta.labels = labels;
  const svc = { kind: 'Service', apiVersion: 'v1', metadata: meta, spec, status: { loadBalancer: {} } } as unknown as KObject;
  const def = defForKind(env.registry, 'v1', 'Service')!;
  const dry = dryRunMode(env);
  const ns = obj.metadata.namespace ?? env.namespace();
  let shown = svc;
  if (dry !== 'client') {
    const body = { ...svc, metadata: { ...svc.metadata } } as KObject;
    delete (body.metadata as Record<string, unknown>).creationTimestamp;
    delete body.status;
    shown = env.client.create(clientResource(def), ns, body, { dryRun: dry === 'server' });
  }
  createOutcome(env, def, shown, 'exposed', dry);
  return 0;
}
