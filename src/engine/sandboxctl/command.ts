import type { Cluster } from '../cluster';
import { TrafficError } from '../network/traffic';
import type { CommandContext, CommandFn } from '../shell/types';
import { runTraffic } from './traffic';
import { takeFlag, UsageError } from './flags';
import { ADDONS_HELP, runAddons } from './addons';

/** SANDBOX_HELP is the text of `sandbox help`. */
export const SANDBOX_HELP = `Control the simulated machines and registries behind the cluster (fault injection).

Usage:
  sandbox node stop NODE                       Stop the node's kubelet and heartbeats (NotReady after 50s)
  sandbox node start NODE                      Start a stopped node again
  sandbox node add [NAME]                      Join a new worker node (next IP and pod CIDR)
  sandbox node remove NODE                     Delete the node; its pods are garbage-collected
  sandbox node list                            List the nodes and whether their kubelet runs
  sandbox kill POD [-c CONTAINER] [-n NAMESPACE] [--exit-code N]
                                               Kill a running container (exit code 137, SIGKILL, by default)
  sandbox image slow IMAGE [--seconds N]       Make pulls of IMAGE take N seconds (default 60)
  sandbox image fail IMAGE                     Make pulls of IMAGE fail (ErrImagePull)
  sandbox image reset                          Remove every image fault
  sandbox traffic svc/NAME|URL [--rps N] [-n NAMESPACE] [--from POD|node/NODE] [--path PATH]
                                               Send N requests per second (default 5) to a Service or URL
                                               (from the control-plane node unless --from); again: change the rate
  sandbox traffic [status] [-w]                Show who answers: share per version and per pod (last 10s too);
                                               -w prints it again every 2s until Ctrl-C
  sandbox traffic stop [GENERATOR]             Stop every traffic generator (or one)
${ADDONS_HELP}  sandbox help                                 Show this help
`;

/** createSandboxCommand returns the `sandbox` shell command over cluster. */
export function createSandboxCommand(cluster: Cluster): CommandFn {
  return (ctx: CommandContext): number | Promise<number> => {
    const args = ctx.argv.slice(1);
    try {
      return run(cluster, ctx, args);
    } catch (e) {
      if (e instanceof UsageError || e instanceof TrafficError) {
        ctx.stderr(`sandbox: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  };
}

function expectArgs(args: string[], n: number, usage: string): void {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new UsageError(`unknown flag: ${unknown}`);
  if (args.length !== n) throw new UsageError(`usage: ${usage}`);
}

function run(cluster: Cluster, ctx: CommandContext, args: string[]): number | Promise<number> {
  const [group, verb, ...rest] = args;
  if (!group || group === 'help' || group === '--help' || group === '-h' || verb === '--help' || verb === '-h') {
    ctx.stdout(SANDBOX_HELP);
    return 0;
  }
  const done = (msg: string) => { ctx.stdout(`${msg}\n`); cluster.clock.runDue(); return 0; };
  const hasNode = (name: string) => cluster.nodeNames().includes(name);
  if (group === 'node') {
    if (verb === 'list') {
      expectArgs(rest, 0, 'sandbox node list');
      const rows = cluster.nodeNames().map((n) => [n, cluster.nodeStopped(n) ? 'stopped' : 'running']);
      const w = Math.max(4, ...rows.map((r) => r[0].length)) + 3;
      ctx.stdout(`${'NODE'.padEnd(w)}KUBELET\n${rows.map((r) => `${r[0].padEnd(w)}${r[1]}\n`).join('')}`);
      return 0;
    }
    if (verb === 'add') {
      if (rest.length > 1) throw new UsageError('usage: sandbox node add [NAME]');
      if (rest[0] && hasNode(rest[0])) throw new UsageError(`node "${rest[0]}" already exists`);
      if (rest[0] && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(rest[0])) throw new UsageError(`invalid node name "${rest[0]}"`);
      const name = cluster.addNode(rest[0] ? { name: rest[0] } : {});
      return done(`node "${name}" added`);
    }
    if (verb === 'stop' || verb === 'start' || verb === 'remove') {
      expectArgs(rest, 1, `sandbox node ${verb} NODE`);
      const name = rest[0];
      if (!hasNode(name)) throw new UsageError(`node "${name}" not found`);
      if (verb === 'stop') { cluster.stopNode(name); return done(`node "${name}" stopped`); }
      if (verb === 'start') { cluster.startNode(name); return done(`node "${name}" started`); }
      const labels = cluster.client.tryGet('nodes', undefined, name)?.metadata.labels ?? {};
      if ('node-role.kubernetes.io/control-plane' in labels) throw new UsageError(`cannot remove the control-plane node "${name}"`);
      cluster.removeNode(name);
      return done(`node "${name}" removed`);
    }
    throw new UsageError(`unknown command "node ${verb ?? ''}" (see "sandbox help")`);
  }
  if (group === 'kill') {
    const rest2 = args.slice(1);
    const container = takeFlag(rest2, ['-c', '--container']);
    const ns = takeFlag(rest2, ['-n', '--namespace']) ?? 'default';
    const codeText = takeFlag(rest2, ['--exit-code']) ?? '137';
    if (!/^\d+$/.test(codeText) || Number(codeText) > 255) throw new UsageError(`invalid exit code "${codeText}"`);
    expectArgs(rest2, 1, 'sandbox kill POD [-c CONTAINER] [-n NAMESPACE] [--exit-code N]');
    const podName = rest2[0];
    const pod = cluster.client.tryGet('pods', ns, podName);
    if (!pod) throw new UsageError(`pod "${podName}" not found in namespace "${ns}"`);
    const spec = pod.spec as { nodeName?: string; containers?: Array<{ name: string }> } | undefined;
    const cname = container ?? spec?.containers?.[0]?.name ?? '';
    if (!spec?.containers?.some((c) => c.name === cname)) throw new UsageError(`container "${cname}" not found in pod "${podName}"`);
    const kubelet = spec.nodeName ? cluster.kubelet(spec.nodeName) : undefined;
    const code = Number(codeText);
    const killed = kubelet && !cluster.nodeStopped(spec.nodeName ?? '')
      && kubelet.killContainer(ns, podName, cname, code);
    if (!killed) throw new UsageError(`container "${cname}" in pod "${podName}" is not running`);
    return done(`container "${cname}" in pod "${podName}" killed (exit code ${code})`);
  }
  if (group === 'traffic') return runTraffic(cluster, ctx, args.slice(1));
  if (group === 'addons') return runAddons(cluster, ctx, args.slice(1));
  if (group === 'image') {
    if (verb === 'reset') {
      expectArgs(rest, 0, 'sandbox image reset');
      cluster.imageFaults.reset();
      return done('image faults cleared');
    }
    if (verb === 'slow') {
      const secs = takeFlag(rest, ['--seconds']) ?? '60';
      if (!/^\d+$/.test(secs)) throw new UsageError(`invalid seconds "${secs}"`);
      expectArgs(rest, 1, 'sandbox image slow IMAGE [--seconds N]');
      if (!cluster.imageFaults.slow(rest[0], Number(secs) * 1000)) throw new UsageError(`invalid image reference "${rest[0]}"`);
      return done(`pulls of ${rest[0]} now take ${secs}s`);
    }
    if (verb === 'fail') {
      expectArgs(rest, 1, 'sandbox image fail IMAGE');
      if (!cluster.imageFaults.fail(rest[0])) throw new UsageError(`invalid image reference "${rest[0]}"`);
      return done(`pulls of ${rest[0]} now fail`);
    }
    throw new UsageError(`unknown command "image ${verb ?? ''}" (see "sandbox help")`);
  }
  throw new UsageError(`unknown command "${group}" (see "sandbox help")`);
}
