export { createKubelet } from './kubelet';
export type { Kubelet, KubeletDeps, RunningContainer } from './kubelet';
export { DEFAULT_TIMINGS } from './timings';
export type { KubeletTimings, Stage } from './timings';
export { goDuration } from './messages';
export { qosClass } from './status';
export { createServiceLister, serviceEnvVars } from './service-env';
export type { ServiceLister } from './service-env';
export { hostsFile, nodeHostsFile, podHostnameAndDomain, etcHostname } from './etc-files';
