// Models k8s.io/kubectl/pkg/cmd/create create_ingress.go (rules host/path=svc:port[,tls[=secret]]).
// Objects are built in Go struct field order so `-o json` matches kubectl's typed printing.
import type { KObject } from '../../../types';
import type { Env } from '../../env';
import { fail } from '../../errors';
import { runGenerated } from '.';

const RULE_RE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

type Obj = Record<string, unknown>;

function backend(service: string): Obj {
  const [name, port] = service.split(':');
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : port ? { name: port } : {} } };
}

function httpPath(pathSvc: string): Obj {
  const [p, svc] = pathSvc.split('=');
  let path = `/${p}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) { pathType = 'Prefix'; path = path.slice(0, -1); }
  return { path, pathType, backend: backend(svc) };
}

function tlsRules(rules: string[]): Obj[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secret = parts[1].split('=')[1] ?? '';
    if (seen.has(host)) continue;
    const idx = out.findIndex((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (idx > -1) { (out[idx].hosts ??= []).push(host); continue; }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host) t.hosts = [host];
    if (secret) t.secretName = secret;
    if (t.hosts || t.secretName) out.push(t);
  }
  return out;
}

function ingressRules(rules: string[]): Obj[] {
  const out: { host?: string; http: { paths: Obj[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const path = httpPath(noTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) { existing.http.paths.push(path); continue; }
    out.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

/** createIngressVerb implements `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class] [--default-backend] [--annotation]`. */
export function createIngressVerb(env: Env): number {
  if (env.args.length !== 1) throw fail(`exactly one NAME is required, got ${env.args.length}\nSee 'kubectl ${env.path} -h' for help and examples`);
  const name = env.args[0];
  const rules = env.flags.list('rule');
  const annotations = env.flags.list('annotation');
  const defaultBackend = env.flags.str('default-backend');
  const cls = env.flags.str('class');
  if (!defaultBackend && rules.length === 0) {
    throw fail('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  }
  for (const r of rules) if (!RULE_RE.test(r)) throw fail(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of annotations) if (!a.includes('=')) throw fail(`annotation ${a} is invalid and should be in format key=[value]`);
  if (defaultBackend && defaultBackend.split(':').length !== 2) throw fail('default-backend should be in format servicename:serviceport');
  const metadata: Obj = { name, creationTimestamp: null };
  if (annotations.length) metadata.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const spec: Obj = {};
  if (cls) spec.ingressClassName = cls;
  if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
  const tls = tlsRules(rules);
  if (tls.length) spec.tls = tls;
  const rs = ingressRules(rules);
  if (rs.length) spec.rules = rs;
  const obj = { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata, spec, status: { loadBalancer: {} } } as unknown as KObject;
  return runGenerated(env, obj, true, 'failed to create ingress: ');
}
