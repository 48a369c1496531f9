import type { ExecResult, HttpRequest, HttpResponse, ImageSpec, Process, ProgramContext, Signal } from './types';
import { execSync, runAsPid1, type ShEnv } from './sh-run';

/** COMMON_BINARIES are the commands every Linux userland here has. */
export const COMMON_BINARIES = ['sh', 'cat', 'ls', 'echo', 'sleep', 'touch', 'rm', 'mkdir', 'date', 'hostname', 'env', 'printenv', 'pwd', 'whoami', 'true', 'false', 'test', 'kill', 'ps', 'mv', 'cp', 'head', 'tail', 'grep', 'wc', 'id', 'uname', 'df', 'mount'];

/** BUSYBOX_BINARIES are busybox applets (also Alpine's userland). */
export const BUSYBOX_BINARIES = [...COMMON_BINARIES, 'ash', 'wget', 'nslookup', 'ping', 'nc', 'telnet', 'vi', 'top', 'free', 'ifconfig', 'ip', 'route', 'netstat', 'traceroute', 'find', 'sed', 'awk', 'tr', 'sort', 'uniq', 'xargs', 'tee', 'du', 'which', 'stat', 'seq', 'yes', 'md5sum', 'sha256sum', 'base64', 'dd', 'chmod', 'chown', 'ln', 'tar', 'gzip', 'gunzip', 'less', 'more'];

/** DEBIAN_BINARIES are the coreutils/bash of slim Debian images (no ping, ps, curl or vi). */
export const DEBIAN_BINARIES = COMMON_BINARIES.filter((b) => b !== 'ps').concat(['bash', 'dash', 'find', 'sed', 'awk', 'tr', 'sort', 'uniq', 'xargs', 'tee', 'du', 'which', 'stat', 'seq', 'yes', 'chmod', 'chown', 'ln', 'tar', 'gzip', 'base64', 'dd', 'apt', 'apt-get', 'dpkg', 'getent']);

/** lineWriter turns written text into whole log lines (a trailing partial line is flushed on exit). */
export function lineWriter(log: (line: string) => void): { write(t: string): void; flush(): void } {
  let buf = '';
  return {
    write(t) {
      buf += t;
      let nl = buf.indexOf('\n');
      while (nl >= 0) { log(buf.slice(0, nl)); buf = buf.slice(nl + 1); nl = buf.indexOf('\n'); }
    },
    flush() { if (buf) { log(buf); buf = ''; } },
  };
}

/** shellEnv builds the tiny shell's environment for a container. */
export function shellEnv(ctx: ProgramContext, binaries: readonly string[], flavor: 'busybox' | 'gnu', out: (t: string) => void): ShEnv {
  // Order as `env` prints it in a containerd container: PATH, HOSTNAME, image ENV, kubelet variables, HOME (added by runc when unset).
  const vars = new Map<string, string>([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', ctx.hostname]]);
  for (const [k, v] of Object.entries(ctx.env)) vars.set(k, v);
  if (!vars.has('HOME')) vars.set('HOME', '/root');
  return { vars, fs: ctx.fs, hostname: ctx.hostname, now: () => ctx.now(), binaries: new Set(binaries), flavor, out, err: out, net: ctx.net };
}

/** ServerBehaviour describes a long-running program for makeServer. */
export interface ServerBehaviour {
  ports: number[];
  http?(req: HttpRequest): HttpResponse;
  /** onSignal returns the ms after which the program exits (with code) on sig, or undefined to ignore it. */
  onSignal?(sig: Signal): { afterMs: number; code: number; lines?: string[] } | undefined;
}

/** makeServer wraps a long-running program: exec runs against the image's userland. */
export function makeServer(ctx: ProgramContext, image: ImageSpec, flavor: 'busybox' | 'gnu', b: ServerBehaviour): Process {
  const pid1 = effectiveArgv(ctx, image).argv;
  const execEnv = () => { const e = shellEnv(ctx, image.binaries, flavor, () => {}); return { vars: e.vars, fs: e.fs, hostname: e.hostname, now: e.now, binaries: e.binaries, flavor, net: e.net, pid1Argv: pid1 }; };
  return {
    listens: (port) => !ctx.exited() && b.ports.includes(port),
    http: b.http,
    signal(sig) {
      if (sig === 'SIGKILL') { ctx.exit(137, 'Error'); return; }
      const r = b.onSignal?.(sig);
      if (!r) return;
      ctx.after(r.afterMs, () => { for (const l of r.lines ?? []) ctx.log(l); ctx.exit(r.code); });
    },
    exec: (argv, stdin, tty): ExecResult => execSync(argv, execEnv(), stdin, tty),
  };
}

/** runCommandLine runs argv as PID 1 through the tiny shell (busybox-style images, command overrides). */
export function runCommandLine(ctx: ProgramContext, image: ImageSpec, flavor: 'busybox' | 'gnu', argv: string[]): Process {
  const w = lineWriter((l) => ctx.log(l));
  // Servers started from the shell (busybox httpd), by port; they live as long as the container.
  const servers = new Map<number, (req: HttpRequest) => HttpResponse>();
  const serve = (port: number, handler: (req: HttpRequest) => HttpResponse) => { if (!ctx.exited()) servers.set(port, handler); };
  const env: ShEnv = { ...shellEnv(ctx, image.binaries, flavor, (t) => w.write(t)), serve, pid1: true };
  const bin = (argv[0] ?? '').split('/').pop() ?? '';
  const proc: Process = {
    listens: (port) => !ctx.exited() && servers.has(port),
    http: (req) => servers.get(req.port)?.(req) ?? { status: 502, body: '' },
    signal(sig) { if (sig === 'SIGKILL') ctx.exit(137, 'Error'); /* a shell as PID 1 has no SIGTERM handler: ignored */ },
    exec: (a, stdin, tty) => execSync(a, { vars: env.vars, fs: env.fs, hostname: env.hostname, now: env.now, binaries: env.binaries, flavor, net: env.net, serve, pid1Argv: argv }, stdin, tty),
  };
  if (!image.binaries.includes(bin) && !['echo', 'true', 'false', 'printf', 'test', '['].includes(bin)) {
    // Models containerd's StartError when the entrypoint is not in the image.
    proc.startError = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`;
    return proc;
  }
  runAsPid1(argv, env, (ms, fn) => { ctx.after(ms, fn); }, (code) => { w.flush(); ctx.exit(code); });
  return proc;
}

/** effectiveArgv combines spec.command/args with the image's ENTRYPOINT/CMD as Docker does. */
export function effectiveArgv(ctx: ProgramContext, image: ImageSpec): { argv: string[]; overridden: boolean } {
  const cmdGiven = ctx.command.length > 0;
  const command = cmdGiven ? ctx.command : image.defaultCommand;
  const args = cmdGiven || ctx.args.length ? ctx.args : image.defaultArgs;
  return { argv: [...command, ...args], overridden: cmdGiven || ctx.args.length > 0 };
}
