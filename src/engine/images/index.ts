export type { ImageSpec, ImageResolution, ImageCatalog, Process, ProgramContext, HttpRequest, HttpResponse, ExecResult, Signal, ExitReason, NetTools } from './types';
export { createImageCatalog, REGISTRIES, DENIED_USER_REPOS } from './catalog';
export { parseReference, formatReference } from './reference';
export type { ParsedRef } from './reference';
export { hex64, sandboxId } from './digest';
export { unixDate } from './sh-run';
export { NGINX_INDEX } from './nginx';
export { INGRESS_ACCESS_HEADER, nginxPage } from './ingress-nginx';
export type { IngressAccess } from './ingress-nginx';
