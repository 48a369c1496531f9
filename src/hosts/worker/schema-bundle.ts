// One JSON schema for the editor covering every served kind: the root picks a kind's component
// schema by apiVersion and kind (if/then), so monaco-yaml validates, completes and hovers any
// manifest. Objects reject unknown fields, as the API server's strict field validation (kubectl
// 1.32's default --validate=strict) does.
import { componentSchemas, servedKinds, SCHEMA_SOURCE, type JsonSchema } from '../../engine/openapi';

let cached: { schema: unknown; source: string } | undefined;

// Times may be null: `kubectl get -o yaml` and `kubectl edit` print `creationTimestamp: null` in templates.
const NULLABLE = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime']);

function strict(name: string, s: JsonSchema): JsonSchema | Record<string, unknown> {
  if (NULLABLE.has(name)) return { ...s, type: [s.type ?? 'string', 'null'] };
  if (s.type === 'object' && s.properties && s.additionalProperties === undefined) return { ...s, additionalProperties: false };
  return s;
}

/** schemaBundle builds (once) the editor's schema from the generated Kubernetes component schemas. */
export function schemaBundle(): { schema: unknown; source: string } {
  if (cached) return cached;
  const components = Object.fromEntries(Object.entries(componentSchemas()).map(([k, v]) => [k, strict(k, v)]));
  const kinds = servedKinds().filter((k) => !k.kind.endsWith('List'));
  const apiVersion = (k: { group: string; version: string }) => (k.group ? `${k.group}/${k.version}` : k.version);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map(apiVersion))].sort(), description: 'APIVersion defines the versioned schema of this representation of an object.' },
      kind: { type: 'string', enum: [...new Set(kinds.map((k) => k.kind))].sort(), description: 'Kind is a string value representing the REST resource this object represents.' },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: { const: apiVersion(k) }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/components/schemas/${k.definition}` },
    })),
    components: { schemas: components },
  };
  cached = { schema, source: `${SCHEMA_SOURCE.package}@${SCHEMA_SOURCE.version}` };
  return cached;
}
