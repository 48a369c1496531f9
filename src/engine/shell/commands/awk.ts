import type { CommandContext } from '../types';
import { compileRegex } from './regex';
import { parseAwk, AwkSyntaxError, type AwkProgram } from './awk-parse';
import { AwkExit, AwkRuntime, AwkRuntimeError, NextSignal, toNum, toStr } from './awk-runtime';
import { errMsg } from './common';


/** awk implements a small POSIX awk (mawk-flavoured messages): patterns, BEGIN/END, fields, arrays, printf, functions. */
export function awk(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: Array<[string, string]> = [];
  let progText: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (progText === undefined && a === '-F') { fs = args[++i]; continue; }
    if (progText === undefined && a.startsWith('-F')) { fs = a.slice(2); continue; }
    if (progText === undefined && a === '-v') { const v = args[++i] ?? ''; const eq = v.indexOf('='); assigns.push([v.slice(0, eq), v.slice(eq + 1)]); continue; }
    if (progText === undefined && a.startsWith('-v')) { const v = a.slice(2); const eq = v.indexOf('='); assigns.push([v.slice(0, eq), v.slice(eq + 1)]); continue; }
    if (progText === undefined && a === '-f') { try { progText = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, args[++i])); } catch (e) { ctx.stderr(`awk: couldn't open file ${args[i]}: ${errMsg(e)}\n`); return 2; } continue; }
    if (progText === undefined && a === '--') continue;
    if (progText === undefined) { progText = a; continue; }
    files.push(a);
  }
  if (progText === undefined) { ctx.stderr('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n'); return 2; }
  let prog: AwkProgram;
  try {
    prog = parseAwk(progText, (s) => { const r = compileRegex(s, { extended: true }); if (typeof r === 'string') throw new AwkSyntaxError(`regular expression compile failed (${r})`); return r; });
  } catch (e) {
    if (e instanceof AwkSyntaxError) {
      // mawk reports errors found at end of input on the line after the last one.
      const line = /end of file/.test(e.message) ? progText.split('\n').length + 1 : 1;
      ctx.stderr(`awk: line ${line}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const rt = new AwkRuntime(prog, ctx);
  const unesc = (s: string) => s.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\' } as Record<string, string>)[c] ?? '\\' + c);
  if (fs !== undefined) rt.vars.set('FS', fs === 't' ? '\t' : unesc(fs));
  for (const [k, v] of assigns) { const val = unesc(v); rt.vars.set(k, val); rt.strnums.add(val); }
  let code = 0;
  let exiting = false;
  const runRules = (kind: 'BEGIN' | 'END') => {
    for (const r of prog.rules) if (r.kind === kind) rt.execList(r.body ?? []);
  };
  try {
    try { runRules('BEGIN'); } catch (e) { if (e instanceof AwkExit) { code = e.code; exiting = true; } else throw e; }
    const mains = prog.rules.filter((r) => r.kind === 'main');
    if (!exiting && (mains.length || prog.rules.some((r) => r.kind === 'END'))) {
      const inputs = files.length ? files : ['-'];
      outer: for (const f of inputs) {
        const eq = /^([A-Za-z_]\w*)=(.*)$/s.exec(f);
        if (eq) { rt.vars.set(eq[1], unesc(eq[2])); continue; }
        let text: string;
        if (f === '-') text = ctx.stdin;
        else {
          try { text = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, f)); } catch (e) { ctx.stderr(`awk: cannot open ${f} (${errMsg(e)})\n`); code = 2; continue; }
        }
        rt.vars.set('FILENAME', f === '-' ? '' : f);
        rt.vars.set('FNR', 0);
        const lines = text.split('\n');
        if (text.endsWith('\n')) lines.pop();
        if (text === '') lines.length = 0;
        for (const line of lines) {
          rt.vars.set('NR', toNum(rt.getVar('NR')) + 1);
          rt.vars.set('FNR', toNum(rt.getVar('FNR')) + 1);
          rt.setRecord(line);
          try {
            mains.forEach((r, ri) => {
              let match: boolean;
              if (r.range && r.pattern) {
                if (rt.rangeActive[ri]) { match = true; if (rt.truthy(r.range)) rt.rangeActive[ri] = false; } else if (rt.truthy(r.pattern)) { match = true; rt.rangeActive[ri] = !rt.truthy(r.range); } else match = false;
              } else match = !r.pattern || rt.truthy(r.pattern);
              if (!match) return;
              if (r.body) rt.execList(r.body); else rt.write(toStr(rt.fields[0]) + toStr(rt.getVar('ORS')));
            });
          } catch (e) {
            if (e instanceof NextSignal) continue;
            if (e instanceof AwkExit) { code = e.code; exiting = true; break outer; }
            throw e;
          }
        }
      }
    }
    try { runRules('END'); } catch (e) { if (e instanceof AwkExit) code = e.code; else throw e; }
  } catch (e) {
    if (e instanceof AwkRuntimeError) { ctx.stdout(rt.out.join('')); ctx.stderr(`awk: run time error: ${e.message}\n\tFILENAME="${toStr(rt.getVar('FILENAME'))}" FNR=${toStr(rt.getVar('FNR'))} NR=${toStr(rt.getVar('NR'))}\n`); return 2; }
    if (e instanceof NextSignal) { /* next in BEGIN/END: ignore */ } else throw e;
  }
  rt.flushFiles();
  ctx.stdout(rt.out.join(''));
  return code;
}
