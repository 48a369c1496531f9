// Models k8s.io/cli-runtime/pkg/genericclioptions PrintFlags: -o yaml|json|name|jsonpath|custom-columns.
import type { ResourceDef } from '../api/types';
import type { KObject } from '../types';
import type { Env } from './env';
import { fail } from './errors';
import { printCustomColumns, printJson, printJsonPath, printName, printYaml, toList } from './printers';

/** ALLOWED_FORMATS is kubectl get's list of -o values, as its error message prints them. */
export const ALLOWED_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** PrintedObject is an object with the resource it belongs to. */
export interface PrintedObject { obj: KObject; def: ResourceDef }

/** isObjectFormat reports whether -o selects an object printer (not the table). */
export function isObjectFormat(format: string): boolean {
  return format !== '' && format !== 'wide';
}

function readArg(env: Env, value: string): string {
  const path = env.ctx.fs.resolve(env.ctx.cwd, value);
  if (!env.ctx.fs.exists(path)) throw fail(`open ${value}: no such file or directory`);
  return env.ctx.fs.readFile(path);
}

/** formatObjects renders objects for an -o format; single prints the object itself instead of a List; typed keeps key order for json. */
export function formatObjects(env: Env, format: string, items: PrintedObject[], single: boolean, allowed = ALLOWED_FORMATS, typed = false): string {
  const eq = format.indexOf('=');
  const kind = eq < 0 ? format : format.slice(0, eq);
  const arg = eq < 0 ? '' : format.slice(eq + 1);
  // Models printers.OmitManagedFieldsPrinter: json and yaml hide metadata.managedFields unless --show-managed-fields.
  const omit = (kind === 'yaml' || kind === 'json') && !env.flags.bool('show-managed-fields');
  const objs = items.map((i) => (omit ? omitManagedFields(i.obj) : i.obj));
  const target = (): unknown => (single && objs.length === 1 ? objs[0] : toList(objs));
  switch (kind) {
    case 'yaml': return single && objs.length === 1 ? printYaml(objs[0]) : printYaml(toList(objs));
    // Typed objects (client-side generators) print in Go struct order; server objects are maps (sorted keys).
    case 'json': return printJson(target(), { sortKeys: !typed });
    case 'name': return items.map((i) => printName(i.obj, i.def) + '\n').join('');
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      const tpl = kind === 'jsonpath-file' ? readArg(env, arg) : arg;
      if (!tpl) throw fail(`template format specified but no template given`);
      try {
        return printJsonPath(tpl, target());
      } catch (e) {
        throw fail((e as Error).message.replace(/^error: /, ''));
      }
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      const spec = kind === 'custom-columns-file' ? columnsFileSpec(readArg(env, arg)) : arg;
      if (!spec) throw fail('custom-columns format specified but no custom columns given');
      try {
        return printCustomColumns(spec, objs, { noHeaders: env.flags.changed('no-headers') && env.flags.bool('no-headers') });
      } catch (e) {
        throw fail((e as Error).message.replace(/^error: /, ''));
      }
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      throw fail(`go-template output is not supported in this sandbox; use -o jsonpath='{...}' instead`);
    default:
      throw fail(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${allowed}`);
  }
}

/** omitManagedFields returns obj without metadata.managedFields (a shallow copy; obj is not changed). */
export function omitManagedFields(obj: KObject): KObject {
  const md = obj.metadata as Record<string, unknown> | undefined;
  if (!md || md.managedFields === undefined) return obj;
  const { managedFields: _omitted, ...rest } = md;
  return { ...obj, metadata: rest } as KObject;
}

// Models NewCustomColumnsPrinterFromTemplate: a header line and a path line, split on whitespace.
function columnsFileSpec(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length !== 2) throw fail(`invalid template, expected two lines, got ${lines.length}`);
  const heads = lines[0].trim().split(/\s+/);
  const paths = lines[1].trim().split(/\s+/);
  if (heads.length !== paths.length) throw fail(`number of headers (${heads.length}) and field specifications (${paths.length}) don't match`);
  return heads.map((h, i) => `${h}:${paths[i]}`).join(',');
}
