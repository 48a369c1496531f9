// Models k8s.io/kubectl/pkg/cmd/create (create -f and the namespace/deployment/configmap/secret generators).
import { ApiError } from '../../../api/types';
import type { KObject } from '../../../types';
import { withChangeCause } from '../../record';
import type { Env } from '../../env';
import { fail, formatErrors, withSource } from '../../errors';
import { readManifests } from '../../manifest';
import { createOutcome } from '../apply/outcome';
import { clientResource, defForKind } from '../../resources';
import { withLastAppliedFor, withLastAppliedTyped } from '../apply/last-applied';
import { goMarshal } from '../../apply-patch';
import { dryRunMode, validation } from '../common';
import { base64Encode } from '../../../util';

/** createVerb implements `kubectl create -f`. */
export function createVerb(env: Env): number {
  const files = env.flags.list('filename');
  if (!files.length) {
    throw fail('must specify one of -f and -k');
  }
  if (env.args.length) throw fail(`Unexpected args: [${env.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
  const dry = dryRunMode(env);
  const validated = validation(env);
  const saveConfig = env.flags.bool('save-config');
  const errors: unknown[] = [];
  for (const item of readManifests(env, files, env.flags.bool('recursive'))) {
    if (item.error) { errors.push(item.error); continue; }
    let obj = item.obj!;
    const def = item.def!;
    if (saveConfig) obj = withLastAppliedFor(obj, item.namespace);
    obj = withChangeCause(env, obj);
    try {
      const created = dry === 'client' ? obj : env.client.create(clientResource(def), item.namespace, obj, { dryRun: dry === 'server', ...validated });
      createOutcome(env, def, created, 'created', dry);
    } catch (e) {
      errors.push(withSource(e, 'creating', item.source));
    }
  }
  if (errors.length) env.err(formatErrors(errors));
  return errors.length ? 1 : 0;
}

/**
 * runGenerated creates (or prints, for --dry-run=client) an object built by a create generator. failure is
 * how that generator words a failed create around the server's message (`failed to create deployment: `).
 */
export function runGenerated(env: Env, obj: KObject, namespaced: boolean, failure?: string): number {
  const def = defForKind(env.registry, obj.apiVersion, obj.kind);
  if (!def) throw fail(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
  const dry = dryRunMode(env);
  const ns = namespaced ? env.namespace() : undefined;
  // An explicit --namespace goes into the typed object (ObjectMeta's Namespace follows Name).
  if (namespaced && env.explicitNamespace) { const { name, ...rest } = obj.metadata; obj = { ...obj, metadata: { name, namespace: ns, ...rest } }; }
  if (env.flags.bool('save-config')) obj = withLastAppliedTyped(obj);
  let created = obj;
  if (dry !== 'client') {
    try {
      created = env.client.create(clientResource(def), ns, stripNulls(obj), { dryRun: dry === 'server' });
    } catch (e) {
      if (failure !== undefined && e instanceof ApiError) throw fail(failure + e.status.message);
      throw e;
    }
  }
  createOutcome(env, def, created, 'created', dry);
  return 0;
}

function stripNulls(obj: KObject): KObject {
  const meta = { ...obj.metadata } as Record<string, unknown>;
  if (meta.creationTimestamp === null) delete meta.creationTimestamp;
  const out = { ...obj, metadata: meta } as KObject;
  delete out.status;
  return out;
}

function nameArg(env: Env, what: string): string {
  const name = env.args[0];
  if (!name) throw fail(`exactly one NAME is required, got 0\nSee 'kubectl ${env.path} -h' for help and examples`);
  if (env.args.length > 1 && env.path !== 'create deployment') throw fail(`exactly one NAME is required, got ${env.args.length}\nSee 'kubectl ${env.path} -h' for help and examples`);
  void what;
  return name;
}

/** createNamespaceVerb implements `kubectl create namespace NAME`. */
export function createNamespaceVerb(env: Env): number {
  const name = nameArg(env, 'namespace');
  return runGenerated(env, { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'], spec: {}, status: {} }, false);
}

function containerName(image: string, used: Set<string>): string {
  let name = image.split('/').pop() ?? image;
  name = name.split('@')[0].split(':')[0].replace(/_/g, '-');
  let n = name;
  for (let i = 1; used.has(n); i++) n = `${name}-${i}`;
  used.add(n);
  return n;
}

/** createDeploymentVerb implements `kubectl create deployment NAME --image=IMG [--replicas] [--port] [-- cmd]`. */
export function createDeploymentVerb(env: Env): number {
  const name = env.args[0];
  if (!name) throw fail(`exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples`);
  const images = env.flags.list('image');
  if (!images.length) throw fail(`required flag(s) "image" not set`);
  const dash = env.flags.parsed.dashAt;
  const command = dash >= 0 ? env.args.slice(dash) : [];
  if (command.length && images.length > 1) throw fail('cannot specify multiple --image options and command');
  const used = new Set<string>();
  const port = env.flags.int('port');
  // Keys in Go struct order: -o json of a client-side object keeps it.
  const containers = images.map((image, i) => {
    const c: Record<string, unknown> = { name: containerName(image, used), image };
    if (command.length) c.command = command;
    if (port >= 0 && i === 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  const labels = { app: name };
  const obj = {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, creationTimestamp: null, labels },
    spec: {
      replicas: env.flags.int('replicas'),
      selector: { matchLabels: labels },
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as unknown as KObject;
  return runGenerated(env, obj, true, 'failed to create deployment: ');
}

function parseLiteral(s: string): [string, string] {
  const i = s.indexOf('=');
  if (i <= 0) throw fail(`invalid literal source ${s}, expected key=value`);
  return [s.slice(0, i), s.slice(i + 1)];
}

/** readFileSource adds one `--from-file=[key=]path` to data (a directory adds each of its files by name). */
function readFileSource(env: Env, src: string, data: Record<string, string>): void {
  const i = src.indexOf('=');
  const key = i > 0 ? src.slice(0, i) : src.split('/').pop()!;
  const path = env.ctx.fs.resolve(env.ctx.cwd, i > 0 ? src.slice(i + 1) : src);
  if (!env.ctx.fs.exists(path)) throw fail(`error reading ${i > 0 ? src.slice(i + 1) : src}: no such file or directory`);
  if (env.ctx.fs.isDir(path)) {
    for (const f of env.ctx.fs.readdir(path)) if (!env.ctx.fs.isDir(`${path}/${f}`)) data[f] = env.ctx.fs.readFile(`${path}/${f}`);
  } else data[key] = env.ctx.fs.readFile(path);
}

function collectData(env: Env): Record<string, string> {
  const data: Record<string, string> = {};
  for (const lit of env.flags.list('from-literal')) {
    const [k, v] = parseLiteral(lit);
    if (k in data) throw fail(`cannot add key ${k}, another key by that name already exists in Data for ConfigMap "${env.args[0]}"`);
    data[k] = v;
  }
  for (const src of env.flags.list('from-file')) readFileSource(env, src, data);
  for (const src of env.flags.list('from-env-file')) {
    const path = env.ctx.fs.resolve(env.ctx.cwd, src);
    if (!env.ctx.fs.exists(path)) throw fail(`error reading ${src}: no such file or directory`);
    for (const line of env.ctx.fs.readFile(path).split('\n')) {
      const t = line.trim();
      if (!t || t.startsWith('#')) continue;
      const [k, v] = parseLiteral(t);
      data[k] = v;
    }
  }
  return data;
}

/** createConfigMapVerb implements `kubectl create configmap NAME --from-literal/--from-file/--from-env-file`. */
export function createConfigMapVerb(env: Env): number {
  const name = nameArg(env, 'configmap');
  const data = collectData(env);
  const obj: KObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'] };
  if (Object.keys(data).length) obj.data = data;
  return runGenerated(env, obj, true, 'failed to create configmap: ');
}

/** createSecretGenericVerb implements `kubectl create secret generic NAME --from-literal/--from-file`. */
export function createSecretGenericVerb(env: Env): number {
  const name = nameArg(env, 'secret');
  const raw = collectData(env);
  const data = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, base64Encode(v)]));
  const obj: KObject = { kind: 'Secret', apiVersion: 'v1', metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'] };
  if (Object.keys(data).length) obj.data = data;
  const type = env.flags.str('type');
  if (type) obj.type = type;
  return runGenerated(env, obj, true, 'failed to create secret ');
}

/**
 * createSecretDockerRegistryVerb implements `kubectl create secret docker-registry NAME`: a
 * kubernetes.io/dockerconfigjson Secret from --docker-username/--docker-password/--docker-email/--docker-server,
 * or from --from-file (keyed .dockerconfigjson unless a key is given). Models create_secret_docker.go.
 */
export function createSecretDockerRegistryVerb(env: Env): number {
  const name = nameArg(env, 'secret');
  const f = env.flags;
  const sources = f.list('from-file');
  const [username, password, email, server] = ['docker-username', 'docker-password', 'docker-email', 'docker-server'].map((k) => f.str(k));
  if (!sources.length && (!username || !password || !server)) {
    throw fail('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const raw: Record<string, string> = {};
  if (sources.length) for (const src of sources) readFileSource(env, src.includes('=') ? src : `.dockerconfigjson=${src}`, raw);
  else {
    // DockerConfigEntry's fields in struct order, each omitted when empty.
    const entry = Object.fromEntries(Object.entries({ username, password, email, auth: base64Encode(`${username}:${password}`) }).filter(([, v]) => v));
    raw['.dockerconfigjson'] = goMarshal({ auths: { [server]: entry } });
  }
  const data = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, base64Encode(v)]));
  const obj: KObject = { kind: 'Secret', apiVersion: 'v1', metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'], data, type: 'kubernetes.io/dockerconfigjson' };
  return runGenerated(env, obj, true, 'failed to create secret ');
}
