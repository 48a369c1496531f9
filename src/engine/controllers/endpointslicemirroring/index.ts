export { createEndpointSliceMirroringController, mirrorGroups, MIRROR_CONTROLLER_NAME, SKIP_MIRROR_LABEL, MAX_MIRRORED_PER_SUBSET } from './controller';
export type { EndpointSliceMirroringController } from './controller';
