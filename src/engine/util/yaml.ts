// The engine's one adapter over the `yaml` package. Models k8s.io/apimachinery/pkg/util/yaml
// (YAMLReader splits on `---` lines) plus sigs.k8s.io/yaml over go-yaml v2 (YAML 1.1 scalars).
import { parseDocument, stringify, type ErrorCode } from 'yaml';

/** YamlDocument is one non-empty document of a manifest stream with its 1-based first line. */
export interface YamlDocument { value: unknown; line: number }

/** YamlSyntaxError carries go-yaml's message, e.g. `yaml: line 3: mapping values are not allowed in this context`. */
export class YamlSyntaxError extends Error {
  constructor(message: string, public readonly line: number) { super(message); this.name = 'YamlSyntaxError'; }
}

/** splitYamlDocuments splits a stream on `---` separator lines as apimachinery's YAMLReader does. */
export function splitYamlDocuments(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split('\n');
  let buf: string[] = [];
  let start = 1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('---')) {
      const rest = l.slice(3).trim();
      if (rest && !rest.startsWith('#')) throw new YamlSyntaxError(`invalid Yaml document separator: ${rest}`, i + 1);
      if (buf.length) out.push({ text: buf.join('\n'), line: start });
      buf = [];
      start = i + 2;
      continue;
    }
    buf.push(l);
  }
  if (buf.length) out.push({ text: buf.join('\n'), line: start });
  return out;
}

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  TAB_AS_INDENT: 'found character that cannot start any token',
  BAD_INDENT: 'did not find expected key',
  MULTILINE_IMPLICIT_KEY: "could not find expected ':'",
  MISSING_CHAR: "could not find expected ':'",
  UNEXPECTED_TOKEN: 'did not find expected node content',
  BAD_SCALAR_START: 'found character that cannot start any token',
  BLOCK_IN_FLOW: 'did not find expected \',\' or \']\'',
  MULTIPLE_DOCS: 'did not find expected <document start>',
};

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') n++;
  return n;
}

/** parseYaml parses one document with go-yaml's YAML 1.1 semantics, throwing YamlSyntaxError with go-yaml's wording. */
export function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, merge: true, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    let line = lineOf(text, err.pos[0]);
    if (err.code === 'BLOCK_AS_IMPLICIT_KEY') {
      // go-yaml reports the line of the offending ':' that follows the scalar.
      const m = /:(\s|$)/.exec(text.slice(err.pos[0]));
      if (m) line = lineOf(text, err.pos[0] + m.index);
    } else if (err.code === 'MULTILINE_IMPLICIT_KEY') {
      line = lineOf(text, err.pos[1]);
    }
    const msg = MESSAGES[err.code] ?? 'did not find expected key';
    throw new YamlSyntaxError(`yaml: line ${line}: ${msg}`, line);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/** parseYamlStream parses a multi-document manifest; empty documents are skipped. */
export function parseYamlStream(text: string): YamlDocument[] {
  const out: YamlDocument[] = [];
  for (const chunk of splitYamlDocuments(text)) {
    if (!chunk.text.trim()) continue;
    const value = parseYaml(chunk.text);
    if (value === null || value === undefined) continue;
    out.push({ value, line: chunk.line });
  }
  return out;
}

/** stringifyYaml writes plain YAML with sorted keys (files the engine writes itself, e.g. kubeconfig). */
export function stringifyYaml(value: unknown): string {
  return stringify(value, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}
