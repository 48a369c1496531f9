import type { Client } from '../api/types';
import type { EventRecorder } from '../events';
import type { ImageCatalog, NetTools } from '../images';
import type { TrafficTrace } from '../network/types';
import type { Clock, Rng } from '../util';
import type { Ipam } from './ipam';
import type { ServiceLister } from './service-env';
import type { KubeletTimings } from './timings';

/** KubeletCore is the per-node context every pod worker shares. */
export interface KubeletCore {
  nodeName: string;
  hostIP: string;
  client: Client;
  clock: Clock;
  rng: Rng;
  recorder: EventRecorder;
  images: ImageCatalog;
  t: KubeletTimings;
  ipam: Ipam;
  /** services is the Service informer cache behind the containers' service variables. */
  services: ServiceLister;
  /** imageCache is the node's containerd image store: fully qualified ref → digest. */
  imageCache: Map<string, string>;
  /** pulls maps a ref being pulled to the time its pull finishes (pulls of one image are shared). */
  pulls: Map<string, number>;
  /** pullDelay, when it answers, replaces the drawn duration of a cold pull of ref (fault injection: slow registry). */
  pullDelay?(ref: string): number | undefined;
  /** netTools gives a pod's containers their network commands (from the cluster network). */
  netTools?(namespace: string, pod: string): NetTools;
  /** traceProbe publishes the traffic of an http/tcp probe (the network's record), when the cluster has a network. */
  traceProbe?(t: Omit<TrafficTrace, 'id'>): void;
  /** tracing tells whether anyone watches traces now (absent: always). */
  tracing?(): boolean;
  /** forget drops a finished worker from the kubelet's table. */
  forget(key: string, uid: string): void;
}

/** HEX is the alphabet of container IDs. */
export const HEX = '0123456789abcdef';
