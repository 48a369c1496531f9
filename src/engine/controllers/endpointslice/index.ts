export { createEndpointSliceController, desiredGroups } from './controller';
export type { EndpointSliceController } from './controller';
export { portsKey, reconcileSlices } from './reconciler';
export type { Slice, SliceGroup, SliceTarget } from './reconciler';
export { CONTROLLER_NAME, MANAGED_BY_LABEL, MAX_ENDPOINTS_PER_SLICE, SERVICE_NAME_LABEL, endpointPorts, podToEndpoint, sliceLabels, slicePrefix } from './build';
