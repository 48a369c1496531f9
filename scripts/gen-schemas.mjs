#!/usr/bin/env node
// gen-schemas.mjs writes src/generated/k8s-schemas.json: the OpenAPI v3 component schemas of every
// kind the engine registers, derived from the `kubernetes-models` registry package (no network).
//
// Source of each piece of data:
// - structure, descriptions, required fields, enums, group-version-kind: the package's `.d.ts`
//   interfaces (one file per definition; the JSDoc carries the upstream OpenAPI description);
// - integer vs number and int32/int64 formats: the package's compiled validators (`_schemas/*.js`);
// - apiVersion/kind descriptions: `@kubernetes-models/base` TypeMeta;
// - x-kubernetes-patch-merge-key / x-kubernetes-patch-strategy (and the list-type / list-map-keys
//   they imply): the engine's own strategic-merge
//   table (src/engine/api/patch/merge-keys.ts, transcribed from the Go struct tags), because the
//   package drops the x-kubernetes-* extensions.
// Run by `npm install`/`npm ci` (postinstall) and before dev/build/test/typecheck; `--check` only
// regenerates when the inputs changed.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NM = join(ROOT, 'node_modules');
const MODELS = join(NM, 'kubernetes-models');
const APIMACHINERY = join(NM, '@kubernetes-models', 'apimachinery');
const BASE_META = join(NM, '@kubernetes-models', 'base', 'dist', 'meta.d.ts');
const RESOURCES_TS = join(ROOT, 'src', 'engine', 'api', 'registry', 'resources.ts');
const MERGE_KEYS_TS = join(ROOT, 'src', 'engine', 'api', 'patch', 'merge-keys.ts');
const OUT = join(ROOT, 'src', 'generated', 'k8s-schemas.json');
const REF = '#/components/schemas/';

/** Extra kinds served besides the registry's resources (subresource bodies and errors). */
const EXTRA_KINDS = [
  { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  { group: 'policy', version: 'v1', kind: 'Eviction' },
  { group: '', version: 'v1', kind: 'Status', meta: true },
  { group: '', version: 'v1', kind: 'DeleteOptions', meta: true },
];

function readJson(p) { return JSON.parse(readFileSync(p, 'utf8')); }

// ---------- inputs ----------

/** registeredKinds reads the engine's BUILTIN_RESOURCES table (group, version, kind, listKind). */
function registeredKinds() {
  const src = readFileSync(RESOURCES_TS, 'utf8');
  const out = [];
  const re = /def\('([^']*)',\s*'([^']*)',\s*'([^']*)',\s*'[^']*'(?:,\s*\{([^}]*)\})?\)/g;
  for (let m; (m = re.exec(src));) {
    const listKind = /listKind:\s*'([^']*)'/.exec(m[4] ?? '')?.[1] ?? `${m[3]}List`;
    out.push({ group: m[1], version: m[2], kind: m[3], listKind });
  }
  if (out.length < 10) throw new Error(`gen-schemas: could not read the resource table in ${RESOURCES_TS}`);
  return out;
}

/** definitionFile returns the .d.ts path and the OpenAPI definition name of a group/version/kind. */
function definitionFile(group, version, kind, meta = false) {
  if (meta) return { file: join(APIMACHINERY, 'apis', 'meta', 'v1', `${kind}.d.ts`), id: `io.k8s.apimachinery.pkg.apis.meta.v1.${kind}` };
  const dir = group === '' ? join(MODELS, version) : join(MODELS, group, version);
  const prefix = group === '' ? 'core' : group.split('.')[0];
  return { file: join(dir, `${kind}.d.ts`), id: `io.k8s.api.${prefix}.${version}.${kind}` };
}

/** definitionOfImport maps an import specifier of a .d.ts file to its OpenAPI definition name. */
function definitionOfImport(fromFile, spec) {
  if (spec.startsWith('@kubernetes-models/apimachinery/')) {
    const rest = spec.slice('@kubernetes-models/apimachinery/'.length).split('/');
    return { file: join(APIMACHINERY, ...rest) + '.d.ts', id: `io.k8s.apimachinery.pkg.${rest.join('.')}` };
  }
  if (!spec.startsWith('.')) return undefined;
  const file = join(dirname(fromFile), spec) + '.d.ts';
  const rel = relative(MODELS, file).split(/[\\/]/);
  if (rel[0] === '..') {
    const relA = relative(APIMACHINERY, file).split(/[\\/]/);
    return { file, id: `io.k8s.apimachinery.pkg.${relA.join('.').replace(/\.d\.ts$/, '')}` };
  }
  const name = rel[rel.length - 1].replace(/\.d\.ts$/, '');
  if (rel.length === 2) return { file, id: `io.k8s.api.core.${rel[0]}.${name}` };
  return { file, id: `io.k8s.api.${rel[0].split('.')[0]}.${rel[1]}.${name}` };
}

/** camel turns a definition name into the package's identifier (io.k8s.api.core.v1.Pod → IoK8sApiCoreV1Pod). */
function camel(id) {
  return id.split(/[.-]/).map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('');
}

// ---------- JSDoc ----------

function jsDocOf(node, text) {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const doc = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**')).pop();
  if (!doc) return undefined;
  const lines = doc.replace(/^\/\*\*\s*\n?/, '').replace(/\s*\*\/$/, '').split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').replace(/^\s*\*$/, ''));
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  // The generator escaped comment terminators and stars; restore the upstream text.
  return lines.join('\n').replace(/\*\\\//g, '*/').replace(/\\\*/g, '*');
}

// ---------- validators (integer vs number) ----------

const validatorCache = new Map();

/** numericTypes reads `_schemas/<Camel>.js` and returns property → {type, format} for numeric fields. */
function numericTypes(root, id) {
  const key = `${root}|${id}`;
  if (validatorCache.has(key)) return validatorCache.get(key);
  const out = new Map();
  const file = join(root, '_schemas', `${camel(id)}.js`);
  if (existsSync(file)) {
    const src = readFileSync(file, 'utf8');
    const bodies = new Map();
    const starts = [...src.matchAll(/function (validate\d+)\(/g)];
    starts.forEach((m, i) => bodies.set(m[1], src.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : src.length)));
    const classify = (fn, depth, seen) => {
      const body = bodies.get(fn);
      if (!body || seen.has(fn)) return undefined;
      seen.add(fn);
      const own = body.replace(/function validate\d+\(/, '');
      const type = /params:\{type:"integer"\}/.test(own) ? 'integer' : /params:\{type:"number"\}/.test(own) ? 'number' : undefined;
      const format = /params:\{format:"(int32|int64|double|float)"\}/.exec(own)?.[1];
      if (type) return { type, format };
      if (depth > 3) return undefined;
      for (const c of own.matchAll(/(validate\d+)\(data/g)) {
        const r = classify(c[1], depth + 1, seen);
        if (r) return r;
      }
      return undefined;
    };
    // The top-level validator is the one exported; its property checks name the per-field validators.
    for (const m of src.matchAll(/void 0===data(?:\.([A-Za-z_$][\w$]*)|\["([^"]+)"\])\|\|(validate\d+)\(/g)) {
      const prop = m[1] ?? m[2];
      if (out.has(prop)) continue;
      const r = classify(m[3], 0, new Set());
      if (r) out.set(prop, r);
    }
  }
  validatorCache.set(key, out);
  return out;
}

// ---------- .d.ts → schema ----------

function typeMetaDocs() {
  const text = readFileSync(BASE_META, 'utf8');
  const sf = ts.createSourceFile(BASE_META, text, ts.ScriptTarget.ES2022, true);
  const docs = {};
  sf.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === 'TypeMeta') {
      for (const m of n.members) if (m.name) docs[m.name.getText(sf).replace(/"/g, '')] = jsDocOf(m, text);
    }
  });
  return docs;
}

/** parseDefinition reads one .d.ts file and returns its schema plus the definitions it references. */
function parseDefinition(file, id, typeMeta) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const imports = new Map();
  const refs = new Map();
  let decl;
  sf.forEachChild((n) => {
    if (ts.isImportDeclaration(n) && n.importClause?.namedBindings && ts.isNamedImports(n.importClause.namedBindings)) {
      const spec = n.moduleSpecifier.text;
      for (const el of n.importClause.namedBindings.elements) imports.set(el.name.text, spec);
    }
    if (!decl && (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n))) decl = n;
  });
  if (!decl) throw new Error(`gen-schemas: no declaration in ${file}`);
  const root = file.startsWith(APIMACHINERY) ? APIMACHINERY : MODELS;
  const numeric = numericTypes(root, id);

  const refTo = (name) => {
    const spec = imports.get(name);
    const target = spec && definitionOfImport(file, spec);
    if (!target) return undefined;
    refs.set(target.id, target.file);
    return { $ref: REF + target.id };
  };
  const convert = (node, num) => {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return { type: 'string' };
      case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
      case ts.SyntaxKind.NumberKeyword: return num ? { type: num.type, ...(num.format ? { format: num.format } : {}) } : { type: 'number' };
      case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: case ts.SyntaxKind.ObjectKeyword: return { type: 'object' };
      case ts.SyntaxKind.ArrayType: return { type: 'array', items: convert(node.elementType, num) };
      case ts.SyntaxKind.ParenthesizedType: return convert(node.type, num);
      case ts.SyntaxKind.LiteralType:
        if (ts.isStringLiteral(node.literal)) return { type: 'string' };
        return { type: 'object' };
      case ts.SyntaxKind.UnionType: {
        const lits = node.types.filter((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
        if (lits.length === node.types.length) return { type: 'string', enum: lits.map((t) => t.literal.text) };
        const prims = node.types.filter((t) => t.kind !== ts.SyntaxKind.NullKeyword && !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
        if (prims.length === 1) return convert(prims[0], num);
        // string | number (Quantity, IntOrString): kube-openapi v3 serves these as oneOf without a type.
        return { oneOf: prims.map((t) => convert(t, num)) };
      }
      case ts.SyntaxKind.TypeLiteral: {
        const idx = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
        if (idx) return { type: 'object', additionalProperties: convert(idx.type, num) };
        return { type: 'object' };
      }
      case ts.SyntaxKind.TypeReference: {
        const name = node.typeName.getText(sf);
        if (name === 'Array' && node.typeArguments?.length === 1) return { type: 'array', items: convert(node.typeArguments[0], num) };
        if (name === 'Record' && node.typeArguments?.length === 2) return { type: 'object', additionalProperties: convert(node.typeArguments[1], num) };
        const r = refTo(name);
        if (r) return r;
        return { type: 'object' };
      }
      default:
        return { type: 'object' };
    }
  };

  const description = jsDocOf(decl, text);
  if (ts.isTypeAliasDeclaration(decl)) {
    const schema = convert(decl.type, undefined);
    // An alias like IntOrString is string|number; kube-openapi marks them with a format.
    if (id.endsWith('IntOrString')) { schema.oneOf = [{ type: 'integer' }, { type: 'string' }]; schema.format = 'int-or-string'; }
    if (id.endsWith('.Time')) schema.format = 'date-time';
    if (id.endsWith('.MicroTime')) schema.format = 'date-time';
    return { schema: { ...(description ? { description } : {}), ...schema }, refs };
  }

  const properties = {};
  const required = [];
  let gvk;
  const lit = {};
  for (const m of decl.members) {
    if (!ts.isPropertySignature(m) || !m.name || !m.type) continue;
    const name = ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(sf);
    let prop = convert(m.type, numeric.get(name));
    let doc = jsDocOf(m, text);
    const typeMetaField = (name === 'apiVersion' || name === 'kind') && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal);
    if (typeMetaField) { lit[name] = m.type.literal.text; doc = doc ?? typeMeta[name]; }
    else if (!m.questionToken) required.push(name);
    if (prop.$ref && doc) prop = { allOf: [prop] };
    properties[name] = { ...(doc ? { description: doc } : {}), ...prop };
  }
  if (lit.apiVersion && lit.kind) {
    const [g, v] = lit.apiVersion.includes('/') ? lit.apiVersion.split('/') : ['', lit.apiVersion];
    gvk = [{ group: g, kind: lit.kind, version: v }];
  }
  const schema = {
    ...(description ? { description } : {}),
    type: 'object',
    ...(Object.keys(properties).length ? { properties } : {}),
    ...(required.length ? { required: required.sort() } : {}),
    ...(gvk ? { 'x-kubernetes-group-version-kind': gvk } : {}),
  };
  return { schema, refs };
}

// ---------- merge keys from the engine's strategic-merge table ----------

async function mergeKeyTable() {
  const src = readFileSync(MERGE_KEYS_TS, 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = await import('data:text/javascript;base64,' + Buffer.from(js).toString('base64'));
  return mod.SCHEMAS;
}

function resolveRef(schemas, s) {
  const ref = s?.$ref ?? s?.allOf?.[0]?.$ref;
  return ref ? schemas[ref.slice(REF.length)] : s;
}

/** annotate walks a kind's patch table alongside its schema and sets the patch extensions. */
function annotate(schemas, schema, table, seen = new Set()) {
  if (!schema?.properties || seen.has(schema)) return;
  seen.add(schema);
  for (const [field, meta] of Object.entries(table)) {
    const prop = schema.properties[field];
    if (!prop) continue;
    if (meta.mergeKey) {
      prop['x-kubernetes-patch-merge-key'] = meta.mergeKey;
      prop['x-kubernetes-patch-strategy'] = 'merge';
      // +listType=map with the merge key; port lists are keyed by port and protocol together, as upstream tags them.
      prop['x-kubernetes-list-type'] = 'map';
      prop['x-kubernetes-list-map-keys'] = meta.mergeKey === 'containerPort' || meta.mergeKey === 'port' ? [meta.mergeKey, 'protocol'] : [meta.mergeKey];
    }
    if (meta.primitiveMerge) { prop['x-kubernetes-patch-strategy'] = 'merge'; prop['x-kubernetes-list-type'] = 'set'; }
    if (meta.schema) {
      const target = prop.type === 'array' ? resolveRef(schemas, prop.items) : resolveRef(schemas, prop);
      annotate(schemas, target, meta.schema, seen);
    }
  }
}

// ---------- main ----------

async function main() {
  if (!existsSync(MODELS)) {
    console.error('gen-schemas: node_modules/kubernetes-models is missing; run `npm ci` first.');
    process.exit(1);
  }
  const pkg = readJson(join(MODELS, 'package.json'));
  const inputs = [RESOURCES_TS, MERGE_KEYS_TS, join(MODELS, 'package.json'), fileURLToPath(import.meta.url)];
  if (process.argv.includes('--check') && existsSync(OUT)) {
    const outTime = statSync(OUT).mtimeMs;
    if (inputs.every((f) => statSync(f).mtimeMs <= outTime)) return;
  }
  const started = performance.now();
  const typeMeta = typeMetaDocs();
  const kinds = [];
  for (const r of registeredKinds()) {
    kinds.push({ group: r.group, version: r.version, kind: r.kind });
    kinds.push({ group: r.group, version: r.version, kind: r.listKind, list: true });
  }
  kinds.push(...EXTRA_KINDS);

  const schemas = {};
  const queue = [];
  const kindEntries = [];
  for (const k of kinds) {
    const { file, id } = definitionFile(k.group, k.version, k.kind, k.meta);
    if (!existsSync(file)) {
      if (!k.list) console.warn(`gen-schemas: no definition for ${k.group || 'core'}/${k.version} ${k.kind} in kubernetes-models`);
      continue;
    }
    kindEntries.push({ group: k.meta ? '' : k.group, version: k.version, kind: k.kind, definition: id });
    queue.push([id, file]);
  }
  while (queue.length) {
    const [id, file] = queue.shift();
    if (schemas[id]) continue;
    const { schema, refs } = parseDefinition(file, id, typeMeta);
    // Check the package's own alias for the definition name we derived from the path.
    if (!readFileSync(file, 'utf8').includes(`I${camel(id)}`)) throw new Error(`gen-schemas: ${file} does not declare ${id}`);
    schemas[id] = schema;
    for (const [rid, rfile] of refs) if (!schemas[rid]) queue.push([rid, rfile]);
  }

  const table = await mergeKeyTable();
  for (const e of kindEntries) if (table[e.kind]) annotate(schemas, schemas[e.definition], table[e.kind]);

  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
  const doc = {
    '//': 'Generated by scripts/gen-schemas.mjs from the kubernetes-models npm package; do not edit or commit.',
    source: { package: 'kubernetes-models', version: pkg.version },
    kinds: kindEntries,
    schemas: sorted,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  const json = JSON.stringify(doc);
  writeFileSync(OUT, json + '\n');
  const ms = Math.round(performance.now() - started);
  if (!process.argv.includes('--quiet')) {
    console.log(`gen-schemas: wrote ${relative(ROOT, OUT)} (${Object.keys(sorted).length} schemas, ${kindEntries.length} kinds, ${(json.length / 1024).toFixed(0)} KiB) in ${ms} ms`);
  }
}

await main();
