// STUB: to be replaced by the real controller (workload-controllers issue).
import type { Controller, ControllerDeps } from '../types';

/** createDeploymentController builds the deployment controller (not implemented yet: does nothing). */
export function createDeploymentController(_deps: ControllerDeps): Controller {
  return { start() {}, stop() {} };
}
