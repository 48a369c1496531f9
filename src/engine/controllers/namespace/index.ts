export { createNamespaceController, DEFAULT_NAMESPACED_RESOURCES } from './controller';
export type { NamespaceController, NamespaceControllerOptions, NamespacedResource } from './controller';
export { createNamespacePublishers } from './publishers';
export type { NamespacePublishers, NamespacePublishersOptions } from './publishers';
