// STUB: to be replaced by the real controller (workload-controllers issue).
import type { Controller, ControllerDeps } from '../types';

/** createNodeLifecycleController builds the nodelifecycle controller (not implemented yet: does nothing). */
export function createNodeLifecycleController(_deps: ControllerDeps): Controller {
  return { start() {}, stop() {} };
}
