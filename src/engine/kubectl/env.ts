import type { Client, ResourceDef } from '../api/types';
import type { Status } from '../types';
import type { CommandContext } from '../shell/types';
import type { Clock } from '../util/clock';
import type { HttpRequest, HttpResponse } from '../images/types';
import type { Network } from '../network/types';
import type { Flags } from './flags';
import type { LoadedConfig } from './kubeconfig';

/** RegistryLike is what kubectl needs from the API registry (discovery plus kubectl's type-name resolution). */
export interface RegistryLike {
  /** resolve maps a type name ('po', 'deploy', 'deployments.apps', 'Pod') to its resources; [] when unknown. */
  resolve(typeName: string): ResourceDef[];
  all(): ResourceDef[];
  get(group: string, plural: string): ResourceDef | undefined;
}

/** KubectlDeps are the services kubectl runs against. */
export interface KubectlDeps {
  client: Client;
  registry: RegistryLike;
  clock: Clock;
  /**
   * mode 'interactive' (browser terminal) makes `get -w` and `logs -f` run until Ctrl-C;
   * 'headless' (default) stops them after WATCH_IDLE_MS of virtual time without a change.
   */
  mode?: 'headless' | 'interactive';
  /** exec runs a command in a container (the kubelet side of pods/exec); absent → `kubectl exec` is unavailable. */
  exec?: ExecFn;
  /** network is the cluster network: `port-forward` and `proxy` bind loopback listeners on localNode through it. */
  network?: Network;
  /** localNode is the node the learner's terminal runs on (default 'master'). */
  localNode?: string;
  /** dial connects to a port inside a pod's network namespace (the kubelet side of pods/portforward). */
  dial?: DialFn;
  /** shell opens an interactive shell session in a container (`kubectl exec -it POD -- sh`); absent → exec runs it once. */
  shell?: ShellFn;
}

/** DialFn connects to port inside the pod: an HTTP handler, a non-HTTP listener ({}), or the runtime's error text. */
export type DialFn = (req: { namespace: string; pod: string; port: number }) => { http?: (req: HttpRequest) => HttpResponse } | { error: string };

/** ShellSession is what ShellFn needs to run an interactive container shell: the exec target and where its terminal writes. */
export interface ShellSession extends ExecRequest {
  /** shell is the program asked for (`sh`, `/bin/bash`, ...). */
  shell: string;
  out(s: string): void;
  err(s: string): void;
}

/** ShellFn runs an interactive shell until it exits and resolves with its exit code (or the API error before it starts). */
export type ShellFn = (s: ShellSession) => Promise<{ exitCode: number } | { error: Status }>;

/** ExecRequest is one `kubectl exec` call. */
export interface ExecRequest { namespace: string; pod: string; container: string; command: string[]; stdin: string; tty: boolean }

/** ExecFn runs a command in a container; it returns the process result or the API error (e.g. container not running). */
export type ExecFn = (req: ExecRequest) => { exitCode: number; stdout: string; stderr: string; durationMs?: number } | { error: Status };

/** Env is what every verb receives: the shell context, the deps, parsed flags and kubeconfig. */
export interface Env {
  ctx: CommandContext;
  deps: KubectlDeps;
  client: Client;
  registry: RegistryLike;
  clock: Clock;
  /** path is the command path ('get', 'config view'). */
  path: string;
  flags: Flags;
  args: string[];
  kubeconfig: () => LoadedConfig;
  /** namespace is the effective namespace (-n, context, default). */
  namespace: () => string;
  /** explicitNamespace is true when -n/--namespace was given. */
  explicitNamespace: boolean;
  out(s: string): void;
  err(s: string): void;
}

/** WATCH_IDLE_MS is how long headless `get -w` / `logs -f` wait without any change before returning. */
export const WATCH_IDLE_MS = 60_000;

/** VerbFn runs one kubectl command and returns its exit status. */
export type VerbFn = (env: Env) => Promise<number> | number;
