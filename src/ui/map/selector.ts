// A presentational label filter for the map: equality-based selector syntax (`app=web,tier!=db,env`),
// as kubectl's -l accepts it, plus set-based `k in (a,b)` / `k notin (a,b)`.

/** LabelFilter tests an object's labels; error is set when the text could not be parsed (the filter then matches all). */
export interface LabelFilter { matches(labels: Record<string, string> | undefined): boolean; error?: string; empty: boolean }

type Term = (l: Record<string, string>) => boolean;

function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter(Boolean);
}

function parseTerm(t: string): Term | undefined {
  let m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(t);
  if (m) {
    const [, key, op, list] = m;
    const vals = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in' ? (l) => key in l && vals.has(l[key]) : (l) => !(key in l) || !vals.has(l[key]);
  }
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(t);
  if (m) {
    const [, key, op, val] = m;
    return op === '!=' ? (l) => l[key] !== val : (l) => l[key] === val;
  }
  m = /^(!?)([\w./-]+)$/.exec(t);
  if (m) {
    const [, not, key] = m;
    return not ? (l) => !(key in l) : (l) => key in l;
  }
  return undefined;
}

/** parseLabelFilter parses selector text; an empty text matches everything. */
export function parseLabelFilter(text: string): LabelFilter {
  const terms: Term[] = [];
  for (const t of splitTerms(text)) {
    const term = parseTerm(t);
    if (!term) return { matches: () => true, error: `unable to parse requirement: ${t}`, empty: false };
    terms.push(term);
  }
  return { matches: (labels) => terms.every((f) => f(labels ?? {})), empty: terms.length === 0 };
}
