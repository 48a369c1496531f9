// Models k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label, IsQualifiedName, ...) and
// field.Error rendering (ErrorBody): the exact strings learners see in 422 responses.
import type { FieldError } from './field-error';

/** regexError builds validation.RegexError's text (note upstream's double space before ' or '). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  examples.forEach((e, i) => { if (i > 0) s += ' or '; s += `'${e}', `; });
  return `${s}regex used for validation is '${fmt}')`;
}

/** maxLenError is validation.MaxLenError. */
export const maxLenError = (n: number): string => `must be no more than ${n} characters`;
/** inclusiveRangeError is validation.InclusiveRangeError. */
export const inclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;
/** EMPTY_ERROR is validation.EmptyError. */
export const EMPTY_ERROR = 'must be non-empty';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUB_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUB_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

const full = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const dns1123LabelRe = full(DNS1123_LABEL_FMT);
const dns1123SubRe = full(DNS1123_SUB_FMT);
const dns1035Re = full(DNS1035_FMT);
const qnameRe = full(QNAME_FMT);
const labelValueRe = full(LABEL_VALUE_FMT);

/** isDNS1123Label returns the problems with value as an RFC 1123 label (empty when valid). */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1123LabelRe.test(value)) {
    if (dns1123SubRe.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** isDNS1123Subdomain returns the problems with value as an RFC 1123 subdomain. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!dns1123SubRe.test(value)) errs.push(regexError(DNS1123_SUB_MSG, DNS1123_SUB_FMT, 'example.com'));
  return errs;
}

/** isDNS1035Label returns the problems with value as an RFC 1035 label (service names). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1035Re.test(value)) errs.push(regexError(DNS1035_MSG, DNS1035_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** isQualifiedName returns the problems with value as a label key / annotation key ([prefix/]name). */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${EMPTY_ERROR}`);
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [`a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push(`name part ${EMPTY_ERROR}`);
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qnameRe.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** isValidLabelValue returns the problems with a label value. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** isValidPortNum returns the problems with a port number (1-65535). */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** isValidPortName returns the problems with an IANA_SVC_NAME port name. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** isConfigMapKey returns the problems with a ConfigMap/Secret data key. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** isPathSegmentName returns the problems with an RBAC-style path segment name. */
export function isPathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (value.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

// ---- Go value rendering (field.Error.ErrorBody uses %q for strings, %v for numbers, %#v otherwise).

/** goQuote renders a string as Go's %q does (ASCII-safe approximation). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** goMapStringString renders map[string]string as %#v does (keys sorted; nil map when undefined). */
export function goMapStringString(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  return `map[string]string{${Object.keys(m).sort().map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

/** goLabelSelector renders a metav1.LabelSelector value as %#v does. */
export function goLabelSelector(sel: Record<string, any> | undefined | null): string {
  const ml = sel?.matchLabels ? goMapStringString(sel.matchLabels) : 'map[string]string(nil)';
  const exprs: any[] | undefined = sel?.matchExpressions;
  const me = exprs && exprs.length > 0
    ? `[]v1.LabelSelectorRequirement{${exprs.map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ''))}, Operator:${goQuote(String(e.operator ?? ''))}, Values:${e.values ? `[]string{${(e.values as string[]).map(goQuote).join(', ')}}` : '[]string(nil)'}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

/**
 * goIntOrString renders an intstr.IntOrString bad value as v1.32's ErrorBody does (%#v). Servers from
 * v1.33 on print JSON instead (`0`, `"0%"`); keep this in step with the simulated version.
 */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`;
}

/** Raw marks a bad value that is already rendered (a %#v struct) and must be printed verbatim. */
export class Raw { constructor(public readonly text: string) {} }

function renderValue(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map(goQuote).join(', ')}}`;
  if (typeof v === 'object' && Object.values(v as object).every((x) => typeof x === 'string')) return goMapStringString(v as Record<string, string>);
  return JSON.stringify(v);
}

const withDetail = (s: string, detail?: string): string => (detail ? `${s}: ${detail}` : s);

/** required builds field.Required. */
export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, message: withDetail('Required value', detail) });
/** forbidden builds field.Forbidden. */
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, message: withDetail('Forbidden', detail) });
/** invalid builds field.Invalid with the bad value rendered as ErrorBody does. */
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, message: withDetail(`Invalid value: ${renderValue(value)}`, detail) });
/** notFound builds field.NotFound. */
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'FieldValueNotFound', field, message: `Not found: ${renderValue(value)}` });
/** duplicate builds field.Duplicate. */
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, message: `Duplicate value: ${renderValue(value)}` });
/** notSupported builds field.NotSupported with its 'supported values: "a", "b"' detail. */
export const notSupported = (field: string, value: unknown, valid: string[]): FieldError => ({
  type: 'FieldValueNotSupported', field, message: withDetail(`Unsupported value: ${renderValue(value)}`, valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : ''),
});
/** tooLong builds field.TooLong. */
export const tooLong = (field: string, max: number): FieldError => ({ type: 'FieldValueTooLong', field, message: `Too long: may not be more than ${max} bytes` });
/** immutable builds ValidateImmutableField's 'field is immutable' error. */
export const immutable = (field: string, value: unknown): FieldError => invalid(field, value, 'field is immutable');
/** nonNegative returns ValidateNonnegativeField's error when value < 0. */
export function nonNegative(field: string, value: unknown): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}
