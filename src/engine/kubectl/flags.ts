// Models spf13/pflag as cobra uses it in kubectl: interspersed flags, `--` separator, shorthand clusters.
import { HELP_TEXTS } from './help/help-texts';
import { RECORD_COMMANDS, RECORD_FLAG } from './record';

/** FlagKind is how a flag's value is parsed. */
export type FlagKind = 'bool' | 'string' | 'int' | 'array';

/** FlagSpec describes one flag as kubectl declares it. */
export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  def: string;
  /** noOptDefVal is the value used when the flag is given without `=value` (pflag's NoOptDefVal). */
  noOptDefVal?: string;
}

/** FlagError is a pflag parse error; message is pflag's text (without `error: `). */
export class FlagError extends Error {
  constructor(message: string) { super(message); this.name = 'FlagError'; }
}

/** ParsedFlags is the result of parsing a command line. */
export interface ParsedFlags {
  /** args are the positional arguments (before and after `--`). */
  args: string[];
  /** dashAt is the number of positional args before `--` (-1 when absent), like cobra's ArgsLenAtDash. */
  dashAt: number;
  values: Map<string, string[]>;
  specs: Map<string, FlagSpec>;
}

// Flags whose bare form takes a default value (pflag NoOptDefVal) in kubectl.
const NO_OPT: Record<string, string> = { cascade: 'background', 'dry-run': 'unchanged', validate: 'strict', 'show-events': 'true' };

const specCache = new Map<string, FlagSpec[]>();

/** specsFromHelp extracts the flag declarations from the `Options:` section of a help text. */
export function specsFromHelp(text: string): FlagSpec[] {
  const out: FlagSpec[] = [];
  const re = /^ {4}(?:-(\S), )?--([\w-]+)=(.*):$/gm;
  for (const m of text.matchAll(re)) {
    const raw = m[3];
    let kind: FlagKind = 'string';
    let def = raw;
    if (raw === 'true' || raw === 'false') kind = 'bool';
    else if (raw.startsWith('[')) { kind = 'array'; def = ''; }
    else if (raw.startsWith("'")) def = raw.slice(1, -1);
    else if (/^-?\d+$/.test(raw)) kind = 'int';
    const spec: FlagSpec = { name: m[2], kind, def };
    if (m[1]) spec.short = m[1];
    if (kind === 'bool') spec.noOptDefVal = 'true';
    else if (NO_OPT[m[2]]) spec.noOptDefVal = NO_OPT[m[2]];
    out.push(spec);
  }
  return out;
}

/** commandFlags returns the local plus global flags of the command at path ('get', 'config view'). */
export function commandFlags(path: string): FlagSpec[] {
  let specs = specCache.get(path);
  if (!specs) {
    specs = [...specsFromHelp(HELP_TEXTS[path] ?? ''), ...specsFromHelp(HELP_TEXTS.options), { name: 'help', short: 'h', kind: 'bool', def: 'false', noOptDefVal: 'true' }];
    // Hidden (deprecated) flags are absent from the help texts.
    if (RECORD_COMMANDS.has(path)) specs.push(RECORD_FLAG);
    specCache.set(path, specs);
  }
  return specs;
}

function checkValue(spec: FlagSpec, value: string, shown: string): string {
  if (spec.kind === 'bool') {
    const v = value.toLowerCase();
    if (['1', 't', 'true'].includes(v) || value === 'T' || value === 'TRUE' || value === 'True') return 'true';
    if (['0', 'f', 'false'].includes(v)) return 'false';
    throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
  }
  if (spec.kind === 'int' && !/^[+-]?\d+$/.test(value)) {
    throw new FlagError(`invalid argument "${value}" for "${shown}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
  }
  return value;
}

/** parseFlags parses argv (without the command path) against specs, throwing FlagError as pflag does. */
export function parseFlags(argv: string[], specList: FlagSpec[]): ParsedFlags {
  const specs = new Map<string, FlagSpec>();
  const shorts = new Map<string, FlagSpec>();
  for (const s of specList) {
    if (!specs.has(s.name)) specs.set(s.name, s);
    if (s.short && !shorts.has(s.short)) shorts.set(s.short, s);
  }
  const values = new Map<string, string[]>();
  const set = (spec: FlagSpec, v: string) => {
    const list = values.get(spec.name) ?? [];
    if (spec.kind === 'array' && !STRING_ARRAY.has(spec.name)) list.push(...splitArray(v)); else list.push(v);
    values.set(spec.name, list);
  };
  const args: string[] = [];
  let dashAt = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { dashAt = args.length; args.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = (eq < 0 ? a.slice(2) : a.slice(2, eq)).replace(/_/g, '-');
      const spec = specs.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, checkValue(spec, a.slice(eq + 1), `--${name}`));
      else if (spec.noOptDefVal !== undefined) set(spec, spec.noOptDefVal);
      else if (i + 1 < argv.length) set(spec, checkValue(spec, argv[++i], `--${name}`));
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && a !== '-') {
      let rest = a.slice(1);
      while (rest.length) {
        const c = rest[0];
        const spec = shorts.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (rest.length > 2 && rest[1] === '=') { set(spec, checkValue(spec, rest.slice(2), `-${c}, --${spec.name}`)); rest = ''; break; }
        if (spec.noOptDefVal !== undefined) { set(spec, spec.noOptDefVal); rest = rest.slice(1); continue; }
        if (rest.length > 1) { set(spec, checkValue(spec, rest.slice(1), `-${c}, --${spec.name}`)); rest = ''; break; }
        if (i + 1 < argv.length) { set(spec, checkValue(spec, argv[++i], `-${c}, --${spec.name}`)); break; }
        throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
      }
      continue;
    }
    args.push(a);
  }
  return { args, dashAt, values, specs };
}

// pflag's stringArray flags (help shows them as `[]` too) keep commas: create ingress --rule/--annotation,
// --from-literal, run/set env --env.
const STRING_ARRAY = new Set(['rule', 'annotation', 'from-literal', 'env']);

// pflag's stringSlice reads its value as one CSV record.
function splitArray(v: string): string[] {
  if (v === '') return [];
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < v.length; i++) {
    const ch = v[i];
    if (ch === '"') { q = !q; continue; }
    if (ch === ',' && !q) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Flags is a typed view over ParsedFlags with defaults applied. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}
  get args(): string[] { return this.parsed.args; }
  /** changed reports whether the flag was given on the command line. */
  changed(name: string): boolean { return this.parsed.values.has(name); }
  /** str returns the last value of a flag, or its default. */
  str(name: string): string {
    const v = this.parsed.values.get(name);
    return v && v.length ? v[v.length - 1] : this.parsed.specs.get(name)?.def ?? '';
  }
  /** bool returns a boolean flag's value. */
  bool(name: string): boolean { return this.str(name) === 'true'; }
  /** int returns an integer flag's value. */
  int(name: string): number { return parseInt(this.str(name), 10); }
  /** list returns every value of a repeated/array flag. */
  list(name: string): string[] { return this.parsed.values.get(name) ?? []; }
}
