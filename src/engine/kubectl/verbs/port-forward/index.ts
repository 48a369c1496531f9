// Models k8s.io/kubectl/pkg/cmd/portforward and client-go/tools/portforward: local listeners on the
// learner's node (Network.listenLocal) whose connections reach the pod's own localhost:port
// through the kubelet (KubectlDeps.dial), as the CRI streaming server does.
import type { Service } from 'kubernetes-types/core/v1';
import type { LocalHandler } from '../../../network/types';
import type { Env } from '../../env';
import { fail, usageError, KubectlError } from '../../errors';
import { attachablePod } from '../../attachable';
import { parseDurationFlag } from '../../duration';
import { serveUntilStopped, Stopper } from '../../listen';
import { klogPrefix } from '../common';
import { convertPodNamedPortToNumber, joinHostPort, parseAddresses, parsePorts, translateServicePortToTargetPort, type ForwardedPort } from './ports';

export { parsePorts, parseAddresses, joinHostPort } from './ports';
export type { ForwardedPort, ListenAddress } from './ports';

/** EPHEMERAL_BASE is where a random local port (`:5000`) search starts (Linux's ephemeral range). */
const EPHEMERAL_BASE = 32768;

/** portForwardVerb implements `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT [...]`. */
export async function portForwardVerb(env: Env): Promise<number> {
  if (env.args.length < 2) throw usageError('port-forward', 'TYPE/NAME and list of ports are required for port-forward');
  const ns = env.namespace();
  const timeout = parseDurationFlag('pod-running-timeout', env.flags.str('pod-running-timeout') || '1m0s');
  if (timeout <= 0) throw usageError('port-forward', '--pod-running-timeout must be higher than zero');
  const target = await attachablePod(env, env.args[0], ns, timeout);
  const pod = target.pod;
  const podName = pod.metadata.name ?? '';
  const specs = target.kind === 'Service'
    ? translateServicePortToTargetPort(env.args.slice(1), target.obj as Service, pod)
    : convertPodNamedPortToNumber(env.args.slice(1), pod);

  // RunPortForward re-reads the pod before dialing.
  const current = env.client.get<typeof pod>('pods', ns, podName);
  const phase = current.status?.phase ?? 'Pending';
  if (phase !== 'Running') throw fail(`unable to forward port because pod is not running. Current status=${phase}`);

  const addressFlag = env.flags.list('address').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v);
  const addresses = parseAddresses(addressFlag.length ? addressFlag : ['localhost']);
  const ports = parsePorts(specs);
  const network = env.deps.network;
  const dial = env.deps.dial;
  if (!network || !dial) throw new KubectlError('error: kubectl port-forward is not available in this sandbox (no cluster network)');
  const node = env.deps.localNode ?? 'master';

  const stopper = new Stopper();
  const closers: Array<() => void> = [];
  const handlerFor = (port: ForwardedPort): LocalHandler => (req) => {
    env.out(`Handling connection for ${port.local}\n`);
    if (stopper.stopped) return { error: 'refused' };
    const d = dial({ namespace: ns, pod: podName, port: port.remote });
    if ('error' in d) {
      env.err(`${klogPrefix('E', env.clock.now())} portforward.go:424] "Unhandled Error" err="an error occurred forwarding ${port.local} -> ${port.remote}: ${d.error.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`);
      stopper.stop('lost');
      return { error: 'reset' };
    }
    if (!d.http) return { error: 'reset' };
    // The pod sees the connection coming from its own loopback (the CRI dials localhost:port inside its netns).
    return d.http({ ...req, remoteAddr: '127.0.0.1', port: port.remote });
  };

  let anyListening = false;
  for (const port of ports) {
    if (port.local === 0) {
      // The OS picks a free port; start at a time-derived offset so repeated runs differ like real ones.
      for (let p = EPHEMERAL_BASE + Math.floor(env.clock.now() / 1000) % 28000, tries = 0; tries < 1000; tries++, p = p + 1 > 60999 ? EPHEMERAL_BASE : p + 1) {
        const close = network.listenLocal(node, p, handlerFor({ local: p, remote: port.remote }), 'port-forward');
        if (close !== 'in-use') { port.local = p; closers.push(close); break; }
      }
      if (port.local === 0) continue;
    } else {
      const close = network.listenLocal(node, port.local, handlerFor(port), 'port-forward');
      if (close === 'in-use') {
        const errs = addresses.map((a) => `unable to create listener: Error listen ${a.protocol} ${joinHostPort(a.address, port.local)}: bind: address already in use`);
        env.err(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errs.join(' ')}]\n`);
        continue;
      }
      closers.push(close);
    }
    anyListening = true;
    for (const a of addresses) env.out(`Forwarding from ${joinHostPort(a.address, port.local)} -> ${port.remote}\n`);
  }
  if (!anyListening) throw fail(`unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);

  try {
    const how = await serveUntilStopped(env, stopper);
    if (how === 'stopped') throw fail('lost connection to pod');
    // kubectl stops cleanly on SIGINT (exit 0); `kill %N` (SIGTERM) is reported by the shell as 143.
    return 0;
  } finally {
    for (const close of closers) close();
  }
}
