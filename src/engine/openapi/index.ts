export { schemaFor, componentSchemas, servedKinds, definitionFor, reachableComponents, refName, gvkEquals, REF_PREFIX, SCHEMA_SOURCE } from './schemas';
export { openApiV3Index, openApiV3Document, gvPath } from './document';
export { documentHash } from './hash';
export type { JsonSchema, GroupVersionKind, KindEntry, KindSchema, SchemaFile, OpenApiV3Index, OpenApiV3Document } from './types';
