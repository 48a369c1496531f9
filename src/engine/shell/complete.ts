import type { Vfs } from '../vfs/types';

/** Completer adds candidates for a command's arguments: words typed so far (argv[0] first) and the partial word. */
export type Completer = (words: string[], partial: string) => string[];

/** CompleteSources are the names the completer draws on. */
export interface CompleteSources {
  fs: Vfs;
  cwd: string;
  commandNames(): string[];
  varNames(): string[];
  completers: Map<string, Completer>;
  aliases: Map<string, string>;
}

const BREAK = new Set([' ', '\t', '\n', ';', '|', '&', '<', '>', '(', ')']);

/** complete returns Tab candidates (full replacements for line[start..cursor]). */
export function complete(line: string, cursor: number, src: CompleteSources): { start: number; candidates: string[] } {
  let start = cursor;
  while (start > 0 && !BREAK.has(line[start - 1])) start--;
  const word = line.slice(start, cursor);
  // Command position: nothing but a separator before the word.
  let k = start - 1;
  while (k >= 0 && (line[k] === ' ' || line[k] === '\t')) k--;
  const cmdPos = k < 0 || ';|&('.includes(line[k]) || (line[k] === '\n');
  const uniqSorted = (xs: string[]) => [...new Set(xs)].sort();
  if (word.startsWith('$')) {
    const p = word.replace(/^\$\{?/, '');
    return { start, candidates: uniqSorted(src.varNames().filter((n) => n.startsWith(p)).map((n) => (word.startsWith('${') ? '${' + n + '}' : '$' + n))) };
  }
  if (cmdPos && !word.includes('/')) {
    return { start, candidates: uniqSorted(src.commandNames().filter((n) => n.startsWith(word))) };
  }
  // Segment words of the current command for command-specific completers.
  let segStart = k;
  while (segStart >= 0 && !';|&('.includes(line[segStart])) segStart--;
  const words = line.slice(segStart + 1, start).trim().split(/\s+/).filter(Boolean);
  if (words.length) {
    const name = src.aliases.get(words[0])?.split(/\s+/)[0] ?? words[0];
    const c = src.completers.get(name);
    if (c) {
      const r = c([name, ...words.slice(1)], word);
      if (r.length) return { start, candidates: uniqSorted(r) };
    }
  }
  const files = completeFiles(word, src.fs, src.cwd);
  // cd and pushd only take directories.
  return { start, candidates: words[0] === 'cd' || words[0] === 'pushd' ? files.filter((f) => f.endsWith('/')) : files };
}

/** completeFiles lists paths starting with word; directories get a trailing '/'. */
export function completeFiles(word: string, fs: Vfs, cwd: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const dirAbs = fs.resolve(cwd, dirPart || '.');
  if (!fs.isDir(dirAbs)) return [];
  return fs.readdir(dirAbs)
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (fs.isDir(dirAbs === '/' ? '/' + n : dirAbs + '/' + n) ? '/' : ''));
}
