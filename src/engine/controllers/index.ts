export type { Controller, ControllerDeps, ControllerFactory } from './types';
import type { ControllerFactory } from './types';
import { createReplicaSetController } from './replicaset';
import { createDeploymentController } from './deployment';
import { createDaemonSetController } from './daemonset';
import { createJobController } from './job';
import { createCronJobController } from './cronjob';
import { createGarbageCollectorController } from './garbagecollector';
import { createNodeLifecycleController } from './nodelifecycle';
import { createIngressStatusController } from '../network/ingress';
import { createEndpointsController } from './endpoints';
import { createEndpointSliceController } from './endpointslice';
import { createServiceLBController } from './servicelb';
import { createEndpointSliceMirroringController } from './endpointslicemirroring';

/**
 * CONTROLLERS are kube-controller-manager's loops that createCluster starts, by upstream name
 * (the namespace controller is wired separately because it needs the registry).
 */
export const CONTROLLERS: ReadonlyArray<readonly [string, ControllerFactory]> = [
  ['replicaset', createReplicaSetController],
  ['deployment', createDeploymentController],
  ['daemonset', createDaemonSetController],
  ['job', createJobController],
  ['cronjob', createCronJobController],
  ['garbagecollector', createGarbageCollectorController],
  ['nodelifecycle', createNodeLifecycleController],
  ['ingress-nginx', createIngressStatusController],
  ['endpoint', createEndpointsController],
  ['endpointslice', createEndpointSliceController],
  ['endpointslicemirroring', createEndpointSliceMirroringController],
  ['service-lb-controller', createServiceLBController],
];
