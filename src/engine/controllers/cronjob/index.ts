export { createCronJobController } from './controller';
export type { CronJobController } from './controller';
export { nextTime, mostRecentScheduleTime } from './schedule';
export { jobName, SCHEDULED_TIMESTAMP_ANNOTATION } from './jobs';
