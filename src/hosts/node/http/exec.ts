/**
 * Stream upgrades: pods/exec over WebSocket (`v5.channel.k8s.io`, kubectl 1.30+: one channel byte
 * before each binary message: 0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize, 255 close-signal)
 * or over SPDY/3.1 (`v4.channel.k8s.io`, kubectl ≤1.29 and the fallback), and pods/portforward
 * (portforward.ts). attach is refused with an HTTP error.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Status } from '../../../engine/api';
import type { PortForwardProvider } from './portforward';
import { isInteractiveShell, startShellSession } from './exec-tty';
import type { ShellSession } from './exec-tty';
import { negotiateSpdyExec, serveSpdyExec, SPDY_EXEC_PROTOCOLS } from './exec-spdy';
import { handlePortForward } from './portforward';
import { isSpdyUpgrade } from './spdy-upgrade';
import { acceptWebSocket, closeFrame, encodeFrame, FrameReader, isWebSocketUpgrade, OP, offeredProtocols } from './websocket';

/** EXEC_PROTOCOL is the only remote-command subprotocol served. */
export const EXEC_PROTOCOL = 'v5.channel.k8s.io';

/** ExecResultLike is the outcome of one command run in a simulated container. */
export interface ExecResultLike { exitCode: number; stdout: string; stderr: string }

/**
 * ExecTarget is a resolved container: run executes argv there (stdin is what the client sent, if any);
 * with tty the command's stderr comes within its stdout, in the order written.
 */
export interface ExecTarget { run(command: string[], stdin: string, tty: boolean): ExecResultLike }

/**
 * ExecProvider resolves namespace/pod/container to a runnable target, or answers the HTTP error
 * the apiserver/kubelet would give before the upgrade (code plus a Status or plain-text body).
 */
export type ExecProvider = (ns: string, pod: string, container: string | undefined) => ExecTarget | { code: number; status?: Status; text?: string };

/** UpgradeOptions are what the upgrade handler needs from the host. */
export interface UpgradeOptions {
  exec?: ExecProvider;
  /** portForward resolves pods/portforward targets; without it port-forward upgrades get 400. */
  portForward?: PortForwardProvider;
  beforeRequest?: () => void;
  afterRequest?: () => void;
  log?: (line: string) => void;
}

const PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|attach|portforward)\/?$/;

const REASONS: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' };

/** writeHttpError answers an upgrade request with a plain HTTP error and closes the socket. */
export function writeHttpError(socket: Duplex, code: number, body: { status?: Status; text?: string }): void {
  const payload = Buffer.from(body.status ? JSON.stringify(body.status) : body.text ?? '', 'utf8');
  const type = body.status ? 'application/json' : 'text/plain; charset=utf-8';
  socket.end(`HTTP/1.1 ${code} ${REASONS[code] ?? 'Error'}\r\nContent-Type: ${type}\r\nContent-Length: ${payload.length}\r\nConnection: close\r\n\r\n` + payload.toString('utf8'));
}

/** badRequest is a 400 Status with message. */
export const badRequest = (message: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 });

/** execStatus is the metav1.Status the v5 protocol sends on channel 3 when the command ends. */
export function execStatus(command: string[], r: ExecResultLike, execId: string): Record<string, unknown> {
  if (r.exitCode === 0) return { metadata: {}, status: 'Success' };
  if (r.exitCode === 126 && r.stderr.startsWith('OCI runtime exec failed')) {
    // Models containerd's answer when the binary is missing: the exec never starts (no exit code).
    return { metadata: {}, status: 'Failure', reason: 'InternalError', code: 500,
      message: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": ${r.stderr.trimEnd()}`,
      details: { causes: [{ message: `error executing command in container: failed to exec in container: failed to start exec "${execId}": ${r.stderr.trimEnd()}` }] } };
  }
  return { metadata: {}, status: 'Failure', reason: 'NonZeroExitCode',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${r.exitCode}`,
    details: { causes: [{ reason: 'ExitCode', message: String(r.exitCode) }] } };
}

/** ExecParams are the pods/exec query parameters a session needs. */
export interface ExecParams { ns: string; pod: string; command: string[]; stdin: boolean; tty: boolean }

/** ExecIO is the transport side of an exec session: channel 1 stdout, 2 stderr, 3 the status JSON. */
export interface ExecIO {
  send(channel: 1 | 2 | 3, data: string): void;
  /** close ends the streams and the connection after the status was sent. */
  close(): void;
}

/** ExecSession receives the client's stdin bytes, its end, and a hang-up. */
export interface ExecSession { stdin(data: Buffer): void; stdinEnd(): void; hangup(): void }

/**
 * runExecSession runs one exec over any transport (WebSocket v5, SPDY v4): a piped stdin is read
 * to EOF before the command runs (simulated programs take their input whole); `-it` with a bare
 * shell gets a line-discipline REPL; otherwise the command runs at once.
 */
export function runExecSession(opts: UpgradeOptions, exec: ExecTarget, p: ExecParams, io: ExecIO): ExecSession {
  let finished = false;
  const run = (argv: string[], input: string): ExecResultLike => {
    opts.beforeRequest?.();
    try { return exec.run(argv, input, p.tty); } finally { opts.afterRequest?.(); }
  };
  const end = (r: ExecResultLike, status: Record<string, unknown>) => {
    if (finished) return;
    finished = true;
    // When the exec never started (InternalError), the runtime's text is only in the Status.
    const stderr = status.reason === 'InternalError' ? '' : r.stderr;
    // A tty merges stderr into stdout and turns \n into \r\n, as the terminal line discipline would.
    const out = p.tty ? (r.stdout + stderr).replace(/\r?\n/g, '\r\n') : r.stdout;
    if (out) io.send(1, out);
    if (!p.tty && stderr) io.send(2, stderr);
    io.send(3, JSON.stringify(status));
    io.close();
  };
  const stdin: Buffer[] = [];
  const finish = () => {
    if (finished) return;
    const r = run(p.command, Buffer.concat(stdin).toString('utf8'));
    end(r, execStatus(p.command, r, execIdOf(p.ns, p.pod, p.command)));
  };

  let session: ShellSession | undefined;
  if (p.stdin && p.tty && isInteractiveShell(p.command)) {
    const probe = run([p.command[0], '-c', ':'], '');
    const status = execStatus(p.command, probe, execIdOf(p.ns, p.pod, p.command));
    if (status.reason === 'InternalError') end(probe, status);
    else {
      const quiet: ExecResultLike = { exitCode: 0, stdout: '', stderr: '' };
      session = startShellSession(p.command[0], {
        run: (argv) => run(argv, ''),
        write: (text) => { if (!finished) io.send(1, text); },
        exit: (code) => end(quiet, execStatus(p.command, { ...quiet, exitCode: code }, '')),
      });
    }
  } else if (!p.stdin || p.tty) {
    // Without stdin (or with a tty but no REPL) there is nothing to wait for.
    finish();
  }
  return {
    stdin: (data) => { if (session) session.input(data); else stdin.push(Buffer.from(data)); },
    stdinEnd: () => { if (session) session.input(Buffer.from([4])); else finish(); },
    hangup: () => {
      if (session) end({ exitCode: 0, stdout: '', stderr: '' }, { metadata: {}, status: 'Success' });
      else if (!finished) finish();
    },
  };
}

/** handleUpgrade serves one HTTP upgrade request (the server's 'upgrade' event): exec/attach over WebSocket or SPDY, port-forward over SPDY (plain or inside a WebSocket). */
export function handleUpgrade(opts: UpgradeOptions, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  socket.on('error', () => socket.destroy());
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const m = PATH.exec(url.pathname);
  const done = (code: number) => opts.log?.(`${req.method} ${req.url} ${code} (upgrade)`);
  if (!m) { done(404); writeHttpError(socket, 404, { status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 } }); return; }
  const [, ns, pod, sub] = m;
  if (sub === 'portforward') { handlePortForward(opts, req, socket, head, decodeURIComponent(ns), decodeURIComponent(pod), done); return; }
  if (sub !== 'exec' || !opts.exec) { done(400); writeHttpError(socket, 400, { status: badRequest(`pods/${sub} streams are not served by the sandbox HTTP host yet`) }); return; }
  const command = url.searchParams.getAll('command');
  const flag = (name: string) => ['true', '1'].includes(url.searchParams.get(name) ?? '');
  const params: ExecParams = { ns: decodeURIComponent(ns), pod: decodeURIComponent(pod), command, stdin: flag('stdin'), tty: flag('tty') };
  opts.beforeRequest?.();
  let target: ReturnType<ExecProvider>;
  try { target = opts.exec(params.ns, params.pod, url.searchParams.get('container') ?? undefined); } finally { opts.afterRequest?.(); }
  if (!('run' in target)) { done(target.code); writeHttpError(socket, target.code, target); return; }
  const spdy = isSpdyUpgrade(req);
  if (!spdy && (!isWebSocketUpgrade(req) || !offeredProtocols(req).includes(EXEC_PROTOCOL))) {
    done(400);
    writeHttpError(socket, 400, { status: badRequest(`only WebSocket (${EXEC_PROTOCOL}) and SPDY/3.1 upgrades are served for pods/exec`) });
    return;
  }
  if (!command.length) { done(400); writeHttpError(socket, 400, { status: badRequest('you must specify at least 1 command') }); return; }
  const exec = target;
  if (spdy) {
    const protocol = negotiateSpdyExec(req);
    if (!protocol) { done(403); writeHttpError(socket, 403, { text: `unable to upgrade: unable to negotiate protocol: client supports ${String(req.headers['x-stream-protocol-version'] ?? '')}, server supports ${SPDY_EXEC_PROTOCOLS.join(', ')}` }); return; }
    done(101);
    serveSpdyExec(opts, exec, params, { stdout: flag('stdout'), stderr: flag('stderr') }, protocol, socket, head);
    return;
  }
  acceptWebSocket(req, socket, EXEC_PROTOCOL);
  done(101);

  const sendWs = (channel: number, data: string) => socket.write(encodeFrame(OP.binary, Buffer.concat([Buffer.from([channel]), Buffer.from(data, 'utf8')])));
  let open = true;
  const exe = runExecSession(opts, exec, params, {
    send: (ch, data) => { if (open) sendWs(ch, data); },
    close: () => { if (!open) return; open = false; socket.write(closeFrame(1000)); socket.end(); },
  });
  const reader = new FrameReader();
  const onBytes = (chunk: Buffer) => {
    for (const msg of reader.push(chunk)) {
      if (msg.opcode === OP.close) { exe.hangup(); return; }
      if (msg.opcode === OP.ping) { socket.write(encodeFrame(OP.pong, msg.data)); continue; }
      if (msg.opcode !== OP.binary || msg.data.length === 0) continue;
      const channel = msg.data[0], payload = msg.data.subarray(1);
      if (channel === 0) exe.stdin(payload);
      // v5 close signal: [255, channel]; stdin (0) closing means EOF, so the command can run.
      else if (channel === 255 && payload[0] === 0) exe.stdinEnd();
    }
  };
  socket.on('data', onBytes);
  socket.on('close', () => { open = false; });
  if (head.length) onBytes(head);
}

function execIdOf(ns: string, pod: string, command: string[]): string {
  // A stable 64-hex exec id, as containerd prints one; derived from the request, not random.
  let h = 0x811c9dc5;
  const s = `${ns}/${pod}/${command.join(' ')}`;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
