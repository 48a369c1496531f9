export { createSandbox } from './sandbox';
export type { Sandbox, SandboxOptions, RunResult, RunIO } from './sandbox';
export { createCluster } from './cluster';
export type { Cluster, ClusterOptions } from './cluster';
export { VirtualClock, DEFAULT_EPOCH, InterruptController } from './util';
