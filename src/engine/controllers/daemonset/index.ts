export { createDaemonSetController } from './controller';
export type { DaemonSetController } from './controller';
export { nodeShouldRunDaemonPod, DAEMON_TOLERATIONS } from './predicates';
export { computeHash } from './history';
