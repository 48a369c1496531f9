export type { EventRecorder, EventType, EventOptions } from './types';
export { createEventRecorder } from './recorder';
export type { EventRecorderOptions } from './recorder';
export { createEventsV1Recorder, SERIES_FINISH_MS, SERIES_REFRESH_MS } from './events-v1';
export type { EventsV1RecorderOptions } from './events-v1';
