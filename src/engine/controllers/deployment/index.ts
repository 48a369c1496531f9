export { createDeploymentController } from './controller';
export type { DeploymentController } from './controller';
export { computeHash, safeEncodeString } from './hash';
export { REVISION_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, HASH_LABEL, equalIgnoreHash } from './util';
