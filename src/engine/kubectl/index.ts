// kubectl v1.32 emulator: dispatch argv to a verb (parse flags → defaults → validate → API → print).
import type { CommandContext, CommandFn } from '../shell/types';
import type { Env, KubectlDeps, VerbFn } from './env';
import { formatError, KubectlError } from './errors';
import { commandFlags, FlagError, Flags, parseFlags } from './flags';
import { findCommand, subcommandsOf, unknownCommandMessage } from './dispatch';
import { HELP_TEXTS } from './help/help-texts';
import { effectiveNamespace, loadKubeconfig, type LoadedConfig } from './kubeconfig';
import { VERBS } from './verbs';
import { RECORD_DEPRECATION } from './record';

export type { KubectlDeps, RegistryLike, Env, VerbFn, ExecFn, ExecRequest, DialFn, ShellFn, ShellSession } from './env';
export { WATCH_IDLE_MS } from './env';
export { formatTable, TabWriter } from './table';
export type { TableOptions } from './table';
export { defaultKubeconfig, kubeconfigYaml, DEFAULT_SERVER } from './kubeconfig';
export type { KubeConfig } from './kubeconfig';
export { formatError, formatStatus, KubectlError } from './errors';
export { parseFlags, commandFlags, FlagError } from './flags';
export type { FlagSpec, ParsedFlags } from './flags';
export { HELP_TEXTS } from './help/help-texts';
export { kubectlCompletions, createKubectlCompleter } from './completion';

// Commands removed from kubectl that older books still show.
const REMOVED_HINTS: Record<string, string> = {
  'rolling-update': 'kubectl rolling-update was removed in v1.18; use a Deployment and `kubectl rollout` (set image, rollout status/undo).',
  'run-container': 'kubectl run-container was removed long ago; use `kubectl run NAME --image=IMAGE`.',
  stop: 'kubectl stop was removed; use `kubectl delete`.',
};

// Flags removed from kubectl that older books still use ('* --x' matches any command).
const REMOVED_FLAG_HINTS: Record<string, string> = {
  'run --generator': '--generator was removed in kubectl 1.18: `kubectl run` now only creates Pods; use `kubectl create deployment NAME --image=IMAGE` for a Deployment (or `kubectl create job` / `kubectl create cronjob`).',
  'run --replicas': 'kubectl run only creates a single Pod since 1.18; use `kubectl create deployment NAME --image=IMAGE --replicas=N`.',
  'version --short': '--short was removed in kubectl 1.28; `kubectl version` now prints the short form by default.',
  'get --export': '--export was removed in kubectl 1.18; use `kubectl get -o yaml` and delete the status and server-set metadata fields.',
  '* --record': '--record is deprecated and this command never had it; set the kubernetes.io/change-cause annotation with `kubectl annotate` instead.',
};

/** createKubectl returns the `kubectl` shell command bound to a cluster's client and registry. */
export function createKubectl(deps: KubectlDeps): CommandFn {
  return (ctx: CommandContext) => runKubectl(deps, ctx);
}

async function runKubectl(deps: KubectlDeps, ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  try {
    if (!argv.length) { ctx.stdout(HELP_TEXTS['']); return 0; }
    if (argv[0] === 'help') {
      const found = findCommand(argv.slice(1));
      if (found.unknown) { ctx.stdout(`Unknown help topic [\`${found.unknown}\`]\n` + HELP_TEXTS['']); return 0; }
      ctx.stdout(HELP_TEXTS[found.path] ?? HELP_TEXTS['']);
      return 0;
    }
    if (argv[0] === 'options') { ctx.stdout(HELP_TEXTS.options); return 0; }
    const found = findCommand(argv);
    if (found.unknown) {
      const hint = found.path === '' ? REMOVED_HINTS[found.unknown] : undefined;
      throw new KubectlError(unknownCommandMessage(found.path, found.unknown), 1, hint ? [hint] : []);
    }
    const path = found.path;
    let parsed;
    try {
      parsed = parseFlags(found.rest, commandFlags(path));
    } catch (e) {
      if (e instanceof FlagError) {
        const flag = /unknown flag: --([\w-]+)/.exec(e.message)?.[1] ?? '';
        const hint = REMOVED_FLAG_HINTS[`${path} --${flag}`] ?? REMOVED_FLAG_HINTS[`* --${flag}`];
        const extra = hint ? [hint] : [];
        throw new KubectlError(`error: ${e.message}\nSee 'kubectl${path ? ' ' + path : ''} --help' for usage.`, 1, extra);
      }
      throw e;
    }
    const flags = new Flags(parsed);
    if (flags.changed('record')) ctx.stderr(RECORD_DEPRECATION);
    if (flags.bool('help')) { ctx.stdout(HELP_TEXTS[path] ?? HELP_TEXTS['']); return 0; }
    if (!path) { ctx.stdout(HELP_TEXTS['']); return 0; }
    const verb: VerbFn | undefined = VERBS[path];
    if (!verb) {
      if (subcommandsOf(path).length) { ctx.stdout(HELP_TEXTS[path]); return 0; }
      throw new KubectlError(`error: "kubectl ${path}" is not available in this sandbox yet`);
    }
    let loaded: LoadedConfig | undefined;
    const kubeconfig = () => (loaded ??= loadKubeconfig(ctx, flags.str('kubeconfig')));
    let ns: string | undefined;
    const env: Env = {
      ctx,
      deps,
      client: deps.client,
      registry: deps.registry,
      clock: deps.clock,
      path,
      flags,
      args: parsed.args,
      kubeconfig,
      namespace: () => (ns ??= effectiveNamespace(kubeconfig().config, flags.str('context'), flags.str('namespace'))),
      explicitNamespace: flags.changed('namespace') && !!flags.str('namespace'),
      out: (s) => { if (s) ctx.stdout(s); },
      err: (s) => { if (s) ctx.stderr(s); },
    };
    return await verb(env);
  } catch (e) {
    ctx.stderr(formatError(e));
    return e instanceof KubectlError ? e.exitCode : 1;
  }
}
