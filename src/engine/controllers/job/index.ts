export { createJobController, DEFAULT_BACKOFF_MS, MAX_BACKOFF_MS } from './controller';
export type { JobController } from './controller';
export { TRACKING_FINALIZER } from './pods';
