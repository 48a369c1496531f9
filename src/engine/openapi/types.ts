/** JsonSchema is one OpenAPI v3 schema object as kube-apiserver serves it (the subset the sandbox uses). */
export interface JsonSchema {
  description?: string;
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  enum?: string[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

/** GroupVersionKind names one kind; group is '' for the core API. */
export interface GroupVersionKind { group: string; version: string; kind: string }

/** KindEntry maps a served kind to its component schema name (io.k8s.api.core.v1.Pod). */
export interface KindEntry extends GroupVersionKind { definition: string }

/** SchemaFile is the shape of src/generated/k8s-schemas.json written by scripts/gen-schemas.mjs. */
export interface SchemaFile {
  source: { package: string; version: string };
  kinds: KindEntry[];
  schemas: Record<string, JsonSchema>;
}

/** KindSchema is a kind's schema plus every component it references, so `$ref`s resolve inside it. */
export type KindSchema = JsonSchema & { components: { schemas: Record<string, JsonSchema> } };

/** OpenApiV3Index is the body of GET /openapi/v3. */
export interface OpenApiV3Index { paths: Record<string, { serverRelativeURL: string }> }

/** OpenApiV3Document is the body of GET /openapi/v3/<group-version path>. */
export interface OpenApiV3Document {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}
