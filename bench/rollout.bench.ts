/**
 * Rollout benchmark: prints one `name value unit` line per figure.
 * A 1,000-replica Deployment across 100 worker nodes, rolled to a new image headless;
 * target: < 3 s of wall time until `kubectl rollout status` would report success (also printed as CPU time,
 * which stays meaningful when other processes share the machine).
 */
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../src/engine';
import type { Sandbox } from '../src/engine';

function workerNodes(n: number) {
  const nodes: Array<{ name: string; role?: 'control-plane' | 'worker'; cpu?: string; memory?: string; pods?: number }> = [{ name: 'master', role: 'control-plane' }];
  for (let i = 1; i <= n; i++) nodes.push({ name: `worker${i}`, role: 'worker', cpu: '64', memory: '256Gi', pods: 250 });
  return nodes;
}

interface DeploymentLike { metadata: { generation?: number }; spec?: { replicas?: number }; status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number } }

/** rolledOut is kubectl's DeploymentStatusViewer "successfully rolled out" test. */
function rolledOut(sb: Sandbox, name: string): boolean {
  const d = sb.cluster.client.get('deployments', 'default', name) as unknown as DeploymentLike;
  const s = d.status ?? {};
  const want = d.spec?.replicas ?? 1;
  return (d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0) && (s.updatedReplicas ?? 0) >= want
    && (s.replicas ?? 0) <= (s.updatedReplicas ?? 0) && (s.availableReplicas ?? 0) >= (s.updatedReplicas ?? 0);
}

/** untilRolledOut advances virtual time in 1 s steps until the rollout completes; returns wall ms and virtual s. */
function untilRolledOut(sb: Sandbox, name: string): { wall: number; cpu: number; virtual: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const v0 = sb.cluster.clock.now();
  for (let step = 0; step < 3600 && !rolledOut(sb, name); step++) sb.advance(1000);
  if (!rolledOut(sb, name)) throw new Error(`deployment ${name} did not roll out`);
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, virtual: (sb.cluster.clock.now() - v0) / 1000 };
}

async function main() {
  const line = (name: string, value: number, unit: string) => console.log(`${name} ${Number(value.toFixed(2))} ${unit}`);
  const sb = createSandbox({ nodes: workerNodes(100) });
  const t0 = performance.now();
  sb.cluster.client.create('deployments', 'default', {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 1000,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } },
    },
  });
  const first = untilRolledOut(sb, 'web');
  line('deployment_1000_create_wall', performance.now() - t0, 'ms');
  line('deployment_1000_create_virtual', first.virtual, 's');

  const t1 = performance.now();
  sb.cluster.client.patch('deployments', 'default', 'web', 'application/strategic-merge-patch+json',
    { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } });
  const roll = untilRolledOut(sb, 'web');
  line('rollout_1000_replicas_100_nodes_wall', performance.now() - t1, 'ms');
  // CPU time is the steadier figure on a shared machine (wall time includes other processes' load).
  line('rollout_1000_replicas_100_nodes_cpu', roll.cpu, 'ms');
  line('rollout_1000_replicas_100_nodes_virtual', roll.virtual, 's');
  line('heap_used', process.memoryUsage().heapUsed / 1024 / 1024, 'MiB');
  sb.cluster.stop();
}

void main();
