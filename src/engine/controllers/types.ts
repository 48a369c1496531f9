import type { Client } from '../api/types';
import type { EventRecorder } from '../events';
import type { Clock, Rng } from '../util';

/** Controller is one control loop of kube-controller-manager, started and stopped by createCluster. */
export interface Controller {
  start(): void;
  stop(): void;
}

/** ControllerDeps is what createCluster hands every controller factory. */
export interface ControllerDeps {
  client: Client;
  clock: Clock;
  /** rng is this controller's own seeded stream (so one controller's draws never reshuffle another's). */
  rng: Rng;
  /** recorder returns the event recorder of a component (e.g. 'replicaset-controller'). */
  recorder(component: string, host?: string): EventRecorder;
  /** loadBalancer is ClusterOptions.loadBalancer: 'none' keeps the cloud service controller from running (default 'cloud'). */
  loadBalancer?: 'cloud' | 'none';
}

/** ControllerFactory builds a controller from its dependencies. */
export type ControllerFactory = (deps: ControllerDeps) => Controller;
