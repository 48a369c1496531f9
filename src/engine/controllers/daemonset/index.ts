// STUB: to be replaced by the real controller (workload-controllers issue).
import type { Controller, ControllerDeps } from '../types';

/** createDaemonSetController builds the daemonset controller (not implemented yet: does nothing). */
export function createDaemonSetController(_deps: ControllerDeps): Controller {
  return { start() {}, stop() {} };
}
