// Models k8s.io/client-go/util/jsonpath/jsonpath.go (FindResults with range/end, PrintResults)
// over JSON data (what kubectl hands it: unstructured content). Values are JS JSON values;
// non-integral numbers play float64, integral ones int64.
import { compactJson } from '../json';
import { utf8Encode } from '../../../util';
import { goFloatG } from '../yaml-scalar';
import { goV } from '../gofmt';
import type { JsonPathList, JsonPathNode } from './nodes';

/** JsonPathExecError is an evaluation error (message as upstream's). */
export class JsonPathExecError extends Error {}

/** NIL_INPUT marks "no value" (an invalid reflect.Value, e.g. a range over nothing). */
const NIL_INPUT = Symbol('nil');

type Val = unknown;


function goTypeName(v: Val): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

const isMap = (v: Val): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNil = (v: Val): boolean => v === null || v === undefined || v === NIL_INPUT;

type Kind = 'bool' | 'int' | 'float' | 'string';
function basicKind(v: Val): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new JsonPathExecError('invalid type for comparison');
}
// Float literals in a template ({1.0}) are boxed so 1.0 still counts as a float64.
class FloatLit { constructor(readonly value: number) {} }

function num(v: Val): number { return v instanceof FloatLit ? v.value : (v as number); }

function compare(op: string, l: Val, r: Val): boolean {
  const kl = l instanceof FloatLit ? 'float' : basicKind(l);
  const kr = r instanceof FloatLit ? 'float' : basicKind(r);
  if (op === '==' || op === '!=') {
    if (kl !== kr) throw new JsonPathExecError('incompatible types for comparison');
    const eq = kl === 'int' || kl === 'float' ? num(l) === num(r) : l === r;
    return op === '==' ? eq : !eq;
  }
  if (kl !== kr) throw new JsonPathExecError('incompatible types for comparison');
  if (kl === 'bool') throw new JsonPathExecError('invalid type for comparison');
  const a = kl === 'string' ? (l as string) : num(l);
  const b = kr === 'string' ? (r as string) : num(r);
  switch (op) {
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    default: throw new JsonPathExecError(`unrecognized filter operator ${op}`);
  }
}

/** JsonPathEvaluator executes a parsed template against data. */
export class JsonPathEvaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd = -1;
  constructor(private readonly root: JsonPathList, private readonly allowMissingKeys = true) {}

  /** findResults returns one result list per printed node (FindResults). */
  findResults(data: Val, start = 0): Val[][] {
    const nodes = this.root.nodes;
    const cur: Val[] = [data];
    const full: Val[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, i + 1));
        else this.findResults(NIL_INPUT, i + 1);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) if (k === this.lastEnd) { i = k; break; }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(value: Val[], node: JsonPathNode): Val[] {
    switch (node.type) {
      case 'list': return this.evalList(value, node);
      case 'text': return [node.text];
      case 'field': return this.evalField(value, node.value);
      case 'array': return this.evalArray(value, node);
      case 'filter': return this.evalFilter(value, node);
      case 'int': return value.map(() => node.value);
      case 'float': return value.map(() => new FloatLit(node.value));
      case 'bool': return value.map(() => node.value);
      case 'wildcard': return this.evalWildcard(value);
      case 'recursive': return this.evalRecursive(value);
      case 'union': return node.nodes.flatMap((l) => this.evalList(value, l));
      case 'identifier': return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Val[], node: JsonPathList): Val[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Val[], name: string): Val[] {
    if (name === 'range') { this.beginRange++; return input; }
    if (name === 'end') {
      if (this.inRange > 0) { this.endRange++; return []; }
      throw new JsonPathExecError('not in range, nothing to end');
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Val[], key: string): Val[] {
    const results: Val[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, key) && v[key] !== undefined) results.push(v[key]);
    }
    if (results.length === 0 && !this.allowMissingKeys && input.length > 0) throw new JsonPathExecError(`${key} is not found`);
    return results;
  }

  private evalArray(input: Val[], node: Extract<JsonPathNode, { type: 'array' }>): Val[] {
    const result: Val[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      const p = node.params.map((x) => ({ ...x }));
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      if (p[1].value === p[0].value) continue;
      if (p[0].value >= len || p[0].value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new JsonPathExecError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new JsonPathExecError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new JsonPathExecError('step must be > 0');
        step = p[2].value;
      }
      const slice = v.slice(p[0].value, p[1].value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalWildcard(input: Val[]): Val[] {
    const results: Val[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      if (Array.isArray(v)) results.push(...v);
      else if (isMap(v)) results.push(...Object.values(v));
      else if (typeof v === 'string') results.push(...utf8Encode(v));
    }
    return results;
  }

  private evalRecursive(input: Val[]): Val[] {
    const result: Val[] = [];
    for (const v of input) {
      if (isNil(v)) continue;
      let children: Val[] = [];
      if (Array.isArray(v)) children = v;
      else if (isMap(v)) children = Object.values(v);
      else if (typeof v === 'string') children = utf8Encode(v);
      if (children.length > 0) {
        result.push(v);
        result.push(...this.evalRecursive(children));
      }
    }
    return result;
  }

  private evalFilter(input: Val[], node: Extract<JsonPathNode, { type: 'filter' }>): Val[] {
    const results: Val[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goV(v === NIL_INPUT ? null : v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        const temp = [item];
        if (node.operator === 'exists') {
          let lefts: Val[] = [];
          try { lefts = this.evalList(temp, node.left); } catch { lefts = []; }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList(temp, node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

/** jsonPathText prints one result list as PrintResults does: maps/lists as compact JSON, others with %v, space-separated. */
export function jsonPathText(results: Val[]): string {
  return results.map((r) => {
    if (r instanceof FloatLit) return goFloatG(r.value);
    if (r === null || r === undefined) return 'null';
    if (typeof r === 'object') return compactJson(r);
    if (typeof r === 'number') return Number.isInteger(r) ? String(r) : goFloatG(r);
    return String(r);
  }).join(' ');
}

/** jsonPathRaw unwraps a result to its JSON value (float literals to numbers). */
export function jsonPathRaw(r: Val): Val {
  return r instanceof FloatLit ? r.value : r;
}

/** jsonPathValueString formats one result as custom-columns does (fmt %v). */
export function jsonPathValueString(r: Val): string {
  if (r instanceof FloatLit) return goFloatG(r.value);
  return goV(r);
}
