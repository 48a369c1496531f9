// A small unified diff (diff -u) over lines: LCS table, hunks with 3 lines of context.

/** unifiedDiff returns the hunks of `diff -u` between a and b ('' when equal), without the ---/+++ header. */
export function unifiedDiff(a: string[], b: string[], context = 3): string {
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  type Op = { t: ' ' | '-' | '+'; line: string; ai: number; bi: number };
  const ops: Op[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ t: ' ', line: a[i], ai: i, bi: j }); i++; j++; }
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) { ops.push({ t: '-', line: a[i], ai: i, bi: j }); i++; }
    else { ops.push({ t: '+', line: b[j], ai: i, bi: j }); j++; }
  }
  const changed = ops.map((o, k) => (o.t !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (!changed.length) return '';
  let out = '';
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = Math.min(ops.length, changed[k] + context + 1);
    while (k + 1 < changed.length && changed[k + 1] - context <= end) { k++; end = Math.min(ops.length, changed[k] + context + 1); }
    k++;
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.t !== '+').length;
    const bCount = hunk.filter((o) => o.t !== '-').length;
    const aStart = aCount ? hunk[0].ai + 1 : hunk[0].ai;
    const bStart = bCount ? hunk[0].bi + 1 : hunk[0].bi;
    const range = (s: number, c: number) => (c === 1 ? `${s}` : `${s},${c}`);
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n`;
    for (const o of hunk) out += `${o.t}${o.line}\n`;
  }
  return out;
}
