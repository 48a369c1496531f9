// Models k8s.io/kubectl/pkg/cmd/apply/apply_view_last_applied.go: every object's annotation is read
// first, then each is printed as YAML or indented JSON. An object without the annotation is skipped
// when named by argument and fails the command when read from a file: upstream wraps a nil error with
// the file name (AddSourceToErr), hence the odd `<nil>` in that message.
import type { Env } from '../../env';
import { fail, formatError, KubectlError, usageError } from '../../errors';
import { printYaml } from '../../printers/yaml';
import { NO_RESOURCES_MESSAGE } from '../../resources';
import { collectTargets } from '../../targets';
import { LAST_APPLIED } from './last-applied';

/** applyViewLastAppliedVerb implements `kubectl apply view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)`. */
export function applyViewLastAppliedVerb(env: Env): number {
  const f = env.flags;
  if (!env.args.length && !f.list('filename').length) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const { targets, errors } = collectTargets(env, env.args);
  if (errors.length) { env.err(formatError(errors[0])); return 1; }
  const configs: string[] = [];
  for (const t of targets) {
    const config = t.obj.metadata.annotations?.[LAST_APPLIED];
    if (config !== undefined) configs.push(config);
    else if (t.source) throw fail(`error when no last-applied-configuration annotation found on resource: ${t.obj.metadata.name}\n ${JSON.stringify(t.source)}: <nil>`);
  }
  const output = f.str('output');
  for (const config of configs) {
    if (output === 'json') env.out(indentJson(config));
    else if (output === 'yaml') env.out(printYaml(JSON.parse(config)));
    else throw usageError(env.path, `Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`);
  }
  return 0;
}

/**
 * indentJson is Go's json.Indent(src, "", "  "): the text of every token is kept as written (escapes,
 * number spelling), empty objects and arrays stay `{}`/`[]`, and trailing whitespace is kept.
 */
export function indentJson(src: string): string {
  const body = src.trimEnd();
  let out = '';
  let depth = 0;
  const newline = () => { out += '\n' + '  '.repeat(depth); };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') {
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      out += body.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      let j = i + 1;
      while (/\s/.test(body[j] ?? '')) j++;
      if (body[j] === (c === '{' ? '}' : ']')) { out += c + body[j]; i = j; continue; }
      out += c;
      depth++;
      newline();
    } else if (c === '}' || c === ']') {
      depth--;
      newline();
      out += c;
    } else if (c === ',') {
      out += c;
      newline();
    } else if (c === ':') {
      out += ': ';
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out + src.slice(body.length);
}
