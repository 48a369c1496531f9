// STUB: to be replaced by the real controller (workload-controllers issue).
import type { Controller, ControllerDeps } from '../types';

/** createCronJobController builds the cronjob controller (not implemented yet: does nothing). */
export function createCronJobController(_deps: ControllerDeps): Controller {
  return { start() {}, stop() {} };
}
