import type { Store } from '../../store';
import type { Clock, Rng } from '../../util';
import type { Registry } from '../registry';
import type { PodLogProvider } from '../types';
import type { EventTTL } from './event-ttl';

/** ServerContext is what every request handler reads: the store, time, randomness and the registry. */
export interface ServerContext {
  store: Store;
  clock: Clock;
  rng: Rng;
  registry: Registry;
  logProvider?: PodLogProvider;
  /** eventTTL expires events an hour after their last write (the etcd lease of --event-ttl). */
  eventTTL: EventTTL;
}
