// STUB (owned by the validation/defaults/patch/printers helper): replace with the real implementation.
import type { KObject } from '../../types';
import type { FieldError } from './field-error';
export type { FieldError, FieldErrorType } from './field-error';
export { formatFieldError } from './field-error';

/** validateCreate returns the field errors the API server reports for a new object of `resource` (plural). */
export function validateCreate(_resource: string, _obj: KObject): FieldError[] { return []; }

/** validateUpdate returns the field errors for replacing old with obj (immutability included). */
export function validateUpdate(_resource: string, _obj: KObject, _old: KObject): FieldError[] { return []; }

/** validateStatusUpdate returns the field errors for a status-subresource write. */
export function validateStatusUpdate(_resource: string, _obj: KObject, _old: KObject): FieldError[] { return []; }
