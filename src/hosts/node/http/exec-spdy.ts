/**
 * pods/exec over SPDY/3.1 with `v4.channel.k8s.io` (kubectl ≤1.29, and newer kubectl when the
 * WebSocket upgrade is refused): the client opens one stream per channel, tagged by a `streamtype`
 * header (error, stdin, stdout, stderr, resize); once all expected streams exist the command runs,
 * output goes out as DATA on stdout/stderr and the metav1.Status JSON on the error stream.
 * Models k8s.io/kubelet/pkg/cri/streaming/remotecommand (createHTTPStreamStreams, v4 protocol).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { runExecSession } from './exec';
import type { ExecParams, ExecTarget, UpgradeOptions } from './exec';
import { SpdySession } from './spdy';
import type { SpdyStream } from './spdy';
import { acceptSpdy, negotiate } from './spdy-upgrade';

/** SPDY_EXEC_PROTOCOLS are the remote-command protocols served over SPDY (v4 carries Status JSON on the error stream). */
export const SPDY_EXEC_PROTOCOLS = ['v4.channel.k8s.io'];

/** negotiateSpdyExec picks the exec protocol for a SPDY upgrade, or undefined when none is shared. */
export function negotiateSpdyExec(req: IncomingMessage): string | undefined {
  return negotiate(req, SPDY_EXEC_PROTOCOLS);
}

/** serveSpdyExec switches socket to SPDY and runs the exec once the client's streams are open. */
export function serveSpdyExec(opts: UpgradeOptions, exec: ExecTarget, p: ExecParams, want: { stdout: boolean; stderr: boolean },
  protocol: string, socket: Duplex, head: Buffer): void {
  acceptSpdy(socket, protocol);
  const expected = new Set(['error']);
  if (p.stdin) expected.add('stdin');
  if (want.stdout) expected.add('stdout');
  if (want.stderr && !p.tty) expected.add('stderr');
  if (p.tty) expected.add('resize');
  const streams = new Map<string, SpdyStream>();
  let open = true;
  let started = false;
  let onHangup = () => {};
  const session = new SpdySession({
    write: (b) => { if (open) socket.write(b); },
    onError: () => { open = false; socket.destroy(); },
    onStream: (s) => {
      const type = s.headers.streamtype ?? '';
      streams.set(type, s);
      if (started || ![...expected].every((t) => streams.has(t))) return;
      started = true;
      const channel = { 1: 'stdout', 2: 'stderr', 3: 'error' } as const;
      const exe = runExecSession(opts, exec, p, {
        send: (ch, data) => streams.get(channel[ch])?.write(data),
        close: () => {
          if (!open) return;
          for (const st of streams.values()) st.end();
          open = false;
          socket.end();
        },
      });
      onHangup = () => exe.hangup();
      const stdin = streams.get('stdin');
      if (stdin) { stdin.onData((d) => exe.stdin(d)); stdin.onEnd(() => exe.stdinEnd()); }
    },
  });
  socket.on('data', (chunk: Buffer) => session.push(chunk));
  socket.on('close', () => { if (open) { open = false; onHangup(); } });
  if (head.length) session.push(head);
}
