// Models the -f/--filename half of cli-runtime's resource.Builder (FileVisitor, StreamVisitor, kind: List).
import type { ResourceDef } from '../api/types';
import type { KObject } from '../types';
import { parseYaml, splitYamlDocuments, YamlSyntaxError } from '../util/yaml';
import type { Env } from './env';
import { fail, KubectlError } from './errors';
import { defForKind } from './resources';
import { cannedManifest } from '../network/ingress';

/** ManifestItem is one object read from -f, or the error reading it produced. */
export interface ManifestItem { source: string; obj?: KObject; def?: ResourceDef; namespace?: string; error?: KubectlError }

const EXTENSIONS = ['.json', '.yaml', '.yml'];

// API versions removed before 1.32 that old books still use; each gets a hint line.
const REMOVED: Record<string, string> = {
  'apps/v1beta1': 'apps/v1beta1 was removed in Kubernetes 1.16; use apiVersion: apps/v1 (and add spec.selector).',
  'apps/v1beta2': 'apps/v1beta2 was removed in Kubernetes 1.16; use apiVersion: apps/v1 (and add spec.selector).',
  'extensions/v1beta1': 'extensions/v1beta1 was removed (Deployments, DaemonSets, ReplicaSets in 1.16, Ingress in 1.22); use apps/v1 or networking.k8s.io/v1.',
  'networking.k8s.io/v1beta1': 'networking.k8s.io/v1beta1 Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1 (spec.rules[].http.paths[].pathType and backend.service.name/port).',
  'batch/v1beta1': 'batch/v1beta1 CronJob was removed in Kubernetes 1.25; use apiVersion: batch/v1.',
  'policy/v1beta1': 'policy/v1beta1 was removed in Kubernetes 1.25; use apiVersion: policy/v1 for PodDisruptionBudget.',
  'rbac.authorization.k8s.io/v1beta1': 'rbac.authorization.k8s.io/v1beta1 was removed in Kubernetes 1.22; use rbac.authorization.k8s.io/v1.',
  'apiextensions.k8s.io/v1beta1': 'apiextensions.k8s.io/v1beta1 was removed in Kubernetes 1.22; use apiextensions.k8s.io/v1.',
};

// The book-era Ingress: the kind moved to networking.k8s.io/v1 (1.19) and the beta versions went away in 1.22.
const INGRESS_HINT = 'Ingress is only served as networking.k8s.io/v1 since Kubernetes 1.22 (extensions/v1beta1 and networking.k8s.io/v1beta1 were removed): set apiVersion: networking.k8s.io/v1, give each path a pathType (Prefix) and write the backend as service.name / service.port.number.';

function expandPaths(env: Env, name: string, recursive: boolean): string[] {
  const fs = env.ctx.fs;
  const abs = fs.resolve(env.ctx.cwd, name);
  if (!fs.exists(abs)) throw fail(`the path "${name}" does not exist`);
  if (!fs.isDir(abs)) return [name];
  const out: string[] = [];
  const walk = (rel: string, dir: string) => {
    for (const entry of fs.readdir(dir)) {
      const child = `${dir.replace(/\/$/, '')}/${entry}`;
      const childRel = `${rel.replace(/\/$/, '')}/${entry}`;
      if (fs.isDir(child)) { if (recursive) walk(childRel, child); continue; }
      if (EXTENSIONS.some((e) => entry.endsWith(e))) out.push(childRel);
    }
  };
  walk(name, abs);
  if (!out.length) throw fail(`error reading [${name}]: recognized file extensions are [.json .yaml .yml]`);
  return out;
}

function toItems(env: Env, value: unknown, source: string): ManifestItem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return [{ source, error: fail(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`) }];
  }
  const o = value as KObject;
  if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray((o as { items?: unknown }).items)) {
    return ((o as unknown as { items: unknown[] }).items).flatMap((i) => toItems(env, i, source));
  }
  const missing: string[] = [];
  if (!o.apiVersion) missing.push('apiVersion not set');
  if (!o.kind) missing.push('kind not set');
  if (missing.length) {
    const msg = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    return [{ source, error: fail(`error validating "${source}": error validating data: ${msg}; if you choose to ignore these errors, turn validation off with --validate=false`) }];
  }
  const obj: KObject = { ...o, metadata: (o.metadata && typeof o.metadata === 'object' ? o.metadata : {}) };
  const def = defForKind(env.registry, o.apiVersion, o.kind);
  if (!def) {
    const version = o.apiVersion.includes('/') ? o.apiVersion.split('/')[1] : o.apiVersion;
    const hint = o.kind === 'Ingress' && /^(extensions|networking\.k8s\.io)\/v1beta1$/.test(o.apiVersion) ? INGRESS_HINT : REMOVED[o.apiVersion];
    return [{
      source,
      obj,
      error: new KubectlError(
        `error: resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": no matches for kind "${o.kind}" in version "${o.apiVersion.includes('/') ? o.apiVersion : version}"\nensure CRDs are installed first`,
        1,
        hint ? [hint] : [],
      ),
    }];
  }
  let namespace: string | undefined;
  if (def.namespaced) {
    const objNs = obj.metadata.namespace;
    if (objNs && env.explicitNamespace && objNs !== env.namespace()) {
      return [{ source, obj, def, error: fail(`the namespace from the provided object "${objNs}" does not match the namespace "${env.namespace()}". You must pass '--namespace=${objNs}' to perform this operation.`) }];
    }
    namespace = objNs || env.namespace();
  }
  return [{ source, obj, def, namespace }];
}

// The simulated internet only knows example.com and google.com (they answer 404 for manifest paths).
const KNOWN_HOSTS = ['example.com', 'www.example.com', 'google.com', 'www.google.com'];

/**
 * readUrl is cli-runtime's URLVisitor offline: the well-known install manifests (cannedManifest) are served
 * from memory; a known host answers 404; any other host fails DNS, which kubectl reports as a url.Error.
 */
function readUrl(url: string): string {
  const canned = cannedManifest(url);
  if (canned !== undefined) return canned;
  const host = url.replace(/^https?:\/\//, '').split(/[/:?#]/)[0];
  const hint = ['this sandbox is offline; copy the manifest into a file (for example with cat <<EOF > file.yaml) and use -f file.yaml. The ingress-nginx install URL (https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/cloud/deploy.yaml) works.'];
  if (KNOWN_HOSTS.includes(host)) throw new KubectlError(`error: unable to read URL "${url}", server reported 404 Not Found, status code=404`, 1, hint);
  throw new KubectlError(`Unable to connect to the server: dial tcp: lookup ${host} on 192.168.1.1:53: no such host`, 1, hint);
}

/** readManifests reads every -f argument (files, directories, `-`, URLs) into objects, in order. */
export function readManifests(env: Env, filenames: string[], recursive: boolean): ManifestItem[] {
  const items: ManifestItem[] = [];
  for (const name of filenames) {
    const remote = /^https?:\/\//.test(name) ? readUrl(name) : undefined;
    const paths = remote !== undefined ? [name] : name === '-' ? ['-'] : expandPaths(env, name, recursive);
    for (const p of paths) {
      const source = p === '-' ? 'STDIN' : p;
      const text = remote ?? (p === '-' ? env.ctx.stdin : env.ctx.fs.readFile(env.ctx.fs.resolve(env.ctx.cwd, p)));
      try {
        for (const chunk of splitYamlDocuments(text)) {
          if (!chunk.text.trim()) continue;
          const value = parseYaml(chunk.text);
          if (value === null || value === undefined) continue;
          items.push(...toItems(env, value, source));
        }
      } catch (e) {
        if (!(e instanceof YamlSyntaxError)) throw e;
        items.push({ source, error: fail(`error parsing ${source}: error converting YAML to JSON: ${e.message}`) });
      }
    }
  }
  return items;
}

/** noObjectsError is kubectl's error when -f yielded nothing. */
export function noObjectsError(): KubectlError {
  return fail('no objects passed to apply');
}
