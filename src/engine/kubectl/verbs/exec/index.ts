// Models k8s.io/kubectl/pkg/cmd/exec (the remote command runs through KubectlDeps.exec, the kubelet
// side of pods/exec; `-it ... -- sh` opens an interactive container shell through KubectlDeps.shell).
import { ApiError } from '../../../api/types';
import type { Env } from '../../env';
import { fail, KubectlError } from '../../errors';
import { attachablePod } from '../../attachable';
import { parseDurationFlag } from '../../duration';

/** SHELLS are the programs `kubectl exec -it POD -- <shell>` opens interactively. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** isInteractiveShell tells whether argv starts a shell reading commands from its terminal (no -c, no script). */
export function isInteractiveShell(argv: string[]): boolean {
  const bin = (argv[0] ?? '').split('/').pop() ?? '';
  return SHELLS.has(bin) && argv.slice(1).every((a) => /^-[il]+$/.test(a) || a === '--login');
}

/** execVerb implements `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`. */
export async function execVerb(env: Env): Promise<number> {
  const f = env.flags;
  const dash = f.parsed.dashAt;
  const before = dash >= 0 ? env.args.slice(0, dash) : env.args;
  const command = dash >= 0 ? env.args.slice(dash) : [];
  if (!before.length) throw fail(`pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples`);
  if (before.length > 1 || (dash < 0 && env.args.length > 1)) {
    // Older books write `kubectl exec -it POD bash`; show the form kubectl 1.32 accepts.
    const words = env.ctx.argv.slice(1);
    words.splice(words.indexOf('exec'), 1);
    const flags = words.filter((a) => !before.slice(1).includes(a) && !command.includes(a) && a !== '--');
    const hint = `write the command after --: kubectl exec ${flags.join(' ')} -- ${before.slice(1).concat(command).join(' ')}`;
    throw fail(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`, [hint]);
  }
  if (!command.length) throw fail('you must specify at least one command for the container');
  const ns = env.namespace();
  const timeout = parseDurationFlag('pod-running-timeout', f.str('pod-running-timeout') || '1m0s');
  const { pod } = await attachablePod(env, before[0], ns, timeout);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw fail(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const containers = pod.spec?.containers ?? [];
  let container = f.str('container');
  if (!container) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    container = annotated && containers.some((c) => c.name === annotated) ? annotated : containers[0]?.name ?? '';
    if (containers.length > 1 && !annotated && !f.bool('quiet')) {
      env.err(`Defaulted container "${container}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
    }
  }
  if (!env.deps.exec) throw new KubectlError('error: kubectl exec is not available in this sandbox yet');
  const stdinFlag = f.bool('stdin');
  let tty = f.bool('tty') && stdinFlag;
  const piped = stdinFlag ? env.ctx.stdin : '';
  if (tty && piped) {
    // StreamOptions.SetupTTY: stdin is a pipe or a here-doc, not the terminal.
    if (!f.bool('quiet')) env.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  const podName = pod.metadata.name ?? '';
  if (stdinFlag && !piped && !env.ctx.background && env.deps.shell && isInteractiveShell(command)) {
    // The terminal's next lines go to the container's shell until it exits.
    const r = await env.deps.shell({ namespace: ns, pod: podName, container, command, stdin: '', tty, shell: command[0], out: env.out, err: env.err });
    if ('error' in r) throw new ApiError(r.error);
    if (r.exitCode !== 0) {
      env.err(`command terminated with exit code ${r.exitCode}\n`);
      return r.exitCode;
    }
    return 0;
  }
  const res = env.deps.exec({ namespace: ns, pod: podName, container, command, stdin: piped, tty });
  if ('error' in res) throw new ApiError(res.error);
  // The command ran for durationMs of virtual time (sleep, curl timeouts, DNS retries): wait for it.
  if (res.durationMs && res.durationMs > 0) {
    const finished = await env.ctx.time.sleep(res.durationMs, env.ctx.interrupt);
    if (!finished) return 130;
  }
  env.out(res.stdout);
  env.err(res.stderr);
  if (res.exitCode !== 0) {
    env.err(`command terminated with exit code ${res.exitCode}\n`);
    return res.exitCode;
  }
  return 0;
}
