export * from './types';
export type { KObject, Status, StatusCause } from '../types';
export { createApiServer, VERSION_INFO, parsePath, scaleOf, encodeBody } from './server';
export type { ApiServer, ParsedPath } from './server';
export { createClient, resourcePath } from './client';
export { Registry, BUILTIN_RESOURCES, subresourceInfo, behaviourOf } from './registry';
export type { SubresourceInfo, ResourceBehaviour } from './registry';
export {
  statusFailure, statusSuccess, notFound, alreadyExists, conflict, forbidden, badRequest, invalid, methodNotSupported,
  methodNotAllowed, pathNotFound, expired, internalError, unsupportedMediaType, toApiError, qualifiedResource, qualifiedKind,
  OPTIMISTIC_LOCK_MESSAGE,
} from './errors';
export type { GroupResourceRef } from './errors';
export * from './selectors';
export { SERVICE_ACCOUNT_MOUNT_PATH, SYSTEM_PRIORITY_CLASSES } from './admission';
