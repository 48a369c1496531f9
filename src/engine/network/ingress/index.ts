export {
  createIngressRouter, isControllerPod, handledBy, classOf, nginxIngresses, pathMatches, hasReadyEndpoints, hostOf, routeOver,
  CONTROLLER_CLASS, INGRESS_CLASS, DEFAULT_CLASS_ANNOTATION, CATCH_ALL, CONTROLLER_LABELS,
} from './router';
export { serveIngressRequest, upstreamName, HSTS } from './serve';
export { createIngressStatusController, STATUS_SYNC_MS, INITIAL_SYNC_MS } from './status';
export { cannedManifest, ingressNginxManifest, ingressNginxObjects, installIngressNginx, INGRESS_NGINX_VERSION } from './manifest';
export type { Provider } from './manifest';
