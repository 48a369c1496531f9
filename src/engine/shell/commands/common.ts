import type { CommandContext } from '../types';
import { VfsError } from '../../vfs/types';

/** readInput returns a file's text ('-' is stdin) or prints `cmd: file: error` and returns undefined. */
export function readInput(ctx: CommandContext, cmd: string, file: string): string | undefined {
  if (file === '-') return ctx.stdin;
  if (file === '/dev/null') return '';
  try {
    return ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, file));
  } catch (e) {
    ctx.stderr(`${cmd}: ${file}: ${e instanceof VfsError ? e.message : String(e)}\n`);
    return undefined;
  }
}

/** splitLines splits text into lines, dropping the empty string after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** joinLines joins lines, each newline-terminated. */
export function joinLines(lines: string[]): string {
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** errMsg is the strerror text of a caught error. */
export function errMsg(e: unknown): string {
  return e instanceof VfsError ? e.message : e instanceof Error ? e.message : String(e);
}

/** usage prints coreutils' message plus the "Try 'cmd --help'" hint and returns 1 (or the given status). */
export function usage(ctx: CommandContext, cmd: string, msg: string, status = 1): number {
  ctx.stderr(`${cmd}: ${msg}\nTry '${cmd} --help' for more information.\n`);
  return status;
}

/** ParsedArgs is the result of parseArgs: flags seen, option values, and operands. */
export interface ParsedArgs { flags: Set<string>; values: Map<string, string[]>; operands: string[]; error?: string }

/**
 * parseArgs parses getopt-style short options (bundled, -nVALUE, -n VALUE), long options
 * (--name, --name=value) and `--`. withValue lists options that take a value (short char or long name).
 */
export function parseArgs(args: string[], withValue: string[], aliases: Record<string, string> = {}): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (k: string, v: string) => { const key = aliases[k] ?? k; values.set(key, [...(values.get(key) ?? []), v]); };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { operands.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (withValue.includes(name)) {
        if (eq >= 0) add(name, a.slice(eq + 1));
        else if (i + 1 < args.length) add(name, args[++i]);
        else return { flags, values, operands, error: `option '--${name}' requires an argument` };
      } else flags.add(aliases[name] ?? name);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        if (withValue.includes(c)) {
          const rest = a.slice(k + 1);
          if (rest) add(c, rest);
          else if (i + 1 < args.length) add(c, args[++i]);
          else return { flags, values, operands, error: `option requires an argument -- '${c}'` };
          break;
        }
        flags.add(aliases[c] ?? c);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

/** lastValue returns the last value given for an option. */
export function lastValue(p: ParsedArgs, key: string): string | undefined {
  const v = p.values.get(key);
  return v ? v[v.length - 1] : undefined;
}
