/** HttpRequest is what a simulated program's HTTP handler receives (probes, Services, curl). */
export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** remoteAddr is the client IP (e.g. the node IP for kubelet probes). */
  remoteAddr: string;
  port: number;
  /** body is the request body (POST/PUT), when the client sent one. */
  body?: string;
}

/** HttpResponse is a simulated program's answer; delayMs lets a handler be slow (probe timeouts). */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
  delayMs?: number;
}

/** ExecResult is the outcome of running one command inside a container. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** durationMs is how long the command ran in virtual time (sleeps inside it), for probe timeouts. */
  durationMs?: number;
  /** files are files the command wrote (`curl -o`, `wget`), by path as given, for the caller's file system. */
  files?: Record<string, string>;
}

/**
 * NetTools runs a network command (curl, wget, nslookup, getent, ping, nc, ip, ifconfig, …) inside a
 * container; it returns undefined when argv[0] is not one it handles. Supplied by the kubelet from the
 * cluster network (images never import the network module).
 */
export type NetTools = (argv: string[], stdin: string, flavor: 'busybox' | 'gnu', tty?: boolean) => ExecResult | undefined;

/** Signal is what the runtime can send a container's PID 1. */
export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT';

/** ExitReason is the reason the runtime reports for a terminated container. */
export type ExitReason = 'Completed' | 'Error' | 'OOMKilled' | 'ContainerCannotRun' | 'StartError';

/** ProgramContext is everything a running program may use: its identity, logging, timers and exit. */
export interface ProgramContext {
  /** hostname is the pod name (or spec.hostname), as `hostname` prints inside the container. */
  hostname: string;
  podIP: string;
  nodeName: string;
  containerName: string;
  /** command and args are the effective entrypoint (spec.command/args or the image defaults). */
  command: string[];
  args: string[];
  env: Record<string, string>;
  /** ports are the containerPorts declared in the pod spec. */
  ports: number[];
  /** memoryLimitBytes is resources.limits.memory, when set. */
  memoryLimitBytes?: number;
  /** fs is the container's writable file system (path → contents), kept across execs of one instance. */
  fs: Map<string, string>;
  now(): number;
  /** log writes one line to the container's stdout/stderr log. */
  log(line: string): void;
  /** after runs fn after ms of virtual time, unless the process has exited; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  /** exit ends PID 1 with code (reason defaults to Completed for 0, Error otherwise). */
  exit(code: number, reason?: ExitReason): void;
  /** exited tells whether the process has already ended. */
  exited(): boolean;
  /** net runs network commands against the cluster network from this pod; absent in unit tests without a network. */
  net?: NetTools;
}

/** Process is a running simulated program (the container's PID 1) as the runtime sees it. */
export interface Process {
  /** listens tells whether something accepts TCP connections on port. */
  listens(port: number): boolean;
  /** http answers one request on port (only called when listens(port)). */
  http?(req: HttpRequest): HttpResponse;
  /** signal delivers a signal; the program reacts through ctx.exit (or ignores it). */
  signal(sig: Signal): void;
  /** exec runs argv inside the container (exec probes, preStop hooks, kubectl exec); stdin is its standard input (`kubectl exec -i`), empty when absent. */
  exec(argv: string[], stdin?: string, tty?: boolean): ExecResult;
  /** startError, when set right after start, means the runtime could not start PID 1 (StartError, exit 128). */
  startError?: string;
}

/** ImageSpec is one simulated image: what it is called, what it weighs, and the program it runs. */
export interface ImageSpec {
  /** repository is the fully qualified name, e.g. `docker.io/library/nginx`. */
  repository: string;
  /** tags that exist (besides `latest`, which always exists unless noLatest). */
  tags: string[];
  /** noLatest marks images without a `latest` tag (registry.k8s.io component images). */
  noLatest?: boolean;
  /** sizeBytes is the compressed size the kubelet reports in `Image size: N bytes.`. */
  sizeBytes: number;
  /** defaultCommand / defaultArgs are the image's ENTRYPOINT and CMD. */
  defaultCommand: string[];
  defaultArgs: string[];
  /** env is the image's ENV (Dockerfile order), e.g. node's NODE_VERSION; PATH, when listed, replaces the default. */
  env?: [string, string][];
  /** binaries are the commands that exist inside the image (for exec and probes). */
  binaries: string[];
  /** description is a one-line summary of what the image is. */
  description: string;
  /** start launches PID 1. */
  start(ctx: ProgramContext): Process;
}

/** ImageResolution is the registry's answer for one image reference. */
export type ImageResolution =
  | { ok: true; image: ImageSpec; ref: string; digest: string; sizeBytes: number }
  | { ok: false; reason: 'NotFound' | 'ManifestUnknown' | 'InvalidName' | 'NoSuchHost'; message: string };

/** ImageCatalog resolves image references against the simulated registries. */
export interface ImageCatalog {
  /** resolve normalizes ref (`nginx` → `docker.io/library/nginx:latest`) and looks it up. */
  resolve(ref: string): ImageResolution;
}
