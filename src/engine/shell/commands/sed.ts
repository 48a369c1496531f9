import type { CommandContext } from '../types';
import { compileRegex } from './regex';
import { errMsg } from './common';

type Addr = { kind: 'step'; first: number; step: number } | { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };
interface Cmd {
  a1?: Addr; a2?: Addr; neg: boolean;
  name: string;
  re?: RegExp; rep?: string; global?: boolean; nth?: number; print?: boolean;
  text?: string; from?: string; to?: string; block?: Cmd[]; label?: string;
  /** range state */
  active?: boolean; endLine?: number;
}

class SedError extends Error {}

/** parseScript compiles a sed script (GNU syntax subset). */
function parseScript(src: string, extended: boolean, exprNo: number): Cmd[] {
  let i = 0;
  const err = (msg: string): never => { throw new SedError(`-e expression #${exprNo}, char ${i}: ${msg}`); };
  const ws = () => { while (i < src.length && (src[i] === ' ' || src[i] === '\t')) i++; };
  const readDelimited = (delim: string): string | undefined => {
    let out = '';
    while (i < src.length && src[i] !== delim) {
      if (src[i] === '\\' && i + 1 < src.length) {
        if (src[i + 1] === delim) out += delim === '/' || !/[.*[\]^$+?(){}|]/.test(delim) ? delim : '\\' + delim;
        else if (src[i + 1] === 'n') out += '\n';
        else out += src[i] + src[i + 1];
        i += 2;
        continue;
      }
      if (src[i] === '\n') return undefined;
      out += src[i++];
    }
    if (i >= src.length) return undefined;
    i++;
    return out;
  };
  const compile = (pat: string, flags: string): RegExp => {
    const r = compileRegex(pat, { extended, icase: flags.includes('i'), global: flags.includes('g') });
    if (typeof r === 'string') err(`Invalid regular expression: ${r}`);
    return r as RegExp;
  };
  const addr = (): Addr | undefined => {
    const step = /^(\d+)~(\d+)/.exec(src.slice(i));
    if (step) { i += step[0].length; return { kind: 'step', first: Number(step[1]), step: Number(step[2]) }; }
    if (/\d/.test(src[i] ?? '')) { const m = /^\d+/.exec(src.slice(i)) as RegExpExecArray; i += m[0].length; return { kind: 'line', n: Number(m[0]) }; }
    if (src[i] === '$') { i++; return { kind: 'last' }; }
    if (src[i] === '/' || src[i] === '\\') {
      let d = '/';
      if (src[i] === '\\') { d = src[i + 1]; i++; }
      i++;
      const pat = readDelimited(d);
      if (pat === undefined) err('unterminated address regex');
      let flags = '';
      while (src[i] === 'I') { flags += 'i'; i++; }
      return { kind: 're', re: compile(pat as string, flags) };
    }
    return undefined;
  };
  const cmds: Cmd[] = [];
  const parseBlock = (inBlock: boolean): Cmd[] => {
    const list: Cmd[] = [];
    for (;;) {
      while (i < src.length && /[\s;]/.test(src[i])) i++;
      if (i >= src.length) { if (inBlock) err('unmatched `{\''); return list; }
      if (src[i] === '}') { if (!inBlock) err('unexpected `}\''); i++; return list; }
      if (src[i] === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
      const c: Cmd = { neg: false, name: '' };
      c.a1 = addr();
      if (c.a1 && src[i] === ',') { i++; c.a2 = addr() ?? err('unexpected `,\''); }
      ws();
      if (src[i] === '!') { c.neg = true; i++; ws(); }
      const name = src[i++];
      if (name === undefined) err('missing command');
      c.name = name;
      switch (name) {
        case 's': {
          const d = src[i++];
          const pat = readDelimited(d);
          if (pat === undefined) { i = src.length; err("unterminated `s' command"); }
          const rep = readDelimited(d);
          if (rep === undefined) { i = src.length; err("unterminated `s' command"); }
          let flags = '';
          while (i < src.length && /[gIiNpme0-9]/.test(src[i])) flags += src[i++];
          if (src[i] === 'w') { i = src.length; }
          c.global = flags.includes('g');
          c.print = flags.includes('p');
          const nth = /\d+/.exec(flags);
          c.nth = nth ? Number(nth[0]) : undefined;
          c.re = compile(pat as string, (flags.includes('I') || flags.includes('i') ? 'i' : '') + 'g');
          c.rep = rep;
          break;
        }
        case 'y': {
          const d = src[i++];
          const from = readDelimited(d), to = readDelimited(d);
          if (from === undefined || to === undefined) err("unterminated `y' command");
          if ((from as string).length !== (to as string).length) err("strings for `y' command are different lengths");
          c.from = from; c.to = to;
          break;
        }
        case 'a': case 'i': case 'c': {
          if (src[i] === '\\') { i++; if (src[i] === '\n') i++; }
          ws();
          let t = '';
          while (i < src.length && src[i] !== '\n') { if (src[i] === '\\' && i + 1 < src.length) { t += src[i + 1] === 'n' ? '\n' : src[i + 1]; i += 2; } else t += src[i++]; }
          c.text = t;
          break;
        }
        case '{': c.block = parseBlock(true); break;
        case 'd': case 'D': case 'p': case 'P': case '=': case 'q': case 'Q': case 'n': case 'N': case 'h': case 'H': case 'g': case 'G': case 'x': case 'l': case 'z':
          ws();
          if ((name === 'q' || name === 'Q') && /\d/.test(src[i] ?? '')) { const m = /^\d+/.exec(src.slice(i)) as RegExpExecArray; c.nth = Number(m[0]); i += m[0].length; }
          break;
        case 'b': case 't': case 'T': case ':': {
          ws();
          let l = '';
          while (i < src.length && !/[;\n}]/.test(src[i])) l += src[i++];
          c.label = l.trim();
          break;
        }
        default: i--; i++; err(`unknown command: \`${name}'`);
      }
      list.push(c);
    }
  };
  cmds.push(...parseBlock(false));
  return cmds;
}

function expandReplacement(rep: string, m: RegExpExecArray | string[]): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === '&') { out += m[0]; continue; }
    if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i];
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
      continue;
    }
    out += c;
  }
  return out;
}

/** runSed executes commands over text; returns output and an optional exit code from q. */
function runSed(cmds: Cmd[], text: string, quiet: boolean): { out: string; code?: number } {
  const lines = text.split('\n');
  const trailing = text.endsWith('\n');
  if (trailing) lines.pop();
  let out = '';
  let hold = '';
  let idx = 0;
  let code: number | undefined;
  let quit = false;
  const matchAddr = (a: Addr, line: string, n: number) => a.kind === 'step' ? (a.step > 0 ? n >= a.first && (n - a.first) % a.step === 0 : n === a.first) : a.kind === 'line' ? n === a.n : a.kind === 'last' ? n === lines.length : (a.re.lastIndex = 0, a.re.test(line));
  const selected = (c: Cmd, ps: string, n: number): boolean => {
    let r: boolean;
    if (!c.a1) r = true;
    else if (!c.a2) r = matchAddr(c.a1, ps, n);
    else if (c.active) {
      const end = c.a2.kind === 'line' ? n >= c.a2.n : matchAddr(c.a2, ps, n);
      if (end) c.active = false;
      r = true;
    } else if (matchAddr(c.a1, ps, n)) {
      c.active = !(c.a2.kind === 'line' && c.a2.n <= n);
      r = true;
    } else r = false;
    return r !== c.neg;
  };
  while (idx < lines.length && !quit) {
    let ps = lines[idx++];
    let n = idx;
    let deleted = false;
    let append = '';
    let substituted = false;
    const exec = (list: Cmd[]): 'next' | 'quit' | undefined => {
      for (let k = 0; k < list.length; k++) {
        const c = list[k];
        if (!selected(c, ps, n)) continue;
        switch (c.name) {
          case 's': {
            const re = c.re as RegExp;
            let count = 0;
            let did = false;
            re.lastIndex = 0;
            ps = ps.replace(re, (...args) => {
              count++;
              const groups = args.slice(0, -2).filter((x) => typeof x === 'string' || x === undefined) as string[];
              if (c.nth !== undefined ? count === c.nth || (c.global && count > c.nth) : c.global || count === 1) { did = true; return expandReplacement(c.rep as string, groups); }
              return args[0];
            });
            if (did) { substituted = true; if (c.print) out += ps + '\n'; }
            break;
          }
          case 'y': ps = [...ps].map((ch) => { const p = (c.from as string).indexOf(ch); return p < 0 ? ch : (c.to as string)[p]; }).join(''); break;
          case 'd': deleted = true; return 'next';
          case 'D': { const nl = ps.indexOf('\n'); if (nl < 0) { deleted = true; return 'next'; } ps = ps.slice(nl + 1); idx--; lines[idx] = ps; deleted = true; return 'next'; }
          case 'p': out += ps + '\n'; break;
          case 'P': out += ps.split('\n')[0] + '\n'; break;
          case '=': out += n + '\n'; break;
          case 'a': append += c.text + '\n'; break;
          case 'i': out += c.text + '\n'; break;
          case 'c': if (!c.a2 || !c.active) out += c.text + '\n'; deleted = true; return 'next';
          case 'q': code = c.nth; quit = true; return 'quit';
          case 'Q': code = c.nth; quit = true; deleted = true; return 'quit';
          case 'n': if (!quiet) out += ps + '\n'; if (idx < lines.length) { ps = lines[idx++]; n = idx; } else { quit = true; return 'quit'; } break;
          case 'N': if (idx < lines.length) { ps += '\n' + lines[idx++]; n = idx; } else { quit = true; return 'quit'; } break;
          case 'h': hold = ps; break;
          case 'H': hold += '\n' + ps; break;
          case 'g': ps = hold; break;
          case 'G': ps += '\n' + hold; break;
          case 'x': { const t = hold; hold = ps; ps = t; break; }
          case '{': { const r = exec(c.block ?? []); if (r) return r; break; }
          case 'b': case 't': case 'T': {
            const jump = c.name === 'b' || (c.name === 't' ? substituted : !substituted);
            if (c.name !== 'b') substituted = false;
            if (!jump) break;
            if (!c.label) return undefined;
            const target = list.findIndex((x) => x.name === ':' && x.label === c.label);
            if (target >= 0) { k = target; }
            break;
          }
          default: break;
        }
      }
      return undefined;
    };
    let guard = 0;
    const r = exec(cmds);
    if (++guard > 1e6) break;
    if (!deleted && !quiet) out += ps + '\n';
    out += append;
    if (r === 'quit') break;
  }
  if (!trailing && out.endsWith('\n') && idx >= lines.length) out = out.slice(0, -1);
  return { out, code };
}

/** sed implements GNU sed's common use: -n, -e, -E/-r, -i, s///, d, p, addresses and ranges. */
export function sed(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let quiet = false, inPlace = false, extended = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
    else if (a === '-i' || a.startsWith('-i') || a.startsWith('--in-place')) inPlace = true;
    else if (a === '-e' || a === '--expression') { if (args[i + 1] === undefined) { ctx.stderr("sed: option requires an argument -- 'e'\n"); return 1; } scripts.push(args[++i]); } else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
    else if (a === '-f') { const f = args[++i]; try { scripts.push(ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, f))); } catch (e) { ctx.stderr(`sed: couldn't open file ${f}: ${errMsg(e)}\n`); return 1; } } else if (/^-[nEr]+$/.test(a)) { if (a.includes('n')) quiet = true; if (/[Er]/.test(a)) extended = true; } else if (a === '-s' || a === '-u' || a === '-z') continue;
    else files.push(a);
  }
  if (!scripts.length) {
    if (!files.length) { ctx.stderr('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n'); return 1; }
    scripts.push(files.shift() as string);
  }
  let cmds: Cmd[];
  try {
    cmds = scripts.flatMap((s, k) => parseScript(s, extended, k + 1));
  } catch (e) {
    if (e instanceof SedError) { ctx.stderr(`sed: ${e.message}\n`); return 1; }
    throw e;
  }
  if (inPlace) {
    if (!files.length) { ctx.stderr('sed: no input files\n'); return 1; }
    let status = 0;
    for (const f of files) {
      const abs = ctx.fs.resolve(ctx.cwd, f);
      try {
        const text = ctx.fs.readFile(abs);
        ctx.fs.writeFile(abs, runSed(cmds.map((c) => ({ ...c, active: false })), text, quiet).out);
      } catch (e) { ctx.stderr(`sed: can't read ${f}: ${errMsg(e)}\n`); status = 2; }
    }
    return status;
  }
  let text = '';
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    if (f === '-') { text += ctx.stdin; continue; }
    try {
      const t = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, f));
      text += text && !text.endsWith('\n') ? '\n' + t : t;
    } catch (e) { ctx.stderr(`sed: can't read ${f}: ${errMsg(e)}\n`); status = 2; }
  }
  const r = runSed(cmds, text, quiet);
  ctx.stdout(r.out);
  return r.code ?? status;
}
