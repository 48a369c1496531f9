import type { HttpResponse, ImageSpec, ProgramContext, Process } from './types';
import { BUSYBOX_BINARIES, DEBIAN_BINARIES, effectiveArgv, lineWriter, makeServer, runCommandLine } from './program';
import { unixDate } from './sh-run';

/** ServerImageOptions describe a long-running daemon image. */
export interface ServerImageOptions {
  repository: string;
  tags: string[];
  sizeBytes: number;
  ports: number[];
  defaultCommand: string[];
  defaultArgs?: string[];
  flavor?: 'busybox' | 'gnu';
  binaries?: string[];
  noLatest?: boolean;
  description: string;
  /** startLines returns the log lines printed at start (or an error line plus exit code when misconfigured). */
  startLines?(ctx: ProgramContext): string[] | { fail: string[]; code: number };
  /** body answers HTTP on the daemon's ports (200 `ok` by default). */
  http?(ctx: ProgramContext, path: string): HttpResponse;
  /** portsFromSpec makes the daemon listen on the pod's containerPorts (8080 when none). */
  portsFromSpec?: boolean;
  /** stopMs is how long it takes to exit on SIGTERM (undefined: ignores SIGTERM). */
  stopMs?: number;
}

/** serverImage builds a daemon image: logs start lines, listens on ports, answers HTTP, stops on SIGTERM. */
export function serverImage(o: ServerImageOptions): ImageSpec {
  const image: ImageSpec = {
    repository: o.repository, tags: o.tags, noLatest: o.noLatest, sizeBytes: o.sizeBytes,
    defaultCommand: o.defaultCommand, defaultArgs: o.defaultArgs ?? [],
    binaries: o.binaries ?? (o.flavor === 'busybox' ? BUSYBOX_BINARIES : DEBIAN_BINARIES), description: o.description,
    start(ctx): Process {
      const { argv, overridden } = effectiveArgv(ctx, image);
      const main = (o.defaultCommand[0] ?? '').split('/').pop() ?? '';
      if (overridden && main && !argv.some((a) => a.split('/').pop() === main || a.includes('entrypoint'))) return runCommandLine(ctx, image, o.flavor ?? 'gnu', argv);
      const lines = o.startLines?.(ctx) ?? [];
      if (!Array.isArray(lines)) {
        for (const l of lines.fail) ctx.log(l);
        ctx.after(0, () => ctx.exit(lines.code));
        return makeServer(ctx, image, o.flavor ?? 'gnu', { ports: [] });
      }
      for (const l of lines) ctx.log(l);
      const ports = o.portsFromSpec ? (ctx.ports.length ? ctx.ports : [8080]) : o.ports;
      return makeServer(ctx, image, o.flavor ?? 'gnu', {
        ports,
        http: (req) => o.http ? o.http(ctx, req.path) : { status: 200, body: 'ok' },
        onSignal: (sig) => (o.stopMs === undefined || sig === 'SIGINT' ? undefined : { afterMs: o.stopMs, code: 0 }),
      });
    },
  };
  return image;
}

const isoNow = (ctx: ProgramContext) => new Date(ctx.now()).toISOString();

/** REDIS is docker.io/library/redis. */
export const REDIS = serverImage({
  repository: 'docker.io/library/redis', tags: ['6', '6.2', '7', '7.2', '7.4', '7.4.2', 'alpine', '7-alpine', '7.4-alpine', 'bookworm'],
  sizeBytes: 45_263_820, ports: [6379], defaultCommand: ['docker-entrypoint.sh'], defaultArgs: ['redis-server'], binaries: [...DEBIAN_BINARIES, 'redis-server', 'redis-cli'],
  description: 'Redis 7.4 in-memory data store', stopMs: 200,
  startLines: (ctx) => {
    const d = new Date(ctx.now());
    const ts = `${String(d.getUTCDate()).padStart(2, '0')} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
    return [
      `1:C ${ts} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
      `1:C ${ts} * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started`,
      `1:C ${ts} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`,
      `1:M ${ts} * monotonic clock: POSIX clock_gettime`,
      `1:M ${ts} * Running mode=standalone, port=6379.`,
      `1:M ${ts} * Server initialized`,
      `1:M ${ts} * Ready to accept connections tcp`,
    ];
  },
});

/** HTTPD is docker.io/library/httpd (Apache). */
export const HTTPD = serverImage({
  repository: 'docker.io/library/httpd', tags: ['2', '2.4', '2.4.63', 'alpine', '2.4-alpine', 'bookworm'],
  sizeBytes: 58_183_954, ports: [80], defaultCommand: ['httpd-foreground'], binaries: [...DEBIAN_BINARIES, 'httpd', 'apachectl'],
  description: 'Apache HTTP Server 2.4', stopMs: 100,
  startLines: (ctx) => {
    const d = unixDate(ctx.now()).split(' ');
    const t = `[${d[0]} ${d[1]} ${d[2]} ${d[3]}.${String(ctx.now() % 1000).padStart(3, '0')}412 ${d[5]}]`;
    const fqdn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ctx.podIP}. Set the 'ServerName' directive globally to suppress this message`;
    return [fqdn, fqdn, `${t} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations`, `${t} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`];
  },
  http: (_ctx, path) => (path === '/' || path === '/index.html' ? { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' } : { status: 404, body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n' }),
});

/** POSTGRES is docker.io/library/postgres (exits 1 without POSTGRES_PASSWORD, as the real entrypoint does). */
export const POSTGRES = serverImage({
  repository: 'docker.io/library/postgres', tags: ['13', '14', '15', '16', '17', '17.4', 'alpine', '16-alpine', '17-alpine'],
  sizeBytes: 154_832_510, ports: [5432], defaultCommand: ['docker-entrypoint.sh'], defaultArgs: ['postgres'], binaries: [...DEBIAN_BINARIES, 'postgres', 'psql', 'pg_isready'],
  description: 'PostgreSQL 17', stopMs: 300,
  startLines: (ctx) => {
    if (!ctx.env.POSTGRES_PASSWORD && ctx.env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
      return { code: 1, fail: [
        'Error: Database is uninitialized and superuser password is not specified.',
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
        '',
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
        '       connections without a password. This is *not* recommended.',
        '',
        '       See PostgreSQL documentation about "trust":',
        '       https://www.postgresql.org/docs/current/auth-trust.html',
      ] };
    }
    const ts = isoNow(ctx).replace('T', ' ').slice(0, 23) + ' UTC';
    return [`${ts} [1] LOG:  starting PostgreSQL 17.4 (Debian 17.4-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${ts} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`, `${ts} [1] LOG:  database system is ready to accept connections`];
  },
});

/** MYSQL is docker.io/library/mysql (exits 1 without a root password option). */
export const MYSQL = serverImage({
  repository: 'docker.io/library/mysql', tags: ['5.7', '8', '8.0', '8.4', '9', '9.2', 'lts'],
  sizeBytes: 235_164_270, ports: [3306, 33060], defaultCommand: ['docker-entrypoint.sh'], defaultArgs: ['mysqld'], binaries: [...DEBIAN_BINARIES, 'mysqld', 'mysql', 'mysqladmin'],
  description: 'MySQL 9.2', stopMs: 1500,
  startLines: (ctx) => {
    const ts = isoNow(ctx).replace('T', ' ').slice(0, 19) + '+00:00';
    if (!ctx.env.MYSQL_ROOT_PASSWORD && !ctx.env.MYSQL_ALLOW_EMPTY_PASSWORD && !ctx.env.MYSQL_RANDOM_ROOT_PASSWORD) {
      return { code: 1, fail: [`${ts} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.2.0-1.el9 started.`,
        `${ts} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD'] };
    }
    return [`${ts} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.2.0-1.el9 started.`, `${isoNow(ctx)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.2.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`];
  },
});

/** CURL is docker.io/curlimages/curl (entrypoint curl; without arguments it prints usage and exits 2). */
export const CURL: ImageSpec = {
  repository: 'docker.io/curlimages/curl', tags: ['8.12.1', '8.11.1', '8.10.1'], sizeBytes: 10_247_360,
  defaultCommand: ['/entrypoint.sh'], defaultArgs: ['curl'], binaries: [...BUSYBOX_BINARIES, 'curl'],
  description: 'curl 8.12.1 on Alpine',
  start(ctx) {
    const { argv } = effectiveArgv(ctx, CURL);
    const args = argv[0] === '/entrypoint.sh' ? argv.slice(1) : argv;
    if (args[0] === 'curl' || (argv[0] === '/entrypoint.sh' && args[0]?.startsWith('-'))) {
      // curl is PID 1: one run through the pod's network, its output becomes the container log, then it exits.
      const rest = args[0] === 'curl' ? args.slice(1) : args;
      const url = rest.find((a) => !a.startsWith('-'));
      const r = ctx.net?.(['curl', ...rest], '', 'busybox') ?? (url
        ? { exitCode: 6, stdout: '', stderr: `curl: (6) Could not resolve host: ${url.replace(/^\w+:\/\//, '').split(/[/:]/)[0]}\n` }
        : { exitCode: 2, stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n" });
      const w = lineWriter((line) => ctx.log(line));
      ctx.after(r.durationMs ?? 0, () => {
        // The progress meter's last line follows the body, as the two streams interleave on a terminal.
        const cut = r.exitCode === 0 ? r.stderr.lastIndexOf('\r') : -1;
        w.write(cut > 0 ? r.stderr.slice(0, cut) : r.stderr);
        w.write(r.stdout);
        if (cut > 0) w.write(r.stderr.slice(cut));
        w.flush();
        ctx.exit(r.exitCode);
      });
      return makeServer(ctx, CURL, 'busybox', { ports: [] });
    }
    return runCommandLine(ctx, CURL, 'busybox', args);
  },
};

/** PAUSE is registry.k8s.io/pause (sleeps forever; exits on SIGTERM). */
export const PAUSE = serverImage({
  repository: 'registry.k8s.io/pause', tags: ['3.9', '3.10'], noLatest: true, sizeBytes: 320_368, ports: [], defaultCommand: ['/pause'],
  binaries: ['pause'], description: 'Kubernetes pause container', stopMs: 0,
});

/** genericWebApp builds the behaviour of an arbitrary `<user>/<repo>` image: a web app answering 200 on its containerPorts. */
export function genericWebApp(repository: string, sizeBytes: number): ImageSpec {
  const name = repository.split('/').pop() ?? repository;
  return serverImage({
    repository, tags: [], sizeBytes, ports: [], portsFromSpec: true, defaultCommand: ['/app/server'], binaries: BUSYBOX_BINARIES, flavor: 'busybox',
    description: `generic web application ${repository}`, stopMs: 100,
    startLines: (ctx) => [`${name}: listening on ${(ctx.ports.length ? ctx.ports : [8080]).map((p) => `:${p}`).join(', ')}`],
    http: (ctx, path) => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: `<html><body><h1>${name}</h1><p>Hello from ${ctx.hostname} (${path})</p></body></html>\n` }),
  });
}
