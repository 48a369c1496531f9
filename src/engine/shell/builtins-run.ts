import { Collector, Stdin, type IO } from './io';
import type { Builtin, Interp } from './interp';
import { strftime } from './commands/date';
import { parseDuration } from './commands/basic';
import { shellQuote } from './quote';

/** HELP_TEXT lists what the sandbox shell offers (printed by `help`). */
function helpText(sh: Interp): string {
  const external = [...sh.commands.keys()].filter((n) => !['[', ':'].includes(n)).sort();
  return [
    'Kube Sandbox shell (bash-compatible subset)',
    '',
    'Kubernetes: kubectl (alias it: alias k=kubectl), plus any tools listed below.',
    '',
    'Commands:',
    wrap(external.join(' '), 78, '  '),
    '',
    'Shell builtins:',
    wrap([...sh.builtins.keys()].sort().join(' '), 78, '  '),
    '',
    'Language: quotes, $VAR, ${VAR:-default}, $(cmd), $((expr)), globs, pipes |, ;, &&, ||,',
    '  redirections > >> < 2> 2>&1 &>, here-docs <<EOF, for/while/until/if/case, functions, cmd &.',
    'Files live in a virtual file system; edit them with vi FILE (opens the editor) or cat <<\'EOF\' > FILE.',
    '',
  ].join('\n');
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let cur = indent;
  for (const w of text.split(' ')) {
    if (cur.length + w.length + 1 > width && cur.trim()) { lines.push(cur); cur = indent; }
    cur += (cur.trim() ? ' ' : '') + w;
  }
  if (cur.trim()) lines.push(cur);
  return lines.join('\n');
}

/** tokenizeXargs splits xargs input on blanks and newlines, honouring simple quotes. */
function tokenizeXargs(input: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g;
  for (const m of input.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3].replace(/\\(.)/g, '$1'));
  return out;
}

/** createRunBuiltins returns builtins that run other commands: watch, xargs, env, help, time. */
export function createRunBuiltins(): Record<string, Builtin> {
  return {
    help(_args, _st, io, sh) { io.stdout(helpText(sh)); return 0; },
    // The sandbox user is already root: sudo just runs the command.
    sudo(args, st, io, sh) {
      let i = 0;
      while (i < args.length && args[i].startsWith('-')) i += args[i] === '-u' ? 2 : 1;
      if (i >= args.length) { io.stderr('usage: sudo command\n'); return 1; }
      return sh.invoke(args.slice(i), [], st, io);
    },
    async time(args, st, io, sh) {
      const start = sh.clock ? sh.clock.now() : 0;
      const s = args.length ? await sh.invoke(args, [], st, io) : 0;
      const ms = (sh.clock ? sh.clock.now() : 0) - start;
      const fmt = (t: number) => `${Math.floor(t / 60000)}m${((t % 60000) / 1000).toFixed(3)}s`;
      io.stderr(`\nreal\t${fmt(ms)}\nuser\t0m0.000s\nsys\t0m0.000s\n`);
      return s;
    },
    async env(args, st, io, sh) {
      let i = 0;
      const extra: Array<[string, string]> = [];
      let clear = false;
      for (; i < args.length; i++) {
        const a = args[i];
        if (a === '-i' || a === '-') { clear = true; continue; }
        if (a === '-u') { i++; continue; }
        const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(a);
        if (m) { extra.push([m[1], m[2]]); continue; }
        break;
      }
      if (i >= args.length) {
        const lines: string[] = [];
        if (!clear) for (const k of st.exported) { const v = st.vars.get(k); if (v !== undefined && !extra.some(([x]) => x === k)) lines.push(`${k}=${v}`); }
        for (const [k, v] of extra) lines.push(`${k}=${v}`);
        io.stdout(lines.length ? lines.join('\n') + '\n' : '');
        return 0;
      }
      return sh.invoke(args.slice(i), extra, st, io);
    },
    async xargs(args, st, io, sh) {
      let maxArgs: number | undefined;
      let replace: string | undefined;
      let noRunEmpty = false;
      let delim: string | undefined;
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i];
        if (a === '-n') { maxArgs = Number(args[++i]); if (args[i] === undefined) { io.stderr("xargs: option requires an argument -- 'n'\nTry 'xargs --help' for more information.\n"); return 1; } } else if (/^-n\d+$/.test(a)) maxArgs = Number(a.slice(2));
        else if (a === '-I') replace = args[++i];
        else if (a.startsWith('-I')) replace = a.slice(2);
        else if (a === '-i') replace = '{}';
        else if (a === '-r' || a === '--no-run-if-empty') noRunEmpty = true;
        else if (a === '-0' || a === '--null') delim = '\0';
        else if (a === '-d') delim = args[++i];
        else if (a === '-t' || a === '-p') continue;
        else if (a === '-L' || a === '-P') i++;
        else break;
      }
      const cmd = args.slice(i);
      if (!cmd.length) cmd.push('echo');
      const input = io.stdin.readAll();
      const runOne = async (argv: string[]) => {
        const s = await sh.invoke(argv, [], st, { ...io, stdin: new Stdin('') });
        return s;
      };
      let status = 0;
      const note = (s: number) => { if (s === 127) status = 127; else if (s !== 0 && status === 0) status = 123; };
      if (replace !== undefined) {
        const lines = input.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        for (const line of lines) {
          if (io.interrupt.interrupted) return 130;
          note(await runOne(cmd.map((c) => c.split(replace as string).join(line))));
        }
        return status;
      }
      const items = delim !== undefined ? input.split(delim).filter((x) => x !== '') : tokenizeXargs(input);
      if (!items.length) {
        if (noRunEmpty) return 0;
        note(await runOne(cmd));
        return status;
      }
      const size = maxArgs && maxArgs > 0 ? maxArgs : items.length;
      for (let k = 0; k < items.length; k += size) {
        if (io.interrupt.interrupted) return 130;
        note(await runOne([...cmd, ...items.slice(k, k + size)]));
      }
      return status;
    },
    async watch(args, st, io, sh) {
      let interval = 2000;
      let noTitle = false;
      let i = 0;
      for (; i < args.length; i++) {
        const a = args[i];
        if (a === '-n' || a === '--interval') { const d = parseDuration(args[++i] ?? ''); if (d === undefined) { io.stderr(`watch: failed to parse argument: '${args[i]}'\n`); return 1; } interval = Math.max(100, d); } else if (/^-n\d/.test(a)) interval = (parseDuration(a.slice(2)) ?? 2000);
        else if (a.startsWith('--interval=')) interval = parseDuration(a.slice(11)) ?? 2000;
        else if (a === '-t' || a === '--no-title') noTitle = true;
        else if (a === '-d' || a === '--differences' || a === '-c' || a === '--color' || a === '-x' || a === '--exec' || a === '-e' || a === '-g') continue;
        else break;
      }
      const cmd = args.slice(i);
      if (!cmd.length) { io.stderr('Usage:\n watch [options] command\n'); return 1; }
      const line = cmd.length === 1 ? cmd[0] : cmd.map((c) => (/^[\w@%+=:,./-]+$/.test(c) ? c : shellQuote(c))).join(' ');
      const secs = (interval / 1000).toFixed(1);
      const render = async () => {
        const out = new Collector();
        const sub: IO = { ...io, stdout: out.write, stderr: out.write, stdin: new Stdin(''), tty: false };
        await sh.runTop(line, st, sub).catch(() => 1);
        let header = '';
        if (!noTitle) {
          const left = `Every ${secs}s: ${line}`;
          const right = `${sh.hostname}: ${strftime('%a %b %e %H:%M:%S %Y', sh.clock ? sh.clock.now() : 0)}`;
          const pad = Math.max(1, 80 - left.length - right.length);
          header = `${left}${' '.repeat(pad)}${right}\n\n`;
        }
        return header + out.text();
      };
      if (!sh.host) {
        io.stdout(await render());
        return 0;
      }
      for (;;) {
        const screen = await render();
        if (sh.host.clearScreen) sh.host.clearScreen(); else io.stdout('\x1b[H\x1b[2J');
        io.stdout(screen);
        if (io.interrupt.interrupted) return 130;
        const ok = await sh.time.sleep(interval, io.interrupt);
        if (!ok) return 130;
      }
    },
  };
}
