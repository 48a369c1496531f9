export { createCluster, DEFAULT_HANDOVER_MS } from './cluster';
export type { Cluster } from './cluster';
export { DEFAULT_NODES, NETWORK, K8S_VERSION, resolveNodes } from './options';
export type { ClusterOptions, NodeSpec, NodeRole, ResolvedNode } from './options';
export * as bootstrap from './bootstrap';
export type { ImageFaults } from './image-faults';
