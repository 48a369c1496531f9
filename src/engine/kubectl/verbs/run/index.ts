// Models k8s.io/kubectl/pkg/cmd/run (pod generator of kubectl >= 1.18: `run` only creates Pods).
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { fail, KubectlError } from '../../errors';
import { clientResource, defForKind } from '../../resources';
import { createOutcome } from '../apply/outcome';
import { withLastAppliedTyped } from '../apply/last-applied';
import { dryRunMode } from '../common';

function parseLabels(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) throw fail(`invalid label spec: ${part}`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

function parseEnv(list: string[]): { name: string; value: string }[] {
  return list.map((e) => {
    const i = e.indexOf('=');
    if (i <= 0) throw fail(`invalid env: ${e}`);
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
}

/** buildRunPod returns the Pod `kubectl run` would send (creationTimestamp: null and status: {} as kubectl prints it). */
export function buildRunPod(env: Env, name: string): KObject {
  const f = env.flags;
  const dash = f.parsed.dashAt;
  const extra = dash >= 0 ? env.args.slice(dash) : env.args.slice(1);
  // Keys in Go struct order (Container, ObjectMeta, PodSpec): -o json of a client-side object keeps it.
  const container: Record<string, unknown> = { name, image: f.str('image') };
  if (extra.length) container[f.bool('command') ? 'command' : 'args'] = extra;
  const port = f.str('port');
  if (port) {
    if (!/^\d+$/.test(port)) throw fail(`strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: parseInt(port, 10) }];
  }
  const envs = parseEnv(f.list('env'));
  if (envs.length) container.env = envs;
  container.resources = {};
  if (f.str('image-pull-policy')) container.imagePullPolicy = f.str('image-pull-policy');
  if (f.bool('privileged')) container.securityContext = { privileged: true };
  if (f.bool('stdin')) { container.stdin = true; if (!f.bool('leave-stdin-open')) container.stdinOnce = true; }
  if (f.bool('tty')) container.tty = true;
  const labels = f.str('labels') ? parseLabels(f.str('labels')) : { run: name };
  const meta: Record<string, unknown> = { name, creationTimestamp: null, labels };
  const ann = f.list('annotations');
  if (ann.length) meta.annotations = parseLabels(ann.join(','));
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: meta as KObject['metadata'],
    spec: { containers: [container], restartPolicy: f.str('restart'), dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** buildRunService returns the ClusterIP Service `kubectl run --expose` generates (service/v2 generator: selector = the pod's labels). */
function buildRunService(name: string, labels: Record<string, string>, port: number, labelled: boolean): KObject {
  const meta: Record<string, unknown> = { name, creationTimestamp: null };
  if (labelled) meta.labels = labels;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta as KObject['metadata'],
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector: labels },
    status: { loadBalancer: {} },
  };
}

/** createRunObject creates (or dry-runs) one generated object and prints its outcome. */
function createRunObject(env: Env, obj: KObject, dry: ReturnType<typeof dryRunMode>): KObject {
  const def = defForKind(env.registry, 'v1', obj.kind);
  if (!def) throw fail(`the server doesn't have a resource type "${obj.kind.toLowerCase()}s"`);
  if (dry === 'client') return obj;
  const meta = { ...obj.metadata } as Record<string, unknown>;
  delete meta.creationTimestamp;
  const body = { ...obj, metadata: meta } as KObject;
  delete body.status;
  return env.client.create(clientResource(def), env.namespace(), body, { dryRun: dry === 'server' });
}

/** runVerb implements `kubectl run NAME --image=IMAGE`. */
export function runVerb(env: Env): number {
  const f = env.flags;
  const name = env.args[0];
  if (!name || (f.parsed.dashAt === 0)) throw fail(`NAME is required for run\nSee 'kubectl run -h' for help and examples`);
  if (!f.str('image')) throw fail(`required flag(s) "image" not set`);
  const restart = f.str('restart');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw fail(`invalid restart policy: ${restart}`);
  if (f.bool('rm') && !f.bool('stdin') && !f.bool('attach')) throw fail('--rm should only be used for attached containers');
  if (f.bool('expose') && !f.str('port')) throw fail('--port must be set when exposing a service');
  const dry = dryRunMode(env);
  let pod = buildRunPod(env, name);
  if (f.bool('save-config')) pod = withLastAppliedTyped(pod);
  const def = defForKind(env.registry, 'v1', 'Pod');
  if (!def) throw fail('the server doesn\'t have a resource type "pods"');
  const shown = createRunObject(env, pod, dry);
  if (f.bool('expose')) {
    // Upstream creates the pod first but prints the Service first (generateService prints it).
    const svc = buildRunService(name, pod.metadata.labels ?? {}, parseInt(f.str('port'), 10), !!f.str('labels'));
    const svcDef = defForKind(env.registry, 'v1', 'Service')!;
    createOutcome(env, svcDef, createRunObject(env, svc, dry), 'created', dry);
    // generateService's own separator, then the YAML printer's before its second object.
    if (f.str('output') === 'yaml') env.out('---\n---\n');
  }
  if (f.bool('stdin') || f.bool('tty') || f.bool('attach')) {
    if (!f.str('output')) createOutcome(env, def, shown, 'created', dry);
    throw new KubectlError('error: attaching to a container (kubectl run -i/-t/--attach) is not available in this sandbox', 1,
      [`use \`kubectl exec -it ${name} -- sh\` once the pod is Running, or \`kubectl logs ${name}\`.`]);
  }
  createOutcome(env, def, shown, 'created', dry);
  return 0;
}
