// `sandbox traffic`: the learner's load generator (one per cluster, created on first use) and its
// status tables. Our own CLI, so the wording is ours; tables are laid out like kubectl's (3-space gaps).
import type { Cluster } from '../cluster';
import { createTrafficGenerator, TrafficError, type TrafficGenerator, type TrafficSourceSpec, type TrafficStats } from '../network/traffic';
import type { CommandContext } from '../shell/types';
import { humanDuration } from '../util';
import { takeFlag } from './flags';

const generators = new WeakMap<Cluster, TrafficGenerator>();

/** trafficGenerator returns the cluster's traffic generator, creating it over cluster.network on first use. */
export function trafficGenerator(cluster: Cluster): TrafficGenerator {
  let g = generators.get(cluster);
  if (!g) generators.set(cluster, (g = createTrafficGenerator(cluster.network, cluster.clock, cluster.client)));
  return g;
}

/** TRAFFIC_USAGE is the usage line of `sandbox traffic TARGET`. */
export const TRAFFIC_USAGE = 'sandbox traffic svc/NAME|URL [--rps N] [-n NAMESPACE] [--from POD|node/NODE] [--path PATH]';

function parseFrom(text: string): TrafficSourceSpec {
  const m = /^(?:(pod|pods|po|node|nodes|no)\/)?([a-z0-9]([-.a-z0-9]*[a-z0-9])?)$/.exec(text);
  if (!m) throw new TrafficError(`invalid --from "${text}": use POD, pod/POD or node/NODE`);
  return { kind: m[1]?.startsWith('n') ? 'node' : 'pod', name: m[2] };
}

/** WATCH_MS is how often `sandbox traffic -w` prints the tables again (virtual time). */
export const WATCH_MS = 2000;

/** runTraffic runs `sandbox traffic ...` (args after `traffic`); it throws TrafficError for usage errors. */
export function runTraffic(cluster: Cluster, ctx: CommandContext, args: string[]): number | Promise<number> {
  const gen = trafficGenerator(cluster);
  const watchFlag = args.findIndex((a) => a === '-w' || a === '--watch');
  const watch = watchFlag >= 0 && (args.length === 1 || args[0] === 'status');
  const [first, ...rest] = watch ? args.filter((_, i) => i !== watchFlag) : args;
  if (first === undefined || first === 'status') {
    if (rest.length) throw new TrafficError('usage: sandbox traffic [status] [-w]');
    ctx.stdout(formatStatus(gen.list()));
    return watch ? watchStatus(gen, ctx) : 0;
  }
  if (first === 'stop') {
    if (rest.length > 1) throw new TrafficError('usage: sandbox traffic stop [GENERATOR]');
    if (rest[0] && !gen.stats(rest[0])) throw new TrafficError(`traffic generator "${rest[0]}" not found`);
    const stopped = gen.stop(rest[0] ?? 'all');
    if (!stopped.length) throw new TrafficError('no traffic generator is running');
    ctx.stdout(stopped.map((s) => `traffic generator ${s.id} stopped: ${s.sent} requests, ${s.failures} failed\n`).join(''));
    return 0;
  }
  const flags = [...args];
  const rpsText = takeFlag(flags, ['--rps']) ?? '5';
  const namespace = takeFlag(flags, ['-n', '--namespace']) ?? 'default';
  const fromText = takeFlag(flags, ['--from']);
  const path = takeFlag(flags, ['--path']);
  const unknown = flags.find((a) => a.startsWith('-'));
  if (unknown) throw new TrafficError(`unknown flag: ${unknown}`);
  if (flags.length !== 1) throw new TrafficError(`usage: ${TRAFFIC_USAGE}`);
  if (!/^\d+(\.\d+)?$/.test(rpsText)) throw new TrafficError(`invalid rate "${rpsText}"`);
  if (path !== undefined && !path.startsWith('/')) throw new TrafficError(`invalid path "${path}": must start with /`);
  const rps = Number(rpsText);
  const opts = { target: flags[0], namespace, from: fromText ? parseFrom(fromText) : undefined, path };
  const existing = gen.find(opts);
  if (existing) {
    gen.setRate(existing, rps);
    ctx.stdout(`traffic generator ${existing}: now ${perSecond(rps)} to ${opts.target}\n`);
    return 0;
  }
  const id = gen.start({ ...opts, rps });
  const s = gen.stats(id)!;
  const nsNote = s.target.includes('://') && !s.from.startsWith('pod/') ? '' : ` in namespace "${s.namespace}"`;
  ctx.stdout(`traffic generator ${id} started: ${perSecond(rps)} from ${s.from} to ${s.target}${s.path !== '/' && !s.target.includes('://') ? ` (path ${s.path})` : ''}${nsNote}\n`);
  return 0;
}

/** watchStatus prints the tables again every WATCH_MS of virtual time until Ctrl-C (exit 130, as kubectl get -w). */
async function watchStatus(gen: TrafficGenerator, ctx: CommandContext): Promise<number> {
  for (;;) {
    const ok = await ctx.time.sleep(WATCH_MS, ctx.interrupt);
    if (!ok || ctx.interrupt.interrupted) return 130;
    ctx.stdout(`\n${formatStatus(gen.list())}`);
  }
}

/** table lays rows out like kubectl's tabwriter: columns padded to the widest cell plus 3 spaces. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('').trimEnd() + '\n').join('');
}

const perSecond = (rps: number) => `${rps} request${rps === 1 ? '' : 's'}/s`;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** bar draws a share as ten cells, for the last-10-seconds column. */
function bar(x: number): string {
  const n = Math.round(x * 10);
  return '█'.repeat(n) + '░'.repeat(10 - n);
}

/** formatStatus renders the status tables of the running generators. */
export function formatStatus(list: TrafficStats[]): string {
  if (!list.length) return 'No traffic generator is running. Start one with: sandbox traffic svc/NAME --rps 5\n';
  const out: string[] = [];
  out.push(table([
    ['GENERATOR', 'TARGET', 'NAMESPACE', 'FROM', 'RATE', 'SENT', 'FAILED', 'AGE'],
    ...list.map((s) => [s.id, s.target + (s.path !== '/' ? s.path : ''), s.namespace, s.from, `${s.rps}/s`, String(s.sent), String(s.failures), humanDuration(s.now - s.startedAt)]),
  ]));
  for (const s of list) {
    const head = list.length > 1 ? `${s.id}: ` : '';
    const secs = Math.round(s.windowMs / 1000);
    if (!s.answered) {
      out.push(`${head}no answers yet${s.lastError ? ` (last error: ${s.lastError})` : ''}\n`);
      continue;
    }
    const title = head ? `${head}${s.target}${s.path !== '/' && !s.target.includes('://') ? s.path : ''} from ${s.from}\n` : '';
    out.push(title + table([
      ['VERSION', 'REVISION', 'ANSWERS', 'SHARE', `LAST ${secs}s`, 'FAILED'],
      ...s.versions.map((v) => [v.version || '<unknown>', v.revision || '<none>', String(v.count), pct(v.share), `${bar(v.recentShare)} ${pct(v.recentShare).padStart(4)}`, String(v.failures)]),
    ]));
    out.push(table([
      ['POD', 'VERSION', 'ANSWERS', 'SHARE', `LAST ${secs}s`, 'FAILED'],
      ...s.pods.map((p) => [p.pod, p.version || '<unknown>', String(p.count), pct(p.share), pct(p.recentShare), String(p.failures)]),
    ]));
    if (s.failures && s.lastError) out.push(`${head}last error: ${s.lastError}\n`);
  }
  return out.join('\n');
}
