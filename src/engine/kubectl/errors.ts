// Models k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr / StandardErrorMessage.
import { ApiError } from '../api/types';
import type { Status } from '../types';

/** KubectlError is a client-side failure; its message is printed as-is (include the `error: ` prefix yourself via usage()). */
export class KubectlError extends Error {
  constructor(message: string, public readonly exitCode = 1, public readonly hints: string[] = []) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** usageError builds kubectl's `error: msg\nSee 'kubectl verb -h' for help and examples` failure. */
export function usageError(path: string, msg: string): KubectlError {
  return new KubectlError(`error: ${msg}\nSee 'kubectl ${path} -h' for help and examples`);
}

/** fail builds a plain `error: msg` failure. */
export function fail(msg: string, hints: string[] = []): KubectlError {
  return new KubectlError(`error: ${msg}`, 1, hints);
}

/** withSource rewrites an API error's message as cmdutil.AddSourceToErr does (`error when creating "f.yaml": ...`). */
export function withSource(err: unknown, verb: string, source: string): unknown {
  if (!source) return err;
  if (err instanceof ApiError) {
    const st: Status = { ...err.status, message: `error when ${verb} "${source}": ${err.status.message ?? ''}` };
    return new ApiError(st);
  }
  if (err instanceof Error) return new Error(`error when ${verb} "${source}": ${err.message}`);
  return err;
}

/** formatStatus renders an API Status the way kubectl's checkErr prints it (no trailing newline). */
export function formatStatus(s: Status): string {
  if (s.reason === 'Invalid' && s.details) {
    const d = s.details;
    let prefix = 'The request is invalid';
    if (d.kind || d.name) prefix = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
    const causes = d.causes ?? [];
    if (causes.length === 1) return `${prefix}: ${causeText(causes[0])}`;
    if (causes.length > 1) return `${prefix}: \n${causes.map((c) => `* ${causeText(c)}`).join('\n')}`;
  }
  return standardMessage(s);
}

/** standardMessage is cmdutil.StandardErrorMessage for an API Status. */
function standardMessage(s: Status): string {
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? ''})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ''}`;
  return `Error from server: ${s.message ?? ''}`;
}

function causeText(c: { field?: string; message?: string }): string {
  return c.field ? `${c.field}: ${c.message ?? ''}` : c.message ?? '';
}

/** formatError turns any thrown value into kubectl's stderr text (with trailing newline). */
export function formatError(err: unknown): string {
  let msg: string;
  if (err instanceof ApiError) msg = formatStatus(err.status);
  else if (err instanceof KubectlError) msg = err.message;
  else if (err instanceof Error) msg = err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
  else msg = `error: ${String(err)}`;
  let out = msg.endsWith('\n') ? msg : msg + '\n';
  if (err instanceof KubectlError) for (const h of err.hints) out += `hint: ${h}\n`;
  return out;
}

/**
 * formatErrors is cmdutil.CheckErr on the errors a multi-object command collected and reports last: one is
 * printed as formatError prints it; several each on one line, a server error in StandardErrorMessage's words
 * (`Error from server (Invalid): <message>`, without the multi-line cause list).
 */
export function formatErrors(errors: unknown[]): string {
  if (errors.length === 1) return formatError(errors[0]);
  return errors.map((e) => (e instanceof ApiError ? `${standardMessage(e.status)}\n` : formatError(e))).join('');
}
