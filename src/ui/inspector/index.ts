// The inspector: live YAML, describe, events, relations, logs and Exec for the selected object.
export { Inspector } from './Inspector';
export { relationsOf, containerNames, execCommand } from './relations';
export type { Related } from './relations';
