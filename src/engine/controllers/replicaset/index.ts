// STUB: to be replaced by the real controller (workload-controllers issue).
import type { Controller, ControllerDeps } from '../types';

/** createReplicaSetController builds the replicaset controller (not implemented yet: does nothing). */
export function createReplicaSetController(_deps: ControllerDeps): Controller {
  return { start() {}, stop() {} };
}
