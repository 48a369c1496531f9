// Models k8s.io/kubectl/pkg/cmd/proxy: a local HTTP server on the learner's node (Network.listenLocal)
// that forwards to the API server, until Ctrl-C or `kill %N`.
import type { Env } from '../../env';
import { fail, KubectlError } from '../../errors';
import { serveUntilStopped, Stopper } from '../../listen';
import { klogPrefix } from '../common';
import { createProxyHandler, regexpList } from './serve';

export { createProxyHandler, regexpList } from './serve';
export type { ProxyFilter, ProxyServerOptions } from './serve';

/** proxyVerb implements `kubectl proxy [--port=PORT] [--address=ADDR] [--api-prefix=P] [--accept-hosts=RE] ...`. */
export async function proxyVerb(env: Env): Promise<number> {
  const f = env.flags;
  const port = f.changed('port') ? f.int('port') : 8001;
  const address = f.str('address') || '127.0.0.1';
  if (f.str('unix-socket') && port !== 8001) throw fail('cannot set --unix-socket and --port at the same time');
  if (f.str('unix-socket')) throw new KubectlError('error: kubectl proxy --unix-socket is not available in this sandbox; use --port');
  let apiPrefix = f.changed('api-prefix') ? f.str('api-prefix') : '/';
  if (!apiPrefix.endsWith('/')) apiPrefix += '/';
  const network = env.deps.network;
  if (!network) throw new KubectlError('error: kubectl proxy is not available in this sandbox (no cluster network)');
  const node = env.deps.localNode ?? 'master';
  const opt = (name: string, def: string) => (f.changed(name) ? f.str(name) : def);
  const filter = f.bool('disable-filter') ? undefined : {
    acceptHosts: regexpList(opt('accept-hosts', '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$')),
    acceptPaths: regexpList(opt('accept-paths', '^.*')),
    rejectPaths: regexpList(opt('reject-paths', '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach')),
    rejectMethods: regexpList(opt('reject-methods', '^$')),
  };
  if (!filter) env.err(`${klogPrefix('W', env.clock.now())} proxy.go:177] Request filter disabled, your proxy is vulnerable to XSRF attacks, please be cautious\n`);
  // server.Listen formats "%s:%d": an IPv6 literal is not bracketed, and Go's net.Listen refuses it.
  if (address.includes(':')) throw fail(`listen tcp: address ${address}:${port}: too many colons in address`);
  const handler = createProxyHandler({ deps: env.deps, network, node, filter, apiPrefix });
  let bound = port;
  let close: (() => void) | 'in-use' = 'in-use';
  if (port === 0) {
    for (let p = 32768 + Math.floor(env.clock.now() / 1000) % 28000, tries = 0; tries < 1000 && close === 'in-use'; tries++, p = p + 1 > 60999 ? 32768 : p + 1) {
      close = network.listenLocal(node, p, handler, 'proxy');
      bound = p;
    }
  } else {
    close = network.listenLocal(node, port, handler, 'proxy');
  }
  if (close === 'in-use') throw fail(`listen tcp ${address}:${port}: bind: address already in use`);
  // A wildcard listener is dual-stack in Go, and its address prints as [::].
  env.out(`Starting to serve on ${address === '0.0.0.0' ? '[::]' : address}:${bound}\n`);
  try {
    // kubectl stops cleanly on SIGINT (exit 0); `kill %N` (SIGTERM) is reported by the shell as 143.
    await serveUntilStopped(env, new Stopper());
    return 0;
  } finally {
    close();
  }
}

