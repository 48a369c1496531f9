// Models k8s.io/kubectl/pkg/cmd/util RecordFlags (the deprecated --record flag and kubernetes.io/change-cause).
import type { KObject } from '../types';
import type { Env } from './env';
import type { FlagSpec } from './flags';

/** CHANGE_CAUSE_ANNOTATION is kubernetes.io/change-cause, which `rollout history` shows as CHANGE-CAUSE. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** RECORD_COMMANDS are the v1.32 commands that still register the hidden, deprecated --record flag. */
export const RECORD_COMMANDS = new Set([
  'create', 'apply', 'set image', 'set resources', 'set selector', 'set serviceaccount', 'scale', 'patch',
  'annotate', 'label', 'expose', 'autoscale', 'run', 'edit',
]);

/** RECORD_FLAG is the hidden --record flag spec. */
export const RECORD_FLAG: FlagSpec = { name: 'record', kind: 'bool', def: 'false', noOptDefVal: 'true' };

/** RECORD_DEPRECATION is what cobra prints on stderr when --record is used. */
export const RECORD_DEPRECATION = 'Flag --record has been deprecated, --record will be removed in the future\n';

/**
 * changeCause is RecordFlags' change cause when --record=true was given: `kubectl`, the positional
 * words (subcommands included) and every given flag as `--name=value` (parseCommandArguments).
 */
export function changeCause(env: Env): string | undefined {
  if (!env.flags.changed('record') || !env.flags.bool('record')) return undefined;
  const words = [...env.path.split(' ').filter(Boolean), ...env.args];
  let flags = '';
  for (const [name, values] of env.flags.parsed.values) {
    const spec = env.flags.parsed.specs.get(name);
    flags += ` --${name}=${spec?.kind === 'array' ? values.join(',') : values[values.length - 1]}`;
  }
  return `kubectl${words.length ? ' ' + words.join(' ') : ''}${flags}`;
}

/** withChangeCause returns obj with the change-cause annotation set when recording (obj is copied, not mutated). */
export function withChangeCause<T extends KObject>(env: Env, obj: T): T {
  const cause = changeCause(env);
  if (cause === undefined) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause } } };
}

/** changeCausePatch returns the metadata part of a merge patch recording the change cause (or {}). */
export function changeCausePatch(env: Env): Record<string, unknown> {
  const cause = changeCause(env);
  return cause === undefined ? {} : { metadata: { annotations: { [CHANGE_CAUSE_ANNOTATION]: cause } } };
}
