import type { Status, StatusCause } from '../types';
import { ApiError, type ResourceDef } from './types';
import type { FieldError } from './validation';

/** GroupResourceRef identifies a resource for error messages ('pods', 'deployments.apps'). */
export interface GroupResourceRef { group: string; plural: string }

/** qualifiedResource renders a GroupResource as upstream does: 'pods', 'deployments.apps'. */
export function qualifiedResource(r: GroupResourceRef): string { return r.group ? `${r.plural}.${r.group}` : r.plural; }

/** qualifiedKind renders a GroupKind: 'Pod', 'Deployment.apps'. */
export function qualifiedKind(d: Pick<ResourceDef, 'group' | 'kind'>): string { return d.group ? `${d.kind}.${d.group}` : d.kind; }

/** statusFailure builds a metav1.Status failure body. */
export function statusFailure(code: number, reason: string, message: string, details?: Status['details']): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

/** statusSuccess builds a metav1.Status success body (deletes, bindings, evictions). */
export function statusSuccess(code = 200, details?: Status['details']): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code };
  if (details) s.details = details;
  return s;
}

function details(r: GroupResourceRef, name: string): Status['details'] {
  return r.group ? { name, group: r.group, kind: r.plural } : { name, kind: r.plural };
}

/** notFound is errors.NewNotFound: `pods "web" not found`. */
export function notFound(r: GroupResourceRef, name: string): ApiError {
  return new ApiError(statusFailure(404, 'NotFound', `${qualifiedResource(r)} "${name}" not found`, details(r, name)));
}

/** alreadyExists is errors.NewAlreadyExists: `pods "web" already exists`. */
export function alreadyExists(r: GroupResourceRef, name: string): ApiError {
  return new ApiError(statusFailure(409, 'AlreadyExists', `${qualifiedResource(r)} "${name}" already exists`, details(r, name)));
}

/** conflict is errors.NewConflict: `Operation cannot be fulfilled on pods "web": <msg>`. */
export function conflict(r: GroupResourceRef, name: string, msg: string): ApiError {
  return new ApiError(statusFailure(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(r)} "${name}": ${msg}`, details(r, name)));
}

/** OPTIMISTIC_LOCK_MESSAGE is registry.OptimisticLockErrorMsg. */
export const OPTIMISTIC_LOCK_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

/** forbidden is errors.NewForbidden: `pods "x" is forbidden: <msg>`. */
export function forbidden(r: GroupResourceRef, name: string, msg: string): ApiError {
  const q = qualifiedResource(r);
  const message = name ? `${q} "${name}" is forbidden: ${msg}` : `${q} is forbidden: ${msg}`;
  return new ApiError(statusFailure(403, 'Forbidden', message, details(r, name)));
}

/** badRequest is errors.NewBadRequest. */
export function badRequest(msg: string): ApiError { return new ApiError(statusFailure(400, 'BadRequest', msg)); }

/** methodNotSupported is errors.NewMethodNotSupported (405). */
export function methodNotSupported(r: GroupResourceRef, action: string): ApiError {
  return new ApiError(statusFailure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualifiedResource(r)}"`, { kind: r.plural, ...(r.group ? { group: r.group } : {}) }));
}

/** methodNotAllowed is the 405 the mux answers for a verb a route does not serve. */
export function methodNotAllowed(): ApiError {
  return new ApiError(statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
}

/** pathNotFound is the 404 for an unknown path. */
export function pathNotFound(): ApiError {
  return new ApiError(statusFailure(404, 'NotFound', 'the server could not find the requested resource', {}));
}

/** expired is errors.NewResourceExpired (410 Gone), used for compacted watches. */
export function expired(msg: string): ApiError { return new ApiError(statusFailure(410, 'Expired', msg)); }

/** internalError is errors.NewInternalError: `Internal error occurred: <msg>`. */
export function internalError(msg: string): ApiError {
  return new ApiError(statusFailure(500, 'InternalError', `Internal error occurred: ${msg}`, { causes: [{ message: msg }] }));
}

/** unsupportedMediaType is the 415 for an unknown Content-Type. */
export function unsupportedMediaType(accepted: string[]): ApiError {
  return new ApiError(statusFailure(415, 'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`));
}

/**
 * invalid is errors.NewInvalid: 422 `<Kind> "<name>" is invalid: <field>: <msg>`, several errors as
 * `[a, b]` (duplicates dropped like utilerrors.NewAggregate), with details.causes.
 */
export function invalid(d: Pick<ResourceDef, 'group' | 'kind'>, name: string, errs: FieldError[]): ApiError {
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: e.message, field: e.field }));
  const msgs = [...new Set(errs.map((e) => `${e.field}: ${e.message}`))];
  const qk = qualifiedKind(d);
  const message = msgs.length === 0 ? `${qk} "${name}" is invalid`
    : msgs.length === 1 ? `${qk} "${name}" is invalid: ${msgs[0]}` : `${qk} "${name}" is invalid: [${msgs.join(', ')}]`;
  return new ApiError(statusFailure(422, 'Invalid', message, { name, ...(d.group ? { group: d.group } : {}), kind: d.kind, causes }));
}

/** toApiError turns anything thrown inside the server into an ApiError (unknown exceptions become 500s). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return internalError(msg);
}
