import type { HttpRequest, HttpResponse, ImageSpec, ProgramContext } from './types';
import { DEBIAN_BINARIES, effectiveArgv, makeServer, runCommandLine } from './program';
import { httpDate } from './log-time';

/** KubiaVariant selects the app.js of one Kubernetes in Action image. */
export type KubiaVariant = 'v1' | 'v2' | 'v3' | 'unhealthy';

const NODE_BINARIES = [...DEBIAN_BINARIES, 'node', 'npm', 'curl', 'wget', 'ps'];

/** kubiaImage builds luksa/kubia (and any <user>/kubia) from Kubernetes in Action: a Node.js app on 8080. */
export function kubiaImage(repository: string, variant: KubiaVariant): ImageSpec {
  const image: ImageSpec = {
    repository,
    tags: repository === 'docker.io/luksa/kubia' ? ['v1', 'v2', 'v3'] : [],
    sizeBytes: 247_371_562,
    defaultCommand: ['node', 'app.js'],
    defaultArgs: [],
    // ENV of the node:7 base image the book's Dockerfile builds on.
    env: [['NPM_CONFIG_LOGLEVEL', 'info'], ['NODE_VERSION', '7.10.1'], ['YARN_VERSION', '0.24.4']],
    binaries: NODE_BINARIES,
    description: `Kubernetes in Action kubia app (${variant})`,
    start: (ctx) => startKubia(ctx, image, variant),
  };
  return image;
}

function startKubia(ctx: ProgramContext, image: ImageSpec, variant: KubiaVariant) {
  const { argv, overridden } = effectiveArgv(ctx, image);
  if (overridden && !argv.includes('app.js')) return runCommandLine(ctx, image, 'gnu', argv);
  ctx.log('Kubia server starting...');
  let requests = 0;
  const answer = (req: HttpRequest): { status: number; body: string } => {
    ctx.log(`Received request from ::ffff:${req.remoteAddr}`);
    requests++;
    const host = ctx.hostname;
    switch (variant) {
      case 'v2': return { status: 200, body: `This is v2 running in pod ${host}\n` };
      case 'v3':
        if (requests >= 5) return { status: 500, body: `Some internal error has occurred! This is pod ${host}\n` };
        return { status: 200, body: `This is v3 running in pod ${host}\n` };
      case 'unhealthy':
        if (requests > 5) return { status: 500, body: "I'm not well. Please restart me!" };
        return { status: 200, body: `You've hit ${host}\n` };
      default: return { status: 200, body: `You've hit ${host}\n` };
    }
  };
  // node 7's http module after writeHead(): Date, keep-alive and a chunked body (no length; HEAD has no body).
  const http = (req: HttpRequest): HttpResponse => {
    const { status, body } = answer(req);
    const headers: Record<string, string> = { Date: httpDate(ctx.now()), Connection: 'keep-alive' };
    if (req.method === 'HEAD') return { status, headers, body: '' };
    return { status, headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body };
  };
  // node as PID 1 installs no SIGTERM handler, so the signal is ignored until SIGKILL (exit 137).
  return makeServer(ctx, image, 'gnu', { ports: [8080], http, onSignal: () => undefined });
}
