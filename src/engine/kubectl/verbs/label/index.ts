// Models k8s.io/kubectl/pkg/cmd/label and annotate (merge patch of metadata.labels / metadata.annotations).
import { ApiError } from '../../../api/types';
import type { Env } from '../../env';
import { fail, formatError, KubectlError } from '../../errors';
import { collectTargets } from '../../targets';
import { formatObjects } from '../../output';
import { clientResource, kindPrefix } from '../../resources';
import { CHANGE_CAUSE_ANNOTATION } from '../../record';
import { dryRunMode } from '../common';

interface Change { set: Record<string, string>; remove: string[] }

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

// Models cmdutil.GetResourcesAndPairs.
function splitArgs(args: string[], kind: string): { resources: string[]; changes: string[] } {
  const resources: string[] = [];
  const changes: string[] = [];
  for (const a of args) {
    const pair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (pair) changes.push(a);
    else if (changes.length) throw fail(`all resources must be specified before ${kind} changes: ${a}`);
    else resources.push(a);
  }
  return { resources, changes };
}

function parseChanges(changes: string[], kind: 'label' | 'annotation'): Change {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.includes('=')) {
      const i = c.indexOf('=');
      const k = c.slice(0, i), v = c.slice(i + 1);
      if (kind === 'label') {
        if (!LABEL_KEY.test(k) || k.length > 316) throw fail(`invalid label spec: ${c}`);
        if (!LABEL_VALUE.test(v) || v.length > 63) {
          throw fail(`invalid label value: "${c}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
        }
      }
      set[k] = v;
    } else if (c.endsWith('-')) {
      remove.push(c.slice(0, -1));
    } else {
      throw fail(`invalid ${kind} format: ${c}`);
    }
  }
  for (const k of remove) if (k in set) throw fail(`can not both modify and remove ${kind}s in the same command`);
  return { set, remove };
}

/** labelVerb implements `kubectl label`; annotateVerb reuses it for annotations. */
export function labelVerb(env: Env): number { return run(env, 'label'); }

/** annotateVerb implements `kubectl annotate`. */
export function annotateVerb(env: Env): number { return run(env, 'annotation'); }

function run(env: Env, kind: 'label' | 'annotation'): number {
  const f = env.flags;
  const field = kind === 'label' ? 'labels' : 'annotations';
  const files = f.list('filename');
  const { resources, changes } = splitArgs(env.args, kind);
  const list = kind === 'label' && f.bool('list');
  if (!resources.length && !files.length) throw fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (!changes.length && !list) throw fail(`at least one ${kind} update is required`);
  const change = parseChanges(changes, kind);
  const { targets, errors } = collectTargets(env, resources);
  const dry = dryRunMode(env);
  const output = f.str('output');
  for (const { def, obj } of targets) {
    const current = (obj.metadata[field] ?? {}) as Record<string, string>;
    if (list) {
      env.out(`Listing labels for ${def.kind}.${def.group}/${obj.metadata.name}:\n`);
      for (const k of Object.keys(current).sort()) env.out(` ${k}=${current[k]}\n`);
      continue;
    }
    try {
      if (!f.bool('overwrite')) {
        // label.go validateNoOverwrites (an aggregate of errors) vs annotate.go validateNoAnnotationOverwrites
        // (one message; the change-cause annotation may always be overwritten).
        const taken = Object.entries(change.set).filter(([k, v]) => k in current && current[k] !== v && !(kind === 'annotation' && k === CHANGE_CAUSE_ANNOTATION));
        const values = taken.map(([k]) => `'${k}' already has a value (${current[k]})`);
        if (kind === 'annotation' && values.length) throw fail(`--overwrite is false but found the following declared annotation(s): ${values.join('; ')}`);
        const errs = values.map((v) => `${v}, and --overwrite is false`);
        // CheckErr prints an aggregate of several one per line, without `error: `.
        if (errs.length) throw errs.length === 1 ? fail(errs[0]) : new KubectlError(errs.join('\n'));
      }
      const patchField: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(change.set)) if (current[k] !== v) patchField[k] = v;
      for (const k of change.remove) {
        if (k in current) patchField[k] = null;
        else if (kind === 'label') env.out(`label "${k}" not found.\n`);
      }
      const changed = Object.keys(patchField).length > 0;
      let result = obj;
      if (changed && dry !== 'client') {
        const patch: Record<string, unknown> = { metadata: { [field]: patchField } };
        if (f.str('resource-version')) (patch.metadata as Record<string, unknown>).resourceVersion = f.str('resource-version');
        result = env.client.patch(clientResource(def), obj.metadata.namespace, obj.metadata.name ?? '', 'application/merge-patch+json', patch, { dryRun: dry === 'server' });
      }
      if (output) { env.out(formatObjects(env, output, [{ obj: result, def }], true)); continue; }
      // Models label.go updateDataChangeMsg (1.32): "unlabeled" when the object got shorter without --overwrite.
      const next: Record<string, string> = { ...current };
      for (const [k, v] of Object.entries(patchField)) { if (v === null) delete next[k]; else next[k] = v; }
      const shorter = JSON.stringify(next).length < JSON.stringify(current).length;
      const verb = kind === 'label' ? (!changed ? 'not labeled' : !f.bool('overwrite') && shorter ? 'unlabeled' : 'labeled') : 'annotated';
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      env.out(`${kindPrefix(def)}/${obj.metadata.name} ${verb}${suffix}\n`);
    } catch (e) {
      if (e instanceof ApiError || e instanceof Error) errors.push(e);
    }
  }
  for (const e of errors) env.err(formatError(e));
  return errors.length ? 1 : 0;
}
