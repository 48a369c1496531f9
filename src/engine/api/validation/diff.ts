// A shortened stand-in for the go-cmp cmp.Diff(oldPod.Spec, mungedPodSpec) text that follows the
// pod-update Forbidden message: one '-'/'+' pair per changed leaf, with Go-style field names.

type J = unknown;

const goName = (k: string): string => (k === 'ip' ? 'IP' : k.replace(/Ip(s?)$/, 'IP$1').replace(/^./, (c) => c.toUpperCase()));

function goLeaf(v: J): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function walk(a: J, b: J, path: string, out: string[]): void {
  const isObj = (x: J): x is Record<string, J> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) walk(a[k], b[k], path ? `${path}.${goName(k)}` : goName(k), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`, out));
    return;
  }
  if ((a ?? null) === null && (b ?? null) === null) return;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a !== undefined) out.push(`- \t${path}: ${goLeaf(a)},`);
  if (b !== undefined) out.push(`+ \t${path}: ${goLeaf(b)},`);
}

/** podSpecDiff returns the shortened diff text, or undefined when the specs are equal. */
export function podSpecDiff(oldSpec: J, newSpec: J): string | undefined {
  const lines: string[] = [];
  walk(oldSpec, newSpec, '', lines);
  if (lines.length === 0) return undefined;
  return ['  core.PodSpec{', ...lines, '  }', ''].join('\n');
}
