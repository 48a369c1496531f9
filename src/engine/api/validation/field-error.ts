/** FieldErrorType mirrors apimachinery field.ErrorType; the string is the Status cause reason. */
export type FieldErrorType =
  | 'FieldValueNotFound' | 'FieldValueRequired' | 'FieldValueDuplicate' | 'FieldValueInvalid'
  | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany'
  | 'InternalError' | 'FieldValueTypeInvalid';

/**
 * FieldError mirrors apimachinery field.Error: field path ('spec.containers[0].image'),
 * type, and the rendered message as field.Error.ErrorBody() prints it
 * (e.g. 'Required value', 'Invalid value: "Nginx": a lowercase RFC 1123 ...').
 */
export interface FieldError { type: FieldErrorType; field: string; message: string }

/** formatFieldError renders 'field: body' as field.Error.Error() does. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${e.message}`;
}
