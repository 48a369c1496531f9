// Turns `kubectl apply` error output into editor markers on the right lines: it reads the field paths
// in the API server's messages (`spec.containers[0].image: Required value`) and finds them in the
// manifest by indentation (block-style YAML, as learners write it); no YAML library is needed.

/** EditorMarker is one squiggle: 1-based line and columns, a message, and a severity. */
export interface EditorMarker { line: number; column: number; endColumn: number; message: string; severity: 'error' | 'warning' }

type Seg = string | number;

interface Row { indent: number; dash?: number; key?: string; hasValue: boolean; text: string }

/** parsePath splits `spec.containers[0].ports[1].containerPort` into keys and indexes. */
export function parsePath(path: string): Seg[] {
  const out: Seg[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) { out.push(part); continue; }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

function rowOf(line: string): Row | undefined {
  const trimmed = line.trimStart();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  let indent = line.length - trimmed.length;
  let rest = trimmed;
  let dash: number | undefined;
  while (rest.startsWith('- ') || rest === '-') {
    dash ??= indent;
    const after = rest.slice(1);
    const t = after.trimStart();
    indent += 1 + (after.length - t.length);
    rest = t;
  }
  const m = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(\s|$)/.exec(rest);
  const key = m ? m[1].replace(/^["']|["']$/g, '') : undefined;
  const hasValue = m ? rest.slice(m[0].length).trim().replace(/^#.*/, '') !== '' : true;
  return { indent, dash, key, hasValue, text: line };
}

/** documentStarts returns the 0-based first line of each `---`-separated document. */
export function documentStarts(lines: readonly string[]): number[] {
  const starts = [0];
  lines.forEach((l, i) => { if (/^---(\s|$)/.test(l)) starts.push(i + 1); });
  return starts;
}

/**
 * locatePath returns the 0-based line of path inside lines [from, to) — or of its deepest ancestor
 * found when the field itself is missing (a "Required value" error marks the parent).
 */
export function locatePath(lines: readonly string[], from: number, to: number, path: Seg[]): number {
  const rows: (Row | undefined)[] = lines.map(rowOf);
  let best = from;
  while (best < to && !rows[best]) best++;
  let start = from, end = to, parent = -1;
  for (const seg of path) {
    if (typeof seg === 'string') {
      let childIndent = Infinity;
      for (let i = start; i < end; i++) { const r = rows[i]; if (r && r.indent > parent && r.key !== undefined) { childIndent = Math.min(childIndent, r.indent); } }
      let found = -1;
      for (let i = start; i < end; i++) { const r = rows[i]; if (r && r.indent === childIndent && r.key === seg) { found = i; break; } }
      if (found < 0) return best;
      best = found;
      let stop = found + 1;
      while (stop < end) {
        const r = rows[stop];
        if (r && (r.dash !== undefined ? r.dash < childIndent : r.indent <= childIndent)) break;
        stop++;
      }
      start = found + 1; end = stop; parent = childIndent;
      if (rows[found]!.hasValue) { start = end; }
    } else {
      let dashIndent = Infinity;
      for (let i = start; i < end; i++) { const r = rows[i]; if (r?.dash !== undefined && r.dash >= parent) dashIndent = Math.min(dashIndent, r.dash); }
      const items: number[] = [];
      for (let i = start; i < end; i++) { const r = rows[i]; if (r?.dash === dashIndent) items.push(i); }
      if (seg >= items.length) return best;
      best = items[seg];
      start = items[seg]; end = items[seg + 1] ?? end; parent = dashIndent;
    }
  }
  return best;
}

function findDocument(lines: readonly string[], kind?: string, name?: string): { from: number; to: number } {
  const starts = documentStarts(lines);
  const ranges = starts.map((s, i) => ({ from: s, to: (starts[i + 1] ?? lines.length + 1) - 1 }));
  if (!kind) return ranges[0];
  const pick = ranges.find((r) => {
    const k = locatePath(lines, r.from, r.to, ['kind']);
    const n = locatePath(lines, r.from, r.to, ['metadata', 'name']);
    const kindOk = new RegExp(`^kind:\\s*["']?${kind}["']?\\s*$`).test(lines[k]?.trim() ?? '');
    const nameOk = !name || new RegExp(`^name:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*(#.*)?$`).test(lines[n]?.trim() ?? '');
    return kindOk && nameOk;
  });
  return pick ?? ranges[0];
}

function marker(lines: readonly string[], line: number, message: string, severity: EditorMarker['severity']): EditorMarker {
  const text = lines[line] ?? '';
  const first = text.length - text.trimStart().length;
  return { line: line + 1, column: first + 1, endColumn: Math.max(first + 2, text.length + 1), message, severity };
}

/**
 * markersFromApplyOutput reads kubectl apply's output for file text and returns markers: one per
 * field error (`* path: message` lists and single `is invalid: path: message` errors), decoding
 * errors (`Go struct field X.path`), unknown-field warnings and YAML syntax errors (`yaml: line N`);
 * an error it cannot place marks the first line of its document.
 */
export function markersFromApplyOutput(output: string, text: string): EditorMarker[] {
  const lines = text.split('\n');
  const out: EditorMarker[] = [];
  let lastDoc: { from: number; to: number } | undefined;
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    let m = /^Warning: unknown field "([^"]+)"/.exec(line);
    if (m) { const d = findDocument(lines); out.push(marker(lines, locatePath(lines, d.from, d.to, parsePath(m[1])), line.replace(/^Warning: /, ''), 'warning')); continue; }
    m = /yaml: line (\d+): (.*)$/.exec(line);
    if (m) { out.push(marker(lines, Math.min(lines.length - 1, Number(m[1]) - 1), `yaml: ${m[2]}`, 'error')); continue; }
    m = /(?:The )?(\w+)(?:\.[\w.]+)? "([^"]+)" is invalid: ?(.*)$/.exec(line);
    if (m) {
      const [, kind, name, rest] = m;
      const doc = findDocument(lines, kind, name);
      if (rest) out.push(fieldMarker(lines, doc, rest));
      // A multi-error Status continues with `* path: message` lines for this document.
      lastDoc = doc;
      continue;
    }
    m = /^\* (.*)$/.exec(line);
    if (m && lastDoc) { out.push(fieldMarker(lines, lastDoc, m[1])); continue; }
    m = /(\w+) in version "[^"]+" cannot be handled as a \w+: (.*)$/.exec(line);
    if (m) {
      const doc = findDocument(lines, m[1]);
      const field = /Go struct field \w+\.([\w.[\]]+) of type/.exec(m[2])?.[1] ?? /unknown field "([^"]+)"/.exec(m[2])?.[1];
      const at = field ? locatePath(lines, doc.from, doc.to, parsePath(field)) : doc.from;
      out.push(marker(lines, at, m[2], 'error'));
      continue;
    }
    if (/^(error|Error from server)/.test(line)) {
      const kind = /error when \w+ "[^"]*": (\w+)/.exec(line)?.[1];
      const doc = findDocument(lines, kind && /^[A-Z]/.test(kind) ? kind : undefined);
      let at = doc.from;
      if (/namespaces? "[^"]+" not found/.test(line)) at = locatePath(lines, doc.from, doc.to, ['metadata', 'namespace']);
      out.push(marker(lines, at, line, 'error'));
    }
  }
  return out;
}

function fieldMarker(lines: readonly string[], doc: { from: number; to: number }, error: string): EditorMarker {
  const m = /^([\w.[\]/-]+): (.*)$/.exec(error);
  if (!m) return marker(lines, doc.from, error, 'error');
  return marker(lines, locatePath(lines, doc.from, doc.to, parsePath(m[1])), `${m[1]}: ${m[2]}`, 'error');
}
