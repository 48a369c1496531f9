/**
 * Engine benchmark: prints one `name value unit` line per figure.
 * Targets on a 2-core machine: >= 5,000 pods Running per wall second; `kubectl get pods -A`
 * over 5,000 pods < 100 ms.
 */
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../src/engine';
import type { Sandbox } from '../src/engine';

let peakHeap = 0;
const sampleHeap = () => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); };

function workerNodes(n: number) {
  const nodes: Array<{ name: string; role?: 'control-plane' | 'worker'; cpu?: string; memory?: string; pods?: number }> = [{ name: 'master', role: 'control-plane' }];
  for (let i = 1; i <= n; i++) nodes.push({ name: `worker${i}`, role: 'worker', cpu: '64', memory: '256Gi', pods: 250 });
  return nodes;
}

function createPods(sb: Sandbox, count: number, prefix: string): void {
  for (let i = 0; i < count; i++) {
    sb.cluster.client.create('pods', 'default', {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `${prefix}-${i}`, labels: { app: prefix } },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
    });
  }
}

function runningCount(sb: Sandbox, prefix: string): number {
  return sb.cluster.client.list('pods', 'default', { labelSelector: `app=${prefix}`, fieldSelector: 'status.phase=Running' }).length;
}

let lastCpuMs = 0;

/** podsToRunning creates count pods and advances virtual time until all run; returns wall ms (CPU ms in lastCpuMs). */
function podsToRunning(sb: Sandbox, count: number, prefix: string): number {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  createPods(sb, count, prefix);
  for (let step = 0; step < 600 && runningCount(sb, prefix) < count; step++) {
    sb.advance(1000);
    if (step % 10 === 0) sampleHeap();
  }
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  lastCpuMs = (c.user + c.system) / 1000;
  const running = runningCount(sb, prefix);
  if (running < count) throw new Error(`only ${running}/${count} pods reached Running`);
  return ms;
}

async function main() {
  const line = (name: string, value: number, unit: string) => console.log(`${name} ${Number(value.toFixed(2))} ${unit}`);

  const small = createSandbox({ nodes: workerNodes(10) });
  line('pods_1000_to_running_wall', podsToRunning(small, 1000, 'a'), 'ms');
  small.cluster.stop();

  const big = createSandbox({ nodes: workerNodes(25) });
  const ms = podsToRunning(big, 5000, 'b');
  line('pods_running_per_wall_second', 5000 / (ms / 1000), 'pods/s');
  // CPU time is the steadier figure on a shared machine (wall time includes other processes' load).
  line('pods_running_per_cpu_second', 5000 / (lastCpuMs / 1000), 'pods/s');
  sampleHeap();

  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await big.run('kubectl get pods -A');
    best = Math.min(best, performance.now() - t0);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  line('kubectl_get_pods_all_namespaces_5000', best, 'ms');
  sampleHeap();
  big.cluster.stop();

  line('peak_heap', peakHeap / 1024 / 1024, 'MB');
}

main().catch((e) => { console.error(e); process.exit(1); });
