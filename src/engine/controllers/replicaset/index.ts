export { createReplicaSetController, BURST_REPLICAS } from './controller';
export type { ReplicaSetController } from './controller';
export { REPLICA_SET, REPLICATION_CONTROLLER } from './kinds';
export type { WorkloadKind, ReplicatedObject, ReplicaStatus, ReplicaCondition } from './kinds';
export { controllerOf, isPodActive, newControllerRef, podFromTemplate } from './pods';
export { lessForDeletion, podsToDelete } from './ranking';
