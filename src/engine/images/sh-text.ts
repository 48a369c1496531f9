// Text filters of a container's userland (busybox applets / GNU coreutils) for pipes inside
// `kubectl exec POD -- sh -c '...'`: grep, head, tail, wc, sort, uniq. Common options only.

/** TextResult is what one filter printed and its exit status. */
export interface TextResult { out: string; err: string; code: number }

/** TEXT_TOOLS names the filters runTextTool handles. */
export const TEXT_TOOLS = new Set(['grep', 'head', 'tail', 'wc', 'sort', 'uniq']);

const linesOf = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
const joined = (lines: string[]): string => (lines.length ? lines.join('\n') + '\n' : '');

/** countOption reads -n N, -nN and -N (head/tail). */
function countOption(args: string[]): { n: number; files: string[] } {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n') n = parseInt(args[++i] ?? '10', 10);
    else if (/^-n\d+$/.test(a)) n = parseInt(a.slice(2), 10);
    else if (/^-\d+$/.test(a)) n = parseInt(a.slice(1), 10);
    else files.push(a);
  }
  return { n: Number.isFinite(n) ? n : 10, files };
}

/** runTextTool runs a filter over stdin (or the named files); read returns a file's content or undefined. */
export function runTextTool(cmd: string, args: string[], stdin: string, read: (path: string) => string | undefined, flavor: 'busybox' | 'gnu'): TextResult {
  let err = '';
  const input = (files: string[]): string => {
    if (!files.length) return stdin;
    let text = '';
    for (const f of files) {
      const c = f === '-' ? stdin : read(f);
      if (c === undefined) err += `${cmd}: ${f}: No such file or directory\n`;
      else text += c;
    }
    return text;
  };
  switch (cmd) {
    case 'grep': {
      const flags = new Set<string>();
      const rest: string[] = [];
      for (const a of args) {
        if (a.startsWith('-') && a.length > 1 && !rest.length) for (const ch of a.slice(1)) flags.add(ch);
        else rest.push(a);
      }
      const [pattern, ...files] = rest;
      if (pattern === undefined) return { out: '', err: flavor === 'busybox' ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 };
      let re: RegExp;
      try {
        const src = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : pattern.replace(/\\([|+?(){}])/g, '$1');
        re = new RegExp(flags.has('w') ? `\\b(?:${src})\\b` : src, flags.has('i') ? 'i' : '');
      } catch {
        return { out: '', err: `grep: Invalid regular expression\n`, code: 2 };
      }
      const all = linesOf(input(files));
      const hits = all.map((l, i) => ({ l, i })).filter(({ l }) => re.test(l) !== flags.has('v'));
      const out = flags.has('q') ? '' : flags.has('c') ? `${hits.length}\n` : joined(hits.map(({ l, i }) => (flags.has('n') ? `${i + 1}:${l}` : l)));
      return { out, err, code: err ? 2 : hits.length ? 0 : 1 };
    }
    case 'head': case 'tail': {
      const { n, files } = countOption(args);
      const all = linesOf(input(files));
      return { out: joined(cmd === 'head' ? all.slice(0, n) : all.slice(Math.max(0, all.length - n))), err, code: err ? 1 : 0 };
    }
    case 'wc': {
      const opts = args.filter((a) => a.startsWith('-')).join('');
      const files = args.filter((a) => !a.startsWith('-'));
      const text = input(files);
      const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: text.length };
      const pick = (['l', 'w', 'c'] as const).filter((k) => opts.includes(k));
      const shown = (pick.length ? pick : (['l', 'w', 'c'] as const)).map((k) => counts[k]);
      // A single count prints bare; several are right-aligned (7 wide in GNU, 9 in busybox).
      const width = flavor === 'busybox' ? 9 : 7;
      const line = shown.length === 1 ? String(shown[0]) : shown.map((v) => String(v).padStart(width)).join(' ').trimStart();
      return { out: `${line}${files.length ? ` ${files.join(' ')}` : ''}\n`, err, code: err ? 1 : 0 };
    }
    case 'sort': {
      const opts = args.filter((a) => a.startsWith('-')).join('');
      const lines = linesOf(input(args.filter((a) => !a.startsWith('-'))));
      lines.sort(opts.includes('n') ? (a, b) => parseFloat(a) - parseFloat(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (opts.includes('r')) lines.reverse();
      return { out: joined(opts.includes('u') ? lines.filter((l, i) => i === 0 || l !== lines[i - 1]) : lines), err, code: err ? 2 : 0 };
    }
    default: { // uniq
      const opts = args.filter((a) => a.startsWith('-')).join('');
      const lines = linesOf(input(args.filter((a) => !a.startsWith('-'))));
      const groups: { l: string; n: number }[] = [];
      for (const l of lines) { const g = groups.at(-1); if (g && g.l === l) g.n++; else groups.push({ l, n: 1 }); }
      return { out: joined(groups.map((g) => (opts.includes('c') ? `${String(g.n).padStart(7)} ${g.l}` : g.l))), err, code: 0 };
    }
  }
}
