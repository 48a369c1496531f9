import type { WriteOptions } from '../../api/types';
import type { Env } from '../env';
import { fail } from '../errors';

/** DryRun is the parsed --dry-run strategy. */
export type DryRun = 'none' | 'client' | 'server';

/**
 * validation maps --validate to the write options kubectl sends (GetValidationDirective): the
 * fieldValidation directive, and the server's warnings printed as `Warning: ...` (--validate=warn).
 * Empty when the verb has no --validate.
 */
export function validation(env: Env): Pick<WriteOptions, 'fieldValidation' | 'onWarning'> {
  if (!env.flags.parsed.specs.has('validate')) return {};
  const v = env.flags.str('validate') || 'strict';
  const onWarning = (w: string) => env.err(`Warning: ${w}\n`);
  if (v === 'true' || v === 'strict') return { fieldValidation: 'Strict', onWarning };
  if (v === 'warn') return { fieldValidation: 'Warn', onWarning };
  if (v === 'false' || v === 'ignore') return { fieldValidation: 'Ignore', onWarning };
  throw fail(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** dryRunMode parses --dry-run as kubectl's GetDryRunStrategy does. */
export function dryRunMode(env: Env): DryRun {
  if (!env.flags.parsed.specs.has('dry-run')) return 'none';
  const v = env.flags.str('dry-run');
  if (v === 'none' || v === '' || v === 'false') return 'none';
  if (v === 'client' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  if (v === 'unchanged') {
    // kubectl still accepts a bare --dry-run and logs a klog warning.
    env.err(`${klogPrefix('W', env.clock.now())} helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n`);
    return 'client';
  }
  throw fail(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** klogPrefix formats klog's header (`W0310 09:00:00.000000       1`) at virtual time ms. */
export function klogPrefix(level: string, ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${level}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}       1`;
}
