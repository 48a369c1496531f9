/**
 * Transcript is a learner's session written down: commands in, expected output out.
 *
 * Format: lines before the first `$ ` are comments. `$ CMD` starts an input (`> ` lines continue it,
 * as bash's PS2 shows here-docs and loops); the lines after it, up to the next `$ `, are the exact
 * output (stdout and stderr interleaved). In expected lines, placeholders match volatile values:
 * `<age>` (5s, 2m10s, 3d), `<ip>`, `<hash>` (pod-template or name suffix), `<uid>`, `<time>` (any
 * timestamp text without spaces), `<*>` (anything). A line holding only `...` matches any number of
 * lines. A line with a placeholder is compared with runs of spaces collapsed, since column widths
 * follow the values.
 */
export interface TranscriptStep { input: string; expected: string[] }

/** parseTranscript splits a transcript into steps. */
export function parseTranscript(text: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  let cur: TranscriptStep | undefined;
  let inInput = false;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ') || line === '$') {
      cur = { input: line.slice(2), expected: [] };
      steps.push(cur);
      inInput = true;
    } else if (cur && inInput && line.startsWith('> ')) {
      cur.input += `\n${line.slice(2)}`;
    } else if (cur) {
      inInput = false;
      cur.expected.push(line);
    }
  }
  return steps;
}

const PLACEHOLDERS: Record<string, string> = {
  '<age>': '(?:\\d+[smhdy])+|<unknown>|<invalid>',
  '<ip>': '\\d{1,3}(?:\\.\\d{1,3}){3}',
  '<hash>': '[a-z0-9]{5,10}',
  '<uid>': '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  '<time>': '\\S+',
  '<*>': '.*',
};
const PLACEHOLDER_RE = /<age>|<ip>|<hash>|<uid>|<time>|<\*>/;

function lineMatches(expected: string, actual: string): boolean {
  if (!PLACEHOLDER_RE.test(expected)) return expected === actual;
  const collapse = (s: string) => s.replace(/ {2,}/g, ' ').trimEnd();
  const pattern = collapse(expected)
    .split(/(<age>|<ip>|<hash>|<uid>|<time>|<\*>)/)
    .map((part) => PLACEHOLDERS[part] ?? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('');
  return new RegExp(`^${pattern}$`).test(collapse(actual));
}

/** matchOutput tells whether actual output lines fit the expected lines (with `...` and placeholders). */
export function matchOutput(expected: string[], actual: string[]): boolean {
  const go = (i: number, j: number): boolean => {
    if (i === expected.length) return j === actual.length;
    if (expected[i] === '...') {
      for (let k = j; k <= actual.length; k++) if (go(i + 1, k)) return true;
      return false;
    }
    return j < actual.length && lineMatches(expected[i], actual[j]) && go(i + 1, j + 1);
  };
  return go(0, 0);
}
