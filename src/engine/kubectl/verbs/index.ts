import type { VerbFn } from '../env';
import { annotateVerb, labelVerb } from './label';
import { apiResourcesVerb, apiVersionsVerb } from './api-resources';
import { applyVerb } from './apply';
import { applyViewLastAppliedVerb } from './apply/view-last-applied';
import { clusterInfoVerb } from './cluster-info';
import { CONFIG_VERBS } from './config';
import { createConfigMapVerb, createDeploymentVerb, createNamespaceVerb, createSecretDockerRegistryVerb, createSecretGenericVerb, createVerb } from './create';
import { deleteVerb } from './delete';
import { createIngressVerb } from './create/ingress';
import { createCronJobVerb, createJobVerb, createServiceClusterIPVerb, createServiceExternalNameVerb, createServiceLoadBalancerVerb, createServiceNodePortVerb } from './create/generators';
import { describeVerb } from './describe';
import { getVerb } from './get';
import { logsVerb } from './logs';
import { runVerb } from './run';
import { versionVerb } from './version';
import { waitVerb } from './wait';
import { topVerb } from './top';
import { scaleVerb } from './scale';
import { exposeVerb } from './expose';
import { patchVerb } from './patch';
import { replaceVerb } from './replace';
import { setImageVerb } from './set-image';
import { setEnvVerb, setResourcesVerb } from './set-env';
import { cordonVerb, uncordonVerb } from './cordon';
import { execVerb } from './exec';
import { portForwardVerb } from './port-forward';
import { proxyVerb } from './proxy';
import { taintVerb } from './taint';
import { eventsVerb } from './events';
import { editVerb } from './edit';
import { drainVerb } from './drain';
import { authCanIVerb, authWhoamiVerb } from './auth';
import { completionVerb } from './completion';
import { diffVerb } from './diff';
import { explainVerb } from './explain';
import { rolloutHistoryVerb, rolloutPauseVerb, rolloutRestartVerb, rolloutResumeVerb, rolloutStatusVerb, rolloutUndoVerb } from './rollout';

/** VERBS maps a command path ('get', 'config view', 'create namespace') to its implementation. */
export const VERBS: Record<string, VerbFn> = {
  get: getVerb,
  describe: describeVerb,
  create: createVerb,
  'create namespace': createNamespaceVerb,
  'create deployment': createDeploymentVerb,
  'create configmap': createConfigMapVerb,
  'create secret generic': createSecretGenericVerb,
  'create secret docker-registry': createSecretDockerRegistryVerb,
  'create job': createJobVerb,
  'create cronjob': createCronJobVerb,
  'create ingress': createIngressVerb,
  'create service clusterip': createServiceClusterIPVerb,
  'create service nodeport': createServiceNodePortVerb,
  'create service loadbalancer': createServiceLoadBalancerVerb,
  'create service externalname': createServiceExternalNameVerb,
  apply: applyVerb,
  'apply view-last-applied': applyViewLastAppliedVerb,
  run: runVerb,
  delete: deleteVerb,
  logs: logsVerb,
  label: labelVerb,
  annotate: annotateVerb,
  'api-resources': apiResourcesVerb,
  'api-versions': apiVersionsVerb,
  version: versionVerb,
  'cluster-info': clusterInfoVerb,
  wait: waitVerb,
  'top node': topVerb,
  'top pod': topVerb,
  scale: scaleVerb,
  expose: exposeVerb,
  patch: patchVerb,
  replace: replaceVerb,
  'set image': setImageVerb,
  'set env': setEnvVerb,
  'set resources': setResourcesVerb,
  cordon: cordonVerb,
  uncordon: uncordonVerb,
  exec: execVerb,
  'port-forward': portForwardVerb,
  proxy: proxyVerb,
  taint: taintVerb,
  events: eventsVerb,
  edit: editVerb,
  drain: drainVerb,
  'auth can-i': authCanIVerb,
  'auth whoami': authWhoamiVerb,
  completion: completionVerb,
  diff: diffVerb,
  explain: explainVerb,
  'rollout status': rolloutStatusVerb,
  'rollout history': rolloutHistoryVerb,
  'rollout undo': rolloutUndoVerb,
  'rollout restart': rolloutRestartVerb,
  'rollout pause': rolloutPauseVerb,
  'rollout resume': rolloutResumeVerb,
  ...Object.fromEntries(Object.entries(CONFIG_VERBS).map(([k, v]) => [`config ${k}`, v])),
};
