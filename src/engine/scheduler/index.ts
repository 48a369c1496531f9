export { createScheduler, selectHost, DEFAULT_SCHEDULER_NAME } from './scheduler';
export type { Scheduler, SchedulerOptions } from './scheduler';
export { fitErrorMessage, NO_NODES_MESSAGE } from './fit-error';
export { INITIAL_BACKOFF_MS, MAX_BACKOFF_MS, UNSCHEDULABLE_FLUSH_MS } from './queue';
