export type { EventRecorder, EventType, EventOptions } from './types';
export { createEventRecorder, EVENT_TTL_MS } from './recorder';
export type { EventRecorderOptions } from './recorder';
