export { createEndpointsController, desiredSubsets, LAST_CHANGE_TRIGGER_TIME, HEADLESS_LABEL } from './controller';
export type { EndpointsController } from './controller';
export { repackSubsets, sortSubsets } from './repack';
export { TriggerTimeTracker } from './trigger';
export { createPodBatcher, createServicePodIndex, BATCH_MS, LARGE_SERVICE } from './watch';
export type { ServicePodIndex } from './watch';
export {
  findPort, hasSelector, isServiceIPSet, podIPOf, podReadyTransition, selects, shouldPodBeInEndpoints, shouldSetHostname, podEndpointsChanged,
} from './pods';
export { md5Hex } from './md5';
export { truncateSubsets, MAX_CAPACITY, OVER_CAPACITY } from './capacity';
