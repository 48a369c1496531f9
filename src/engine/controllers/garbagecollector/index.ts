// STUB: to be replaced by the real controller (workload-controllers issue).
import type { Controller, ControllerDeps } from '../types';

/** createGarbageCollectorController builds the garbagecollector controller (not implemented yet: does nothing). */
export function createGarbageCollectorController(_deps: ControllerDeps): Controller {
  return { start() {}, stop() {} };
}
