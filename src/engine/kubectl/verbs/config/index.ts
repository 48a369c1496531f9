// Models k8s.io/kubectl/pkg/cmd/config (view, current-context, get-contexts, set-context, use-context, ...).
import type { Env } from '../../env';
import { fail } from '../../errors';
import { saveKubeconfig, type KubeConfig } from '../../kubeconfig';
import { printJson, printYaml } from '../../printers';
import { formatTable } from '../../table';
import { formatObjects } from '../../output';
import type { ResourceDef } from '../../../api/types';
import type { KObject } from '../../../types';

const DATA_KEYS = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];
const SECRET_KEYS = ['token', 'password'];

// Models clientcmdapi.ShortenConfig / RedactSecrets as `config view` applies them without --raw.
function redact(cfg: KubeConfig): KubeConfig {
  const mask = (o: Record<string, unknown>) => {
    const r: Record<string, unknown> = { ...o };
    for (const k of DATA_KEYS) if (r[k]) r[k] = 'DATA+OMITTED';
    for (const k of SECRET_KEYS) if (r[k]) r[k] = 'REDACTED';
    return r;
  };
  return {
    ...cfg,
    clusters: cfg.clusters.map((c) => ({ ...c, cluster: mask(c.cluster) })),
    users: cfg.users.map((u) => ({ ...u, user: mask(u.user) })),
  };
}

function viewVerb(env: Env): number {
  const loaded = env.kubeconfig();
  let cfg = loaded.config;
  if (env.flags.bool('minify')) {
    const ctxName = env.flags.str('context') || cfg['current-context'];
    if (!ctxName) throw fail('current-context must exist in order to minify');
    const c = cfg.contexts.find((x) => x.name === ctxName);
    if (!c) throw fail(`cannot locate context ${ctxName}`);
    cfg = {
      ...cfg,
      'current-context': ctxName,
      contexts: [c],
      clusters: cfg.clusters.filter((x) => x.name === c.context.cluster),
      users: cfg.users.filter((x) => x.name === c.context.user),
    };
  }
  if (!env.flags.bool('raw')) cfg = redact(cfg);
  const view: Record<string, unknown> = {
    ...cfg,
    clusters: cfg.clusters.length ? cfg.clusters : null,
    contexts: cfg.contexts.length ? cfg.contexts : null,
    users: cfg.users.length ? cfg.users : null,
  };
  const output = env.flags.str('output') || 'yaml';
  if (output === 'yaml') env.out(printYaml(view));
  else if (output === 'json') env.out(printJson(view));
  else if (/^jsonpath(-as-json|-file)?=/.test(output)) env.out(formatObjects(env, output, [{ obj: view as KObject, def: CONFIG_DEF }], true, CONFIG_FORMATS));
  else throw fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${CONFIG_FORMATS}`);
  return 0;
}

function currentContextVerb(env: Env): number {
  const cur = env.kubeconfig().config['current-context'];
  if (!cur) throw fail('current-context is not set');
  env.out(cur + '\n');
  return 0;
}

function getContextsVerb(env: Env): number {
  const cfg = env.kubeconfig().config;
  const output = env.flags.str('output');
  if (output && output !== 'name') throw fail(`output must be one of '' or 'name'`);
  let contexts = cfg.contexts;
  if (env.args.length) {
    for (const n of env.args) if (!cfg.contexts.some((c) => c.name === n)) throw fail(`context ${n} not found`);
    contexts = cfg.contexts.filter((c) => env.args.includes(c.name));
  }
  contexts = [...contexts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (output === 'name') { env.out(contexts.map((c) => c.name + '\n').join('')); return 0; }
  const rows: string[][] = [];
  if (!env.flags.bool('no-headers')) rows.push(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']);
  for (const c of contexts) {
    rows.push([c.name === cfg['current-context'] ? '*' : '', c.name, c.context.cluster ?? '', c.context.user ?? '', c.context.namespace ?? '']);
  }
  env.out(formatTable(rows));
  return 0;
}

function getNamesVerb(env: Env, kind: 'clusters' | 'users'): number {
  const cfg = env.kubeconfig().config;
  env.out('NAME\n' + cfg[kind].map((c) => c.name + '\n').join(''));
  return 0;
}

function setContextVerb(env: Env): number {
  const loaded = env.kubeconfig();
  const cfg = loaded.config;
  const current = env.flags.bool('current');
  let name = env.args[0] ?? '';
  if (current && name) throw fail('you cannot specify both a context name and --current');
  if (current) {
    name = cfg['current-context'];
    if (!name) throw fail('no current context is set');
  }
  if (!name) throw fail('you must specify a non-empty context name or --current');
  let entry = cfg.contexts.find((c) => c.name === name);
  const existed = !!entry;
  if (!entry) { entry = { name, context: {} }; cfg.contexts = [...cfg.contexts, entry]; }
  const ctx = { ...entry.context };
  for (const key of ['cluster', 'user', 'namespace'] as const) {
    if (env.flags.changed(key)) {
      const v = env.flags.str(key);
      if (v) ctx[key] = v; else delete ctx[key];
    }
  }
  cfg.contexts = cfg.contexts.map((c) => (c.name === name ? { name, context: ctx } : c));
  saveKubeconfig(env.ctx, loaded);
  env.out(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`);
  return 0;
}

function useContextVerb(env: Env): number {
  const loaded = env.kubeconfig();
  const name = env.args[0];
  if (!name) throw fail('Unexpected args: []');
  if (!loaded.config.contexts.some((c) => c.name === name)) throw fail(`no context exists with the name: "${name}"`);
  loaded.config['current-context'] = name;
  saveKubeconfig(env.ctx, loaded);
  env.out(`Switched to context "${name}".\n`);
  return 0;
}

function deleteContextVerb(env: Env): number {
  const loaded = env.kubeconfig();
  const name = env.args[0];
  if (!name) throw fail('Unexpected args: []');
  if (!loaded.config.contexts.some((c) => c.name === name)) throw fail(`cannot delete context ${name}, not in ${loaded.path}`);
  if (loaded.config['current-context'] === name) env.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
  loaded.config.contexts = loaded.config.contexts.filter((c) => c.name !== name);
  saveKubeconfig(env.ctx, loaded);
  env.out(`deleted context ${name} from ${loaded.path}\n`);
  return 0;
}

function renameContextVerb(env: Env): number {
  const loaded = env.kubeconfig();
  const [from, to] = env.args;
  if (!from || !to || env.args.length !== 2) throw fail('Unexpected args: ' + JSON.stringify(env.args));
  const c = loaded.config.contexts.find((x) => x.name === from);
  if (!c) throw fail(`cannot rename the context "${from}", it's not in ${loaded.path}`);
  if (loaded.config.contexts.some((x) => x.name === to)) throw fail(`cannot rename the context "${from}", the context "${to}" already exists in ${loaded.path}`);
  loaded.config.contexts = loaded.config.contexts.map((x) => (x.name === from ? { ...x, name: to } : x));
  if (loaded.config['current-context'] === from) loaded.config['current-context'] = to;
  saveKubeconfig(env.ctx, loaded);
  env.out(`Context "${from}" renamed to "${to}".\n`);
  return 0;
}

/** CONFIG_VERBS maps `config` subcommands to their implementations. */
export const CONFIG_VERBS: Record<string, (env: Env) => number> = {
  view: viewVerb,
  'current-context': currentContextVerb,
  'get-contexts': getContextsVerb,
  'get-clusters': (env) => getNamesVerb(env, 'clusters'),
  'get-users': (env) => getNamesVerb(env, 'users'),
  'set-context': setContextVerb,
  'use-context': useContextVerb,
  'delete-context': deleteContextVerb,
  'rename-context': renameContextVerb,
};

const CONFIG_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';
// The kubeconfig is not an API resource; this stands in for its type where a printer wants one.
const CONFIG_DEF: ResourceDef = { group: '', version: 'v1', kind: 'Config', listKind: 'ConfigList', plural: 'configs', singular: 'config', shortNames: [], namespaced: false, verbs: [], categories: [], subresources: [] };
