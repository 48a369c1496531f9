// Models gopkg.in/evanphx/json-patch.v4 (RFC 6902) as kube-apiserver applies it: a body that is not a
// list of operations is a 400 with the decoder's text; an operation that does not apply is a 422 whose
// message is the generic NewGenericServerResponse text (the library's reason is kept in PatchError.detail).
import { GENERIC_422, PatchError, deepCopy, deepEqual, isPlainObject } from './errors';

type Container = Record<string, unknown> | unknown[];

function fail(detail: string): never {
  throw new PatchError(GENERIC_422, 422, 'Invalid', detail);
}

function decodePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) fail(`invalid path: ${path}`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(arr: unknown[], token: string, forAdd: boolean, op: string, path: string): number {
  if (forAdd && token === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) fail(`${op} operation does not apply: doc is missing path: "${path}"`);
  const i = Number(token);
  if (i < 0 || i > arr.length || (!forAdd && i === arr.length)) fail(`Unable to access invalid index: ${i}`);
  return i;
}

/** parent walks to the container holding the last token of path. */
function parent(doc: unknown, tokens: string[], op: string, path: string): { c: Container; key: string } {
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false, op, path)];
    else if (isPlainObject(cur) && t in cur) cur = cur[t];
    else fail(`${op} operation does not apply: doc is missing path: "${path}"`);
  }
  if (!Array.isArray(cur) && !isPlainObject(cur)) fail(`${op} operation does not apply: doc is missing path: "${path}"`);
  return { c: cur, key: tokens[tokens.length - 1] };
}

function getAt(doc: unknown, path: string, op: string): unknown {
  const tokens = decodePointer(path);
  if (tokens.length === 0) return doc;
  const { c, key } = parent(doc, tokens, op, path);
  if (Array.isArray(c)) return c[arrayIndex(c, key, false, op, path)];
  if (!(key in c)) fail(`${op} operation does not apply: doc is missing key: ${path}`);
  return c[key];
}

function add(doc: unknown, path: string, value: unknown, op = 'add'): unknown {
  const tokens = decodePointer(path);
  if (tokens.length === 0) return value;
  const { c, key } = parent(doc, tokens, op, path);
  if (Array.isArray(c)) c.splice(arrayIndex(c, key, true, op, path), 0, value);
  else c[key] = value;
  return doc;
}

function remove(doc: unknown, path: string, op = 'remove'): unknown {
  const tokens = decodePointer(path);
  if (tokens.length === 0) fail(`${op} operation does not apply: doc is missing path: "${path}"`);
  const { c, key } = parent(doc, tokens, op, path);
  if (Array.isArray(c)) c.splice(arrayIndex(c, key, false, op, path), 1);
  else {
    if (!(key in c)) fail(`${op} operation does not apply: doc is missing key: ${path}`);
    delete c[key];
  }
  return doc;
}

/** applyJsonPatch applies an RFC 6902 operation list (add, remove, replace, move, copy, test). */
export function applyJsonPatch(original: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) {
    const t = patch === null ? 'null' : typeof patch === 'object' ? 'object' : typeof patch === 'string' ? 'string' : 'number';
    throw new PatchError(`json: cannot unmarshal ${t} into Go value of type jsonpatch.Patch`, 400);
  }
  let doc: unknown = deepCopy(original);
  for (const raw of patch) {
    if (!isPlainObject(raw)) throw new PatchError('json: cannot unmarshal array into Go value of type jsonpatch.Operation', 400);
    const op = raw.op;
    const path = raw.path;
    if (typeof path !== 'string') fail(`${String(op)} operation missing path`);
    switch (op) {
      case 'add':
        if (!('value' in raw)) fail('add operation missing value');
        doc = add(doc, path, deepCopy(raw.value));
        break;
      case 'remove':
        doc = remove(doc, path);
        break;
      case 'replace': {
        if (!('value' in raw)) fail('replace operation missing value');
        const tokens = decodePointer(path);
        if (tokens.length === 0) { doc = deepCopy(raw.value); break; }
        const { c, key } = parent(doc, tokens, 'replace', path);
        if (Array.isArray(c)) c[arrayIndex(c, key, false, 'replace', path)] = deepCopy(raw.value);
        else {
          if (!(key in c)) fail(`replace operation does not apply: doc is missing key: ${path}`);
          c[key] = deepCopy(raw.value);
        }
        break;
      }
      case 'move': {
        const from = raw.from;
        if (typeof from !== 'string') fail('move operation missing from');
        const v = getAt(doc, from, 'move');
        doc = remove(doc, from, 'move');
        doc = add(doc, path, v, 'move');
        break;
      }
      case 'copy': {
        const from = raw.from;
        if (typeof from !== 'string') fail('copy operation missing from');
        doc = add(doc, path, deepCopy(getAt(doc, from, 'copy')), 'copy');
        break;
      }
      case 'test': {
        let cur: unknown;
        try { cur = getAt(doc, path, 'test'); } catch { cur = undefined; }
        const want = raw.value === undefined ? null : raw.value;
        if (!deepEqual(cur === undefined ? null : cur, want)) fail(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        fail(`Unexpected kind: ${String(op)}`);
    }
  }
  return doc;
}
