export { Registry } from './registry';
export { BUILTIN_RESOURCES, GROUP_ORDER, subresourceInfo, behaviourOf } from './resources';
export type { SubresourceInfo, ResourceBehaviour } from './resources';
