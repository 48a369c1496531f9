/**
 * The headless sandbox: `npm run -s sandbox [-- --echo] [--seed N] [--script FILE]`.
 * Reads shell input from stdin (or a script file), runs each complete input in the simulated
 * shell and prints exactly what the terminal would show. Virtual time advances only when a
 * command waits (sleep, kubectl wait/delete/-w), so output is repeatable for a given seed.
 *
 * The input stands for a terminal: `kubectl exec -it POD -- sh` opens the container's shell and the
 * following lines go to it until `exit` (echoed after the container's prompt, `/ # `), as if typed. Real
 * kubectl reading a pipe would print `Unable to use a TTY - input is not a terminal or the right kind
 * of file` and feed the rest of the input to the shell without prompts; the transcript is the same
 * apart from that line and the prompts, and a script reads like the session it reproduces.
 */
import { readFileSync } from 'node:fs';
import { createSandbox } from '../../engine';

interface CliOptions { echo: boolean; seed?: number; script?: string; loadBalancer?: 'cloud' | 'none' }

const USAGE = `Usage: npm run -s sandbox -- [--echo] [--seed N] [--script FILE] [--load-balancer cloud|none]
       npm run -s sandbox -- serve [--port N] [--kubeconfig FILE] [--speed N] [--seed N]

Runs shell input from stdin (or FILE) against a fresh simulated Kubernetes v1.32 cluster.
  --echo         print "$ <line>" before each input (continuation lines as "> <line>")
  --seed N       seed for the cluster's randomness (default 42): same seed, same output
  --script FILE  read input from FILE instead of stdin
  --load-balancer cloud|none
                 cloud (default): LoadBalancer Services get an external IP after ~40 s;
                 none: they stay <pending>, as on bare metal
  -h, --help     show this help
`;

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { echo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) fail(`option ${a} needs a value`);
      return v;
    };
    if (a === '--echo') opts.echo = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const n = Number(value());
      if (!Number.isInteger(n)) fail('--seed needs an integer');
      opts.seed = n;
    } else if (a === '--script' || a.startsWith('--script=')) opts.script = value();
    else if (a === '--load-balancer' || a.startsWith('--load-balancer=')) {
      const v = value();
      if (v !== 'cloud' && v !== 'none') fail('--load-balancer is cloud or none');
      opts.loadBalancer = v;
    }
    else if (a === '-h' || a === '--help') { process.stdout.write(USAGE); process.exit(0); }
    else fail(`unknown option: ${a}`);
  }
  return opts;
}

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n${USAGE}`);
  process.exit(2);
}

async function readInput(opts: CliOptions): Promise<string> {
  if (opts.script) {
    try { return readFileSync(opts.script, 'utf8'); } catch (e) { fail(`cannot read ${opts.script}: ${(e as Error).message}`); }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return (await import('./http/serve')).serve(process.argv.slice(3));
  const opts = parseArgs(process.argv.slice(2));
  const input = await readInput(opts);
  const sandbox = createSandbox({ seed: opts.seed, loadBalancer: opts.loadBalancer });
  // The simulated terminal is as much a TTY as the real stdout is (curl's progress meter, ls columns, colours).
  const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s), isTTY: process.stdout.isTTY === true };
  const lines = input.split('\n');
  if (lines.at(-1) === '') lines.pop();

  let pending: string[] = [];
  for (const line of lines) {
    // Inside `kubectl exec -it POD -- sh` the container shell's prompt (`/ # `) is echoed instead of `$ `.
    const nested = sandbox.prompt();
    if (opts.echo) process.stdout.write(`${pending.length ? '> ' : nested ?? '$ '}${line}\n`);
    pending.push(line);
    const text = pending.join('\n');
    if (nested === undefined && sandbox.shell.needsMore(text)) continue;
    pending = [];
    if (!text.trim()) continue;
    await sandbox.run(text, io);
    if (sandbox.shell.exited) break;
  }
  if (pending.length) await sandbox.run(pending.join('\n'), io);
  sandbox.cluster.stop();
  process.exitCode = sandbox.shell.lastStatus;
}

main().catch((e: unknown) => {
  process.stderr.write(`sandbox: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
