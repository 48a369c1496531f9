// The instructor view of a Deployment rollout: old and new ReplicaSets, budget, pause/resume, slow motion.
export { RolloutPanel } from './RolloutPanel';
export { rolloutView, budgetOf, scaledValue, deploymentEntries, autoSelect, REVISION_ANNOTATION } from './model';
export type { RolloutView, RolloutReplicaSet, RolloutPod, Budget, DeploymentEntry } from './model';
