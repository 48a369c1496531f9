// Models k8s.io/kubectl/pkg/cmd/create create_job.go, create_cronjob.go and create_service.go.
// Objects are built in Go struct field order so `-o json` matches kubectl's typed printing.
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { fail } from '../../errors';
import { runGenerated } from '.';

function nameArg(env: Env, argsEnd: number): string {
  const names = env.args.slice(0, argsEnd);
  if (names.length !== 1) throw fail(`exactly one NAME is required, got ${names.length}\nSee 'kubectl ${env.path} -h' for help and examples`);
  return names[0];
}

function commandArgs(env: Env): { end: number; command: string[] } {
  const dash = env.flags.parsed.dashAt;
  return dash >= 0 ? { end: dash, command: env.args.slice(dash) } : { end: env.args.length, command: [] };
}

function container(name: string, image: string, command: string[]): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image };
  if (command.length) c.command = command;
  c.resources = {};
  return c;
}

/** createJobVerb implements `kubectl create job NAME --image=IMAGE [-- COMMAND]` and `--from=cronjob/NAME`. */
export function createJobVerb(env: Env): number {
  const { end, command } = commandArgs(env);
  const name = nameArg(env, end);
  const from = env.flags.str('from');
  const image = env.flags.str('image');
  if ((!image && !from) || (image && from)) throw fail('either --image or --from must be specified');
  if (command.length && from) throw fail('cannot specify --from and command');
  if (from) return runGenerated(env, jobFromCronJob(env, name, from), true, 'failed to create job: ');
  const obj = {
    kind: 'Job', apiVersion: 'batch/v1',
    metadata: { name, creationTimestamp: null },
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(name, image, command)], restartPolicy: 'Never' } } },
    status: {},
  } as unknown as KObject;
  return runGenerated(env, obj, true, 'failed to create job: ');
}

// Models create_job.go createJobFromCronJob: the CronJob's jobTemplate, annotated as a manual instantiation,
// owned (controller, without blockOwnerDeletion) by the CronJob.
function jobFromCronJob(env: Env, name: string, from: string): KObject {
  const slash = from.indexOf('/');
  const kind = slash < 0 ? from : from.slice(0, slash);
  const cjName = slash < 0 ? '' : from.slice(slash + 1);
  if (!cjName) throw fail(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
  if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind.toLowerCase())) throw fail('from must be an existing cronjob');
  const cj = env.client.get('cronjobs', env.namespace(), cjName) as KObject & { spec?: { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } } };
  const tmpl = cj.spec?.jobTemplate ?? {};
  const metadata: Record<string, unknown> = {
    name, creationTimestamp: null,
    annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl.metadata?.annotations ?? {}) },
  };
  if (tmpl.metadata?.labels) metadata.labels = tmpl.metadata.labels;
  metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }];
  return { kind: 'Job', apiVersion: 'batch/v1', metadata, spec: tmpl.spec ?? {}, status: {} } as unknown as KObject;
}

/** createCronJobVerb implements `kubectl create cronjob NAME --image=IMAGE --schedule=CRON [-- COMMAND]`. */
export function createCronJobVerb(env: Env): number {
  const { end, command } = commandArgs(env);
  const name = nameArg(env, end);
  const image = env.flags.str('image');
  if (!image) throw fail('--image must be specified');
  const schedule = env.flags.str('schedule');
  if (!schedule) throw fail('--schedule must be specified');
  const restart = env.flags.str('restart') || 'OnFailure';
  if (restart !== 'OnFailure' && restart !== 'Never') throw fail(`invalid restart value ${restart}`);
  const obj = {
    kind: 'CronJob', apiVersion: 'batch/v1',
    metadata: { name, creationTimestamp: null },
    spec: {
      schedule,
      jobTemplate: {
        metadata: { name, creationTimestamp: null },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(name, image, command)], restartPolicy: restart } } },
      },
    },
    status: {},
  } as unknown as KObject;
  return runGenerated(env, obj, true, 'failed to create cronjob: ');
}

function serviceVerb(env: Env, type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'): number {
  const name = nameArg(env, env.args.length);
  const f = env.flags;
  const ports: Record<string, unknown>[] = [];
  for (const spec of f.parsed.specs.has('tcp') ? f.list('tcp') : []) {
    const [p, t] = spec.split(':');
    if (!/^\d+$/.test(p) || (t !== undefined && !/^\d+$/.test(t))) throw fail(`invalid port: ${spec}`);
    const port: Record<string, unknown> = { name: t !== undefined ? `${p}-${t}` : p, protocol: 'TCP', port: parseInt(p, 10), targetPort: parseInt(t ?? p, 10) };
    if (type === 'NodePort' && f.int('node-port') > 0) port.nodePort = f.int('node-port');
    ports.push(port);
  }
  const clusterIP = f.parsed.specs.has('clusterip') ? f.str('clusterip') : '';
  if (type !== 'ExternalName' && clusterIP !== 'None' && !ports.length) throw fail('at least one tcp port specifier must be provided');
  const labels = { app: name };
  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports;
  if (type !== 'ExternalName') spec.selector = labels;
  if (clusterIP) spec.clusterIP = clusterIP;
  spec.type = type;
  if (type === 'ExternalName') {
    const ext = f.str('external-name');
    if (!ext) throw fail('--external-name must be specified');
    spec.externalName = ext;
  }
  const obj = {
    kind: 'Service', apiVersion: 'v1',
    metadata: { name, creationTimestamp: null, labels },
    spec,
    status: { loadBalancer: {} },
  } as unknown as KObject;
  return runGenerated(env, obj, true, `failed to create ${type} service: `);
}

/** createServiceClusterIPVerb implements `kubectl create service clusterip NAME --tcp=PORT[:TARGET]`. */
export function createServiceClusterIPVerb(env: Env): number { return serviceVerb(env, 'ClusterIP'); }
/** createServiceNodePortVerb implements `kubectl create service nodeport NAME --tcp=PORT[:TARGET]`. */
export function createServiceNodePortVerb(env: Env): number { return serviceVerb(env, 'NodePort'); }
/** createServiceLoadBalancerVerb implements `kubectl create service loadbalancer NAME --tcp=PORT[:TARGET]`. */
export function createServiceLoadBalancerVerb(env: Env): number { return serviceVerb(env, 'LoadBalancer'); }
/** createServiceExternalNameVerb implements `kubectl create service externalname NAME --external-name=HOST`. */
export function createServiceExternalNameVerb(env: Env): number { return serviceVerb(env, 'ExternalName'); }
