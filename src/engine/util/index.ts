export { VirtualClock, DEFAULT_EPOCH } from './clock';
export type { Clock, TimerId } from './clock';
export { createRng, K8S_NAME_ALPHABET } from './rng';
export type { Rng } from './rng';
export { rfc3339, rfc3339Micro, parseTime, humanDuration, translateTimestampSince } from './time';
export { InterruptController, NEVER_INTERRUPTED } from './interrupt';
export type { Interrupt } from './interrupt';
export { createTimeDriver } from './time-driver';
export type { TimeDriver } from './time-driver';
