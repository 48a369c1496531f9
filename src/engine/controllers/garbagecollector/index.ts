export { createGarbageCollectorController, FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './controller';
export type { GarbageCollector } from './controller';
export { OwnerGraph } from './graph';
export type { GraphNode } from './graph';
export { MONITORED_RESOURCES, resourceForRef, groupOf } from './resources';
export type { MonitoredResource } from './resources';
