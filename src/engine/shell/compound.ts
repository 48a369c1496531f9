import type { Node } from './ast';
import { ArithError } from './arith';
import { ExpansionError } from './expand';
import { matchGlob } from './glob';
import { ExitSignal, type IO } from './io';
import { LOOP_LIMIT, type Interp } from './interp';
import { cloneState, type ShellState } from './state';
import { evalDBracket, TestError } from './test-expr';

/** execCompound runs if/for/while/case/[[ ]]/(( )) and groups (redirections are applied by the caller). */
export async function execCompound(sh: Interp, node: Node, st: ShellState, io: IO): Promise<number> {
  switch (node.type) {
    case 'group': return sh.exec(node.body, st, io);
    case 'subshell': {
      const sub = cloneState(st);
      try { return await sh.exec(node.body, sub, io); } catch (e) { if (e instanceof ExitSignal) return e.status; throw e; }
    }
    case 'if': {
      for (const c of node.clauses) {
        st.condDepth++;
        let s: number;
        try { s = await sh.exec(c.cond, st, io); } finally { st.condDepth--; }
        if (s === 0) return sh.exec(c.body, st, io);
      }
      return node.elseBody ? sh.exec(node.elseBody, st, io) : 0;
    }
    case 'for': {
      const items = node.words ? await sh.expandWords(node.words, st, io) : [...st.positional];
      let status = 0;
      let n = 0;
      for (const item of items) {
        if (io.interrupt.interrupted) return 130;
        if (++n > LOOP_LIMIT) return sh.loopLimit(io);
        st.vars.set(node.name, item);
        const r = await sh.loopBody(node.body, st, io);
        status = r.status;
        if (r.brk) break;
      }
      return status;
    }
    case 'cfor': {
      const ev = async (e: string) => (e.trim() === '' ? 1 : sh.arith(e, st, io));
      await ev(node.init);
      let status = 0;
      let n = 0;
      while ((await ev(node.cond)) !== 0) {
        if (io.interrupt.interrupted) return 130;
        if (++n > LOOP_LIMIT) return sh.loopLimit(io);
        const r = await sh.loopBody(node.body, st, io);
        status = r.status;
        if (r.brk) break;
        await ev(node.step);
      }
      return status;
    }
    case 'while': {
      let status = 0;
      let n = 0;
      for (;;) {
        if (io.interrupt.interrupted) return 130;
        if (++n > LOOP_LIMIT) return sh.loopLimit(io);
        st.condDepth++;
        let c: number;
        try { c = await sh.exec(node.cond, st, io); } finally { st.condDepth--; }
        if ((c === 0) === node.until) break;
        const r = await sh.loopBody(node.body, st, io);
        status = r.status;
        if (r.brk) break;
      }
      return status;
    }
    case 'case': {
      const w = await sh.expandOne(node.word, st, io);
      for (const item of node.items) {
        for (const p of item.patterns) {
          const pat = await sh.expandOne(p, st, io, 'pattern');
          if (matchGlob(pat, w)) return sh.exec(item.body, st, io);
        }
      }
      return 0;
    }
    case 'dbracket': {
      try {
        return await evalDBracket(node.words, (w, mode) => sh.expandOne(w, st, io, mode), sh.fs, st.cwd) ? 0 : 1;
      } catch (e) {
        if (e instanceof ExpansionError || e instanceof TestError) { io.stderr(`bash: ${e.message}\n`); return 2; }
        throw e;
      }
    }
    case 'arith': {
      try {
        return (await sh.arith(node.expr, st, io)) !== 0 ? 0 : 1;
      } catch (e) {
        if (e instanceof ArithError) { io.stderr(`bash: ((: ${node.expr}: ${e.message}\n`); return 1; }
        throw e;
      }
    }
  }
  return 0;
}
