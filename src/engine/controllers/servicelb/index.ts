export { createServiceLBController, LB_CLEANUP_FINALIZER, PROVISION_MIN_MS, PROVISION_SPREAD_MS } from './controller';
export type { ServiceLBController } from './controller';
export { LB_POOL, inPool, pickAddress } from './pool';
