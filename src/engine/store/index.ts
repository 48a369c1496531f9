export { Store, StoreError } from './store';
export type { StoreEvent, StoreEventType, StoreErrorCode, StoreEntry, StoreWatch, StoreOptions, WatchTrigger } from './store';
export { objectKey, resourcePrefix, namespacePrefix, ETCD_PREFIX_OVERRIDES } from './keys';
export type { StoreResourceRef } from './keys';

import { Store, type StoreOptions } from './store';

/** createStore returns an empty Store. */
export function createStore(opts?: StoreOptions): Store { return new Store(opts); }
