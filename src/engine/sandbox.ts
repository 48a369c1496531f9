import { createCluster } from './cluster';
import type { Cluster, ClusterOptions } from './cluster';
import { createShell } from './shell';
import type { Shell } from './shell';
import type { ShellHost } from './shell/types';
import { createVfs } from './vfs';
import type { Vfs } from './vfs';
import { createKubectl, createKubectlCompleter, KubectlError } from './kubectl';
import type { ExecRequest } from './kubectl';
import { createTimeDriver } from './util';
import type { TimeDriver } from './util';
import { learnerFiles } from './sandbox-files';
import { createSandboxCommand } from './sandboxctl';
import { createNetCommand, WORKSTATION_NET_COMMANDS } from './network';
import { Terminal, type RunIO, type RunResult } from './sandbox-run';
import { dialInPod, openShell } from './sandbox-kubelet';

export type { RunIO, RunResult } from './sandbox-run';

/** SandboxOptions configure a sandbox: the cluster's options plus the learner's files and time mode. */
export interface SandboxOptions extends ClusterOptions {
  /** files are extra files for the learner's home directory, by absolute path. */
  files?: Record<string, string>;
  /** timeMode 'manual' (default, headless) advances virtual time only when a command waits; 'host' leaves it to the host. */
  timeMode?: 'manual' | 'host';
  /** host offers the shell host features (the browser editor for `vim FILE` and `kubectl edit`); absent headless. */
  host?: ShellHost;
  /** cluster, when given, is used instead of creating one (the HTTP host's tests put the sandbox's kubectl beside the real one). */
  cluster?: Cluster;
}

/** Sandbox is a whole simulated cluster plus the learner's workstation shell. */
export interface Sandbox {
  cluster: Cluster;
  shell: Shell;
  fs: Vfs;
  time: TimeDriver;
  /**
   * run executes one input: a shell line (or several for here-docs and loops), or, while an interactive
   * program such as `kubectl exec -it POD -- sh` reads the terminal, one line for it. It resolves when
   * the input is consumed (the command finished, or the interactive program waits for its next line).
   */
  run(input: string, io?: RunIO): Promise<RunResult>;
  /** prompt is the interactive program's prompt (`/ # `, `root@web:/# `) while one reads the terminal, else undefined (PS1). */
  prompt(): string | undefined;
  /** complete returns Tab candidates (none inside a container shell). */
  complete(line: string, cursor: number): { start: number; candidates: string[] };
  /** apply runs `kubectl apply -f -` with yaml on stdin. */
  apply(yaml: string): Promise<RunResult>;
  /** advance moves virtual time forward by ms. */
  advance(ms: number): void;
}

/** createSandbox builds a cluster, a file system and a shell with kubectl, all on one virtual clock. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const cluster = options.cluster ?? createCluster(options);
  const time = createTimeDriver(cluster.clock, options.timeMode ?? 'manual');
  const fs = createVfs({ files: { '/etc/hostname': 'master\n', ...learnerFiles, ...options.files }, clock: cluster.clock });
  const shell = createShell({ fs, time, clock: cluster.clock, hostname: 'master', host: options.host });
  const terminal = new Terminal(shell);
  const kubectl = createKubectl({
    client: cluster.client, registry: cluster.api.registry, clock: cluster.clock,
    mode: options.timeMode === 'host' ? 'interactive' : 'headless',
    exec: (req) => execInContainer(cluster, req),
    network: cluster.network,
    localNode: 'master',
    dial: (req) => dialInPod(cluster, req),
    shell: (s) => openShell(cluster, time, terminal, s),
  });
  // The control plane reacts within the same instant as a kubectl write (scheduling, the kubelet's
  // first sync), so `kubectl run x; kubectl get pods` shows ContainerCreating as on a real cluster.
  shell.register('kubectl', async (ctx) => {
    const code = await kubectl(ctx);
    cluster.clock.runDue();
    return code;
  });
  shell.register('sandbox', createSandboxCommand(cluster));
  // The learner's terminal runs on `master`: curl, wget, ping, nslookup, … reach the cluster from that node.
  for (const name of WORKSTATION_NET_COMMANDS) shell.register(name, createNetCommand(cluster.network, 'master', () => cluster.clock.now()));
  shell.registerCompleter('kubectl', createKubectlCompleter({ client: cluster.client, registry: cluster.api.registry }));

  // apply (the editor's Apply button) may run beside a terminal command, so it bypasses the Terminal.
  const runDirect = async (input: string, io: RunIO = {}): Promise<RunResult> => {
    let stdout = '', stderr = '', output = '';
    const code = await shell.run(input, {
      stdout: (s) => { stdout += s; output += s; io.stdout?.(s); },
      stderr: (s) => { stderr += s; output += s; io.stderr?.(s); },
      interrupt: io.interrupt,
      isTTY: io.isTTY,
    });
    return { stdout, stderr, output, code };
  };

  return {
    cluster, shell, fs, time,
    run: (input, io) => terminal.run(input, io),
    prompt: () => terminal.prompt(),
    complete: (line, cursor) => (terminal.nested ? { start: cursor, candidates: [] } : shell.complete(line, cursor)),
    apply: (yaml) => {
      const path = '/tmp/.sandbox-apply.yaml';
      fs.writeFile(path, yaml);
      return runDirect(`kubectl apply -f ${path}`).finally(() => fs.remove(path));
    },
    advance: (ms) => { cluster.advance(ms); time.poll(); },
  };
}

/** execInContainer is the kubelet side of pods/exec: it runs argv in the named container's simulated process. */
function execInContainer(cluster: Cluster, req: ExecRequest): { exitCode: number; stdout: string; stderr: string; durationMs?: number } {
  const pod = cluster.client.tryGet('pods', req.namespace, req.pod);
  const node = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
  const running = node ? cluster.kubelet(node)?.container(req.namespace, req.pod, req.container) : undefined;
  // The API server's answer when the kubelet has no running container by that name.
  if (!running) throw new KubectlError(`error: unable to upgrade connection: container not found ("${req.container}")`);
  const { exitCode, stdout, stderr, durationMs } = running.process.exec(req.command, req.stdin, req.tty);
  return { exitCode, stdout, stderr, durationMs };
}
