// STUB: to be replaced by the real controller (workload-controllers issue).
import type { Controller, ControllerDeps } from '../types';

/** createJobController builds the job controller (not implemented yet: does nothing). */
export function createJobController(_deps: ControllerDeps): Controller {
  return { start() {}, stop() {} };
}
